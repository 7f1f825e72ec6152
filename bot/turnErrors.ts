// One handler for whatever a turn throws: log it with the conversation id, tell the customer
// briefly in their language. The conversation's state is kept (a form half filled in is not thrown
// away for one failure); only when the same conversation fails twice in a row is it cleared, so a
// broken state cannot fail every turn.
import type { ConversationState, TurnContext } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { languageOfLocale } from '../dialogs/understand/language.js';
import { strings } from '../strings/index.js';

/** Conversations whose last turn failed; bounded, so a flood of failing ids cannot grow it. */
const MAX_REMEMBERED = 10_000;

export function createTurnErrorHandler(conversationState: ConversationState, defaultLang: Lang, log: (line: string, err: unknown) => void) {
  const failedLast = new Set<string>();
  const handler = async (context: TurnContext, error: Error): Promise<void> => {
    const conversation = context.activity.conversation?.id ?? '?';
    log(`turn error in conversation ${conversation}`, error);
    try {
      await context.sendActivity(strings(languageOfLocale(context.activity.locale, defaultLang)).turnError);
      if (failedLast.has(conversation)) {
        failedLast.delete(conversation);
        await conversationState.delete(context);
        log(`conversation ${conversation} failed twice in a row: its state was cleared`, error);
      } else {
        if (failedLast.size >= MAX_REMEMBERED) failedLast.clear();
        failedLast.add(conversation);
      }
    } catch (inner) {
      log('could not report the turn error', inner);
    }
  };
  /** A turn that went through: the next failure is a first one again. */
  handler.succeeded = (conversation: string | undefined) => void (conversation && failedLast.delete(conversation));
  return handler;
}
