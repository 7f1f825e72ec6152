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

/** Where a request comes from; the activity id makes a channel's retry of it the same request. */
export function origin(context: TurnContext) {
  const { channelId, conversation, id } = context.activity;
  return { channel: channelId, conversationId: conversation.id, ...(id ? { requestKey: `${conversation.id}|${id}`.slice(0, 300) } : {}) };
}
