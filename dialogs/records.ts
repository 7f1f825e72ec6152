// Turns the conversation so far into what a ticket or callback carries: the articles shown, the
// flow steps taken and the transcript, so the next level does not ask again.
import type { TurnContext } from 'botbuilder';
import { messageOf } from '../tickets/transcriptMessages.js';
import type { Tried } from '../tickets/types.js';
import type { HelpdeskDeps } from './deps.js';
import type { Session } from './session.js';

export async function triedSoFar(deps: HelpdeskDeps, context: TurnContext, session: Session): Promise<Tried> {
  const entries = await deps.store.transcript(context.activity.conversation.id);
  const transcript = entries.flatMap((e) => {
    const m = messageOf(e);
    return m?.text ? [{ from: m.from, text: m.text, at: m.at }] : [];
  });
  return { articles: session.tried.articles, flowSteps: session.tried.flowSteps, transcript };
}

export function origin(context: TurnContext) {
  return { channel: context.activity.channelId, conversationId: context.activity.conversation.id };
}
