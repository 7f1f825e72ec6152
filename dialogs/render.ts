// Messages with buttons. Suggested actions (imBack) for Web Chat and the Emulator; the channels
// issue adds a card rendering for Teams, which has no suggested actions.
import { MessageFactory, type Activity } from 'botbuilder';

export function withButtons(text: string, labels: readonly string[]): Partial<Activity> {
  return MessageFactory.suggestedActions([...labels], text);
}

export function markdown(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown' };
}
