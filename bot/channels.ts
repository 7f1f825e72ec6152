// What differs between channels, in one place, chosen by channelId: how buttons are shown going
// out, how a Teams message is cleaned and filtered coming in, which channel redraws its history
// from the store. Dialogs stay channel-agnostic, and so do transcripts: they record what the
// dialogs sent (asSent), not how a channel drew it.
import { CardFactory, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { WEBCHAT_CHANNEL } from './directLine/localDirectLine.js';

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

/**
 * Channels that draw their history again from the stored transcript, so it keeps each of their
 * activities as sent beside what it said: the local Direct Line rebuilds Web Chat's list (ids,
 * watermarks, cards) from it after a restart (directLine/conversations.ts).
 */
export function redrawnFromTranscript(channelId: string | undefined): boolean {
  return channelId === WEBCHAT_CHANNEL;
}

/** Per turn: each activity a renderer drew, mapped to the one the dialogs sent. */
const SENT = Symbol('activities as the dialogs sent them');

/** The activity as the dialogs sent it, before this turn's channel drew it (itself if it was not redrawn). */
export function asSent(context: TurnContext, activity: Partial<Activity>): Partial<Activity> {
  return (context.turnState.get(SENT) as WeakMap<object, Partial<Activity>> | undefined)?.get(activity) ?? activity;
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
      const sent = new WeakMap<object, Partial<Activity>>();
      context.turnState.set(SENT, sent);
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        activities.splice(0, activities.length, ...activities.map((a) => {
          const drawn = render(a);
          if (drawn !== a) sent.set(drawn, a);
          return drawn;
        }));
        return sendNext();
      });
      await next();
    },
  };
}
