// What the customer is told when something happens to their request, in their language: by mail
// (subject with the reference) and in their conversation. A plain function of the event and the
// request as it is now, so every channel says the same and the table tests read it without a bot.
import { formatSlot } from '../dialogs/contact/slots.js';
import { strings } from '../strings/index.js';
import type { NoticeAbout } from '../strings/strings.js';
import type { RequestEvent } from '../tickets/requestChanges.js';
import type { HelpdeskRequest } from '../tickets/types.js';

export interface CustomerNotice {
  about: NoticeAbout;
  subject: string;
  /** the mail's text */
  mail: string;
  /** what the bot writes in the conversation; absent when the conversation already saw it (the creation) */
  chat?: string;
}

/** The notice for `event`, or undefined when the customer is told nothing (an internal note, an assignment…). */
export function customerNotice(event: RequestEvent, request: HelpdeskRequest, options: { mailReplies?: boolean } = {}): CustomerNotice | undefined {
  const t = strings(request.language).notice;
  const { reference } = request;
  const open = request.status === 'open' || request.status === 'in-progress';
  const mail = (...lines: string[]) => [t.greeting(request.contact.name), '', ...lines, '', t.mailFooter(reference, options.mailReplies === true)].join('\n');
  const chat = (...lines: string[]) => [...lines, ...(open ? [t.answerInChat(reference)] : [])].join('\n\n');

  switch (event.type) {
    case 'requestCreated': {
      const lines = [t.created(reference, request.kind)];
      if (request.kind === 'callback') lines.push(t.callbackAt(`${formatSlot(request.slot, request.language, request.timeZone)} (${strings(request.language).zoneName(request.timeZone)})`));
      return { about: 'created', subject: t.subject(reference, 'created'), mail: mail(...lines) };
    }
    case 'statusChanged': {
      const change = request.statusHistory.find((c) => c.id === event.changeId);
      if (!change) return undefined;
      const lines = [t.statusChanged(reference, change.status), ...(change.note && change.public ? [t.fromSupport(change.note)] : [])];
      return { about: 'status', subject: t.subject(reference, 'status'), mail: mail(...lines), chat: chat(...lines) };
    }
    case 'replied': {
      const message = request.messages?.find((m) => m.id === event.changeId);
      if (!message || message.visibility !== 'public') return undefined;
      const lines = [t.replied(reference), t.fromSupport(message.text)];
      return { about: 'reply', subject: t.subject(reference, 'reply'), mail: mail(...lines), chat: chat(...lines) };
    }
    default:
      return undefined;
  }
}
