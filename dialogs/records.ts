// Turns the conversation so far into what a ticket or callback carries: the articles shown, the
// flow steps taken and the transcript, so the next level does not ask again.
import type { TurnContext } from 'botbuilder';
import type { Tried } from '../tickets/types.js';
import type { HelpdeskDeps } from './deps.js';
import type { Session } from './session.js';

interface MessageLike {
  type?: string;
  text?: string;
}

export async function triedSoFar(deps: HelpdeskDeps, context: TurnContext, session: Session): Promise<Tried> {
  const entries = await deps.store.transcript(context.activity.conversation.id);
  const transcript = entries.flatMap((e) => {
    const a = e.activity as MessageLike;
    return a?.type === 'message' && typeof a.text === 'string' && a.text
      ? [{ from: e.direction === 'in' ? ('user' as const) : ('bot' as const), text: a.text, at: e.at }]
      : [];
  });
  return { articles: session.tried.articles, flowSteps: session.tried.flowSteps, transcript };
}

export function origin(context: TurnContext) {
  return { channel: context.activity.channelId, conversationId: context.activity.conversation.id };
}
