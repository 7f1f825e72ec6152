// One handler for whatever a turn throws: log it with the conversation id, tell the user briefly in
// their language, and clear the conversation state so a broken dialog does not fail every turn.
import type { ConversationState, TurnContext } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { languageOfLocale } from '../dialogs/understand/language.js';
import { strings } from '../strings/index.js';

export function createTurnErrorHandler(conversationState: ConversationState, defaultLang: Lang, log: (line: string, err: unknown) => void) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    log(`turn error in conversation ${context.activity.conversation?.id ?? '?'}`, error);
    try {
      await context.sendActivity(strings(languageOfLocale(context.activity.locale, defaultLang)).turnError);
      await conversationState.delete(context);
    } catch (inner) {
      log('could not report the turn error', inner);
    }
  };
}
