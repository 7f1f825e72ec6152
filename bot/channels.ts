// What differs between channels, in one place, chosen by channelId: how buttons are shown going
// out, and how a Teams message is cleaned and filtered coming in. Dialogs stay channel-agnostic.
import { CardFactory, TurnContext, type Activity, type Middleware } from 'botbuilder';

/** Teams shows at most six buttons on a card. */
export const TEAMS_MAX_BUTTONS = 6;

export type Renderer = (activity: Partial<Activity>) => Partial<Activity>;

/** Web Chat, the Emulator, Direct Line: suggested actions render as buttons above the send box. */
const asSuggestedActions: Renderer = (activity) => activity;

/** Teams has no suggested actions: the same choices become imBack buttons on a hero card. */
const asTeamsCard: Renderer = (activity) => {
  const actions = activity.suggestedActions?.actions;
  if (!actions?.length) return activity;
  const { suggestedActions: _dropped, text, ...rest } = activity;
  const buttons = actions.slice(0, TEAMS_MAX_BUTTONS).map((a) => ({ type: 'imBack', title: String(a.title), value: String(a.value ?? a.title) }));
  return { ...rest, text, attachments: [...(activity.attachments ?? []), CardFactory.heroCard('', undefined, buttons)] };
};

/** Channel ids compared as the Bot Framework does not guarantee their case ("msteams", "MSTeams"). */
export function isTeams(channelId: string | undefined): boolean {
  return (channelId ?? '').toLowerCase() === 'msteams';
}

export function rendererFor(channelId: string | undefined): Renderer {
  return isTeams(channelId) ? asTeamsCard : asSuggestedActions;
}

export interface TeamsOptions {
  /** Entra tenant ids allowed to use the bot in Teams; empty = any tenant */
  allowedTenants: readonly string[];
  log: (line: string) => void;
}

/**
 * The Entra tenant of a Teams activity: the conversation's tenantId, which the Bot Framework service
 * sets, is what counts; channelData.tenant is the client's echo. When both are present they must
 * agree, else the activity has no trustworthy tenant (undefined).
 */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const fromConversation = activity.conversation?.tenantId;
  const data = typeof fromData === 'string' && fromData ? fromData : undefined;
  if (fromConversation && data && fromConversation.toLowerCase() !== data.toLowerCase()) return undefined;
  return fromConversation ?? data;
}

/**
 * Incoming: Teams messages from a tenant outside the allow-list are dropped (Teams does not filter
 * tenants for a multi-tenant bot); in a channel the text starts with the bot's @mention, which is
 * removed before matching. Outgoing: every activity goes through the channel's renderer.
 */
export function channelMiddleware({ allowedTenants, log }: TeamsOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (isTeams(activity.channelId)) {
        const tenant = tenantOf(activity)?.toLowerCase();
        if (allowedTenants.length > 0 && (!tenant || !allowedTenants.some((t) => t.toLowerCase() === tenant))) {
          log(`ignored a Teams activity from tenant ${tenant ?? '(none)'}: not in TEAMS_ALLOWED_TENANTS`);
          return;
        }
        if (activity.type === 'message' && activity.text) activity.text = TurnContext.removeRecipientMention(activity).trim();
      }
      const render = rendererFor(activity.channelId);
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        activities.splice(0, activities.length, ...activities.map((a) => render(a)));
        return sendNext();
      });
      await next();
    },
  };
}
