// Turns the conversation so far into what a ticket or callback carries: the articles shown, the
// flow steps taken and the transcript, so the next level does not ask again.
import { TurnContext } from 'botbuilder';
import { messageOf } from '../tickets/transcriptMessages.js';
import type { ConversationAddress, Tried } from '../tickets/types.js';
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

/**
 * Where a request comes from; the activity id makes a channel's retry of it the same request, and
 * the address lets the bot write to the customer there again (a staff reply, a status change).
 */
export function origin(context: TurnContext) {
  const { channelId, conversation, id } = context.activity;
  return { channel: channelId, conversationId: conversation.id, ...(id ? { requestKey: `${conversation.id}|${id}`.slice(0, 300) } : {}), ...addressOf(context) };
}

/** The conversation reference, as the store keeps it (only the fields a later message needs). */
function addressOf(context: TurnContext): { address?: ConversationAddress } {
  const ref = TurnContext.getConversationReference(context.activity);
  if (!ref.serviceUrl || !ref.channelId || !ref.conversation?.id || !ref.bot?.id || !ref.user?.id) return {};
  const { id, tenantId, conversationType, isGroup } = ref.conversation;
  const optional = <T>(key: string, value: T | undefined) => (value === undefined || value === null || value === '' ? {} : { [key]: value });
  return {
    address: {
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      conversation: { id, ...optional('tenantId', tenantId), ...optional('conversationType', conversationType), ...optional('isGroup', isGroup) },
      bot: { id: ref.bot.id, ...optional('name', ref.bot.name) },
      user: { id: ref.user.id, ...optional('name', ref.user.name), ...optional('aadObjectId', ref.user.aadObjectId) },
      ...optional('locale', ref.locale),
    },
  };
}
