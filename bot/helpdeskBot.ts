// The Bot Framework activity handler: welcome on conversationUpdate, the conversation on messages,
// conversation state saved at the end of every turn.
import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import type { HelpdeskConversation } from '../dialogs/conversation.js';

export class HelpdeskBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    conversation: HelpdeskConversation,
    private readonly afterTurn: (context: TurnContext) => void = () => undefined,
  ) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // Web Chat and the Emulator announce both the bot and the user: greet once, for the user.
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await conversation.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await conversation.onMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    this.afterTurn(context);
  }
}
