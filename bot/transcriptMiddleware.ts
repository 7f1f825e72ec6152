// What is said in each conversation, in and out, into the helpdesk store: channel-neutral messages
// (text, the choices offered, a reference shown, files' names), read here from the activity the
// customer sent and from what the dialogs sent before the channel drew it (channels.ts), so the
// store and staff never learn a channel's cards. botbuilder's TranscriptLoggerMiddleware writes at
// the end of the turn without waiting and marks only the incoming side; here each write is awaited
// in order and carries its direction, so the transcript a ticket copies includes the turn in progress.
import type { Activity, Attachment, Middleware, TurnContext } from 'botbuilder';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import { parseReference } from '../tickets/reference.js';
import type { SaidMessage, TranscriptEntry } from '../tickets/types.js';
import type { Logger } from '../dialogs/deps.js';
import { repeatedFailures, type FailureLog } from '../dialogs/repeatedFailures.js';
import { asSent, redrawnFromTranscript } from './channels.js';

const plain = (a: Partial<Activity>) => JSON.parse(JSON.stringify(a)) as unknown;

/**
 * What an activity says, or undefined when it says nothing (typing, joins, events, an empty
 * message). Outgoing, it reads the dialogs' activity: suggested actions and card buttons are the
 * choices, a card's text naming a request reference is a confirmation.
 */
export function saidIn(activity: Partial<Activity>): SaidMessage | undefined {
  if (activity.type !== 'message') return undefined;
  const attachments = activity.attachments ?? [];
  const choices = [
    ...(activity.suggestedActions?.actions ?? []),
    ...attachments.flatMap((a) => buttonsOn(a.content)),
  ].flatMap((action) => labelOf(action));
  const reference = attachments.map(referenceOn).find((r) => r !== undefined);
  const files = attachments.flatMap((a) => (typeof a.name === 'string' && a.name ? [a.name] : []));
  const text = typeof activity.text === 'string' ? activity.text : '';
  if (!text && choices.length === 0 && !reference && files.length === 0) return undefined;
  return { text, ...(choices.length ? { choices } : {}), ...(reference ? { reference } : {}), ...(files.length ? { attachments: files } : {}) };
}

/** Buttons of a hero or thumbnail card (`buttons`), actions of an Adaptive Card (`actions`). */
function buttonsOn(content: unknown): unknown[] {
  if (typeof content !== 'object' || content === null) return [];
  const { buttons, actions } = content as { buttons?: unknown; actions?: unknown };
  return [...(Array.isArray(buttons) ? buttons : []), ...(Array.isArray(actions) ? actions : [])];
}

function labelOf(action: unknown): string[] {
  const { title, value } = (typeof action === 'object' && action !== null ? action : {}) as { title?: unknown; value?: unknown };
  const label = typeof title === 'string' && title ? title : typeof value === 'string' ? value : '';
  return label ? [label] : [];
}

/** The first request reference a card shows in its text (a ticket's or callback's confirmation). */
function referenceOn(attachment: Attachment): string | undefined {
  if (!(attachment.contentType ?? '').startsWith('application/vnd.microsoft.card.')) return undefined;
  const pending: unknown[] = [attachment.content];
  while (pending.length > 0) {
    const value = pending.shift();
    if (typeof value === 'string') {
      const found = parseReference(value);
      if (found) return found.reference;
    } else if (typeof value === 'object' && value !== null) {
      pending.push(...Object.values(value));
    }
  }
  return undefined;
}

export interface TranscriptOptions {
  /** channels that keep each activity as drawn too, to draw their history again (channels.ts) */
  redrawn?: (channelId: string | undefined) => boolean;
  /** conversations that are not a customer's (the support team's channel): not kept */
  notCustomers?: (context: TurnContext) => boolean;
}

export class TranscriptMiddleware implements Middleware {
  private readonly failed: FailureLog;
  private readonly redrawn: (channelId: string | undefined) => boolean;

  private readonly notCustomers: (context: TurnContext) => boolean;

  constructor(private readonly store: HelpdeskStore, log: Logger, { redrawn = redrawnFromTranscript, notCustomers = () => false }: TranscriptOptions = {}) {
    this.failed = repeatedFailures(log);
    this.redrawn = redrawn;
    this.notCustomers = notCustomers;
  }

  /** Best-effort: a transcript that cannot be written is logged, the customer's turn goes on. */
  private async append(context: TurnContext, direction: TranscriptEntry['direction'], said: SaidMessage | undefined, drawn: Partial<Activity>): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const redrawn = this.redrawn(context.activity.channelId);
    if (!said && !redrawn) return;
    try {
      await this.store.appendTranscript({ conversationId, direction, ...(said ? { message: said } : {}), ...(redrawn ? { activity: plain(drawn) } : {}) });
    } catch (err) {
      this.failed('transcript', err, conversationId);
    }
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!context.activity.conversation?.id || this.notCustomers(context)) return next();
    await this.append(context, 'in', saidIn(context.activity), context.activity);
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const [i, activity] of activities.entries()) {
        await this.append(ctx, 'out', saidIn(asSent(ctx, activity)), { ...activity, id: responses?.[i]?.id ?? activity.id });
      }
      return responses;
    });
    await next();
  }
}
