// The Bot Framework activity handler: welcome on conversationUpdate, the conversation on messages,
// conversation state saved at the end of every turn. Activities from the support team's Teams
// channel (its cards, its threads) go to the support team instead, once one is configured.
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type ConversationState, type TurnContext } from 'botbuilder';
import type { HelpdeskConversation } from '../dialogs/conversation.js';
import type { Logger } from '../dialogs/deps.js';
import type { ReceivedFiles } from '../tickets/fileIntake.js';

/** What the bot asks of the support team (bot/supportTeam/supportTeam.ts). */
export interface SupportTeamHandler {
  owns(context: TurnContext): boolean;
  onMessage(context: TurnContext): Promise<void>;
  onCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse>;
}

/** The event the chat page sends when opened from an article's "Talk to a human": `{ articleId, kind? }`. */
export const HELP_PAGE_CONTACT = 'scriba/contact';

export class HelpdeskBot extends ActivityHandler {
  private team: SupportTeamHandler | undefined;

  constructor(
    private readonly conversationState: ConversationState,
    conversation: HelpdeskConversation,
    private readonly afterTurn: (context: TurnContext) => void = () => undefined,
    private readonly log?: Logger,
    /** the files a message brought, checked and kept (absent: files are not taken) */
    private readonly incomingFiles?: (context: TurnContext) => Promise<ReceivedFiles | undefined>,
  ) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // Added to a team: what it takes to make it the support team, said where the admin looks.
      const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      if (teamId && (context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        this.log?.info({ teamId, serviceUrl: context.activity.serviceUrl }, `added to a Teams team: TEAMS_SUPPORT_TEAM=${teamId} TEAMS_SERVICE_URL=${context.activity.serviceUrl} make it the support team`);
      }
      // Web Chat and the Emulator announce both the bot and the user: greet once, for the user.
      if (!this.team?.owns(context) && (context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await conversation.welcome(context);
      await next();
    });
    // The chat page opened from a help-centre article's "Talk to a human" (chat.js sends it once).
    this.onEvent(async (context, next) => {
      const { name, value } = context.activity;
      const contact = name === HELP_PAGE_CONTACT && typeof value === 'object' && value !== null ? (value as { articleId?: unknown; kind?: unknown }) : undefined;
      if (contact && typeof contact.articleId === 'string' && !this.team?.owns(context)) {
        await conversation.contactFromHelpPage(context, contact.articleId, contact.kind === 'callback' ? 'callback' : contact.kind === 'ticket' ? 'ticket' : undefined);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (this.team?.owns(context)) await this.team.onMessage(context);
      else await conversation.onMessage(context, await this.incomingFiles?.(context));
      await next();
    });
  }

  /** The activity is the support team's (its channel, threads and cards), not a customer's. */
  isSupportTeam(context: TurnContext): boolean {
    return this.team?.owns(context) ?? false;
  }

  /** From now on, the support team's activities go to `team` (set once the adapter that posts its cards exists). */
  handleSupportTeam(team: SupportTeamHandler): void {
    this.team = team;
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (this.team) return this.team.onCardAction(context, value);
    return super.onAdaptiveCardInvoke(context, value);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    this.afterTurn(context);
  }
}
