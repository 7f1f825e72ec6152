// The customer's conversation as a notification channel: a staff reply or a status change is
// written into the conversation the request was made in (a proactive turn on the stored
// conversation reference), when that conversation can still be reached.
import type { ConversationReference, TurnContext } from 'botbuilder';
import { customerNotice } from '../notify/customerNotices.js';
import type { Delivery, Subscriber } from '../notify/dispatcher.js';
import type { Lang } from '../knowledge/types.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { ConversationAddress } from '../tickets/types.js';

/** Something that can open a turn on an existing conversation: an adapter, for its channel. */
export interface ProactiveChannel {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface ChatSubscriberDeps {
  store: Pick<HelpdeskStore, 'findByReference'>;
  /** the adapter that reaches conversations of this address's channel; undefined: none here */
  channelFor(address: ConversationAddress): ProactiveChannel | undefined;
  /**
   * Writes the text in the conversation's language (`textIn(undefined)`: the request's, when the
   * conversation has none any more) and remembers that the customer's answer goes to `reference`
   * (createBot's tellCustomer).
   */
  tell(context: TurnContext, textIn: (lang: Lang | undefined) => string, reference: string): Promise<void>;
}

export function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { isGroup: false, name: '', conversationType: 'personal', ...address.conversation },
    bot: { name: '', ...address.bot },
    user: { name: '', ...address.user },
    ...(address.locale ? { locale: address.locale } : {}),
  };
}

/**
 * Gone for good: the conversation was deleted, the bot removed or blocked by the user (403/404
 * from the channel), or the local Direct Line never heard of it. Anything else is tried again.
 */
export function conversationGone(err: unknown): boolean {
  const status = (err as { statusCode?: number; status?: number } | undefined)?.statusCode ?? (err as { status?: number } | undefined)?.status;
  if (status === 403 || status === 404) return true;
  return err instanceof Error && /conversation '.*' is not open/.test(err.message);
}

export function chatSubscriber({ store, channelFor, tell }: ChatSubscriberDeps): Subscriber {
  return {
    name: 'chat',
    async deliver(event): Promise<Delivery> {
      const request = await store.findByReference(event.reference);
      if (!request?.address) return 'unreachable';
      const notice = customerNotice(event, request);
      if (!notice?.chat) return 'delivered';
      const channel = channelFor(request.address);
      if (!channel) return 'unreachable';
      // The conversation may have moved to the other language since the request was made.
      const textIn = (lang: Lang | undefined) => (lang && lang !== request.language ? customerNotice(event, { ...request, language: lang })?.chat : undefined) ?? notice.chat!;
      try {
        await channel.continueConversation(referenceOf(request.address), (context) => tell(context, textIn, request.reference));
      } catch (err) {
        if (conversationGone(err)) return 'unreachable';
        throw err;
      }
      return 'delivered';
    },
  };
}
