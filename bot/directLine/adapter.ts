// The bot adapter of the local Direct Line: a turn runs in process (no HTTP loopback, so it works
// whether or not a MicrosoftAppId is configured), and what the bot sends is appended to the
// conversation's activity list, where Web Chat's polling picks it up.
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Conversations } from './conversations.js';

/** Activities that are instructions to the channel, never shown to the user. */
const NOT_DELIVERED = new Set(['delay', 'invokeResponse', 'trace']);

export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly conversations: Conversations,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** Runs one turn for an activity already in the conversation's list (middleware, then `logic`). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type && NOT_DELIVERED.has(activity.type)) {
        if (activity.type === 'delay') await new Promise((resolve) => setTimeout(resolve, Math.min(Number(activity.value) || 0, 5000)));
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
      const conversation = conversationId ? await this.conversations.find(conversationId) : undefined;
      if (!conversation) throw new Error(`Direct Line: conversation '${conversationId ?? '(none)'}' is not open`);
      // Stamped on the activity itself: the transcript middleware then stores the time the user
      // saw, and a rebuilt history shows the same times.
      activity.timestamp ??= this.now();
      responses.push({ id: conversation.append(activity) });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('the local Direct Line does not support updating an activity');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('the local Direct Line does not support deleting an activity');
  }

  /** Proactive messages: a turn on an existing conversation, as the other adapters offer. */
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
