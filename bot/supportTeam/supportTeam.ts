// The support team in Microsoft Teams (the "expert team" of Microsoft's FAQ Plus): each new request
// is posted as a card in the team's channel; the card changes in place when the request does;
// members act from it (Assign to me, Change status) and answer the customer by replying in its
// thread. Only that team may act, and only its members who have an agent or admin account in the
// console (matched by email): Teams says who is in the team, the console says who may do what.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../../dialogs/deps.js';
import type { Lang } from '../../knowledge/types.js';
import type { Delivery, Subscriber } from '../../notify/dispatcher.js';
import type { DueRules } from '../../staff/requestDue.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import type { KeyValueStore } from '../../tickets/keyValueStore.js';
import type { RequestEvent } from '../../tickets/requestChanges.js';
import type { StaffRecords } from '../../tickets/staffRecords.js';
import { REQUEST_STATUSES, type HelpdeskRequest, type RequestStatus, type StaffAuditAction } from '../../tickets/types.js';
import type { ProactiveChannel } from '../proactive.js';
import { cardTexts } from './cardTexts.js';
import { CARD_CONTENT_TYPE, requestCard, VERBS } from './requestCard.js';

export interface SupportTeamConfig {
  /** the team's id, as Teams sends it in channelData.team.id (19:…@thread.tacv2) */
  teamId: string;
  /** the channel the cards go to (default: the team's General channel, whose id is the team's) */
  channelId: string;
  /** the Bot Framework service of the team's region (https://smba.trafficmanager.net/emea/) */
  serviceUrl: string;
  tenantId?: string;
  /** the team's language */
  lang: Lang;
  /** the console's address, for "Open in the console" */
  consoleUrl?: string;
}

export interface SupportTeamDeps {
  config: SupportTeamConfig;
  store: Pick<HelpdeskStore, 'findByReference' | 'changeRequest'>;
  /** where each request's card is remembered (its message id), through the store */
  state: KeyValueStore;
  staff: Pick<StaffRecords, 'findAccount' | 'appendAudit'>;
  rules: DueRules;
  now: () => Date;
  /** opens a turn in the team's channel, or in a thread of it */
  channel: ProactiveChannel;
  bot: { id: string; name?: string };
  /** the Teams user's email (TeamsInfo.getMember's email or UPN) */
  memberEmail(context: TurnContext): Promise<string | undefined>;
  log: Logger;
}

const cardKey = (reference: string) => `support-team/card/${reference}`;
const threadKey = (messageId: string) => `support-team/thread/${messageId}`;
const THREAD = /;messageid=(\d+)$/;

/** The message id a channel thread's conversation id ends with (the id of its first post). */
export function threadRootOf(conversationId: string | undefined): string | undefined {
  return THREAD.exec(conversationId ?? '')?.[1];
}

/** "note: …" / "interne : …" is a note for staff; anything else goes to the customer. */
export function replyOf(text: string): { text: string; visibility: 'public' | 'internal' } {
  const m = /^\s*(?:note|interne|internal)\s*:\s*/iu.exec(text);
  return m ? { text: text.slice(m[0].length).trim(), visibility: 'internal' } : { text: text.trim(), visibility: 'public' };
}

export function createSupportTeam(deps: SupportTeamDeps) {
  const { config, store, state, staff, rules, now, channel, log } = deps;
  const t = cardTexts(config.lang);
  const card = (r: HelpdeskRequest) => requestCard(r, { lang: config.lang, rules, now: now(), ...(config.consoleUrl ? { consoleUrl: config.consoleUrl } : {}) });
  const attachment = (r: HelpdeskRequest) => ({ contentType: CARD_CONTENT_TYPE, content: card(r) });

  const referenceTo = (conversationId: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: config.serviceUrl,
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '', ...(config.tenantId ? { tenantId: config.tenantId } : {}) },
    bot: { name: '', ...deps.bot },
  });

  async function cardOf(reference: string): Promise<string | undefined> {
    const found = (await state.read([cardKey(reference)]))[cardKey(reference)] as { activityId?: string } | undefined;
    return found?.activityId;
  }

  async function post(request: HelpdeskRequest): Promise<void> {
    let activityId: string | undefined;
    await channel.continueConversation(referenceTo(config.channelId), async (context) => {
      activityId = (await context.sendActivity({ type: 'message', attachments: [attachment(request)] }))?.id;
    });
    if (!activityId) throw new Error('Teams did not give the posted card an id');
    await state.write({ [cardKey(request.reference)]: { activityId }, [threadKey(activityId)]: { reference: request.reference } });
  }

  async function update(request: HelpdeskRequest, activityId: string): Promise<void> {
    await channel.continueConversation(referenceTo(config.channelId), async (context) => {
      await context.updateActivity({ id: activityId, type: 'message', attachments: [attachment(request)] });
    });
  }

  async function inThread(activityId: string, text: string): Promise<void> {
    await channel.continueConversation(referenceTo(`${config.channelId};messageid=${activityId}`), async (context) => {
      await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
    });
  }

  /** The staff member behind a Teams user: an active agent or admin, by email. */
  async function actorOf(context: TurnContext): Promise<{ email: string } | { refused: string }> {
    const email = (await deps.memberEmail(context))?.trim().toLowerCase();
    const who = email ?? context.activity.from?.name ?? 'This user';
    const account = email ? await staff.findAccount(email) : undefined;
    if (!email || !account || account.disabledAt || account.role === 'viewer') return { refused: t.notStaff(who) };
    return { email };
  }

  async function audit(actor: string, action: StaffAuditAction, target: string, details: string): Promise<void> {
    try {
      await staff.appendAudit({ at: now().toISOString(), actor, action, target, details, address: 'Microsoft Teams' });
    } catch (err) {
      log.warn({ err, action, target }, 'support team: the audit could not be written');
    }
  }

  const message = (text: string): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> });
  const cardReply = (r: HelpdeskRequest): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card(r) });

  return {
    /** Posts each new request, changes its card in place after every change, and puts what the customer adds in its thread. */
    subscriber: {
      name: 'teams',
      async deliver(event: RequestEvent): Promise<Delivery> {
        const request = await store.findByReference(event.reference);
        if (!request) return 'unreachable';
        const activityId = await cardOf(request.reference);
        if (event.type === 'requestCreated') {
          // A retry after the post went out but before it was remembered would post twice: remembered first.
          if (activityId) await update(request, activityId);
          else await post(request);
          return 'delivered';
        }
        if (!activityId) return 'unreachable'; // made before the team was set up: no card to change
        await update(request, activityId);
        if (event.type === 'customerWrote') {
          const said = request.messages?.find((m) => m.id === event.changeId);
          // Files alone are an addition too: named, to download from the console.
          const files = (said?.attachments ?? []).map((f) => `📎 ${f.name}`);
          if (said) await inThread(activityId, `💬 ${request.contact.name ?? t.customer}: ${[said.text, ...files].filter(Boolean).join('\n\n')}`);
        }
        return 'delivered';
      },
    } satisfies Subscriber,

    /**
     * The activity comes from the support team (its channel, a thread of it, or a card there), or
     * is the bot's own turn in that channel (a card posted or changed).
     */
    owns(context: TurnContext): boolean {
      if (context.activity.channelId?.toLowerCase() !== 'msteams') return false;
      const team = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      if (team !== undefined) return team === config.teamId;
      return context.activity.conversation?.id?.split(';')[0] === config.channelId;
    },

    /** A message in the team's channel: in a card's thread, a reply to that request's customer. */
    async onMessage(context: TurnContext): Promise<void> {
      const root = threadRootOf(context.activity.conversation?.id);
      const known = root ? ((await state.read([threadKey(root)]))[threadKey(root)] as { reference?: string } | undefined) : undefined;
      const text = (context.activity.text ?? '').trim();
      if (!known?.reference || !text) {
        await context.sendActivity(t.threadHelp);
        return;
      }
      const actor = await actorOf(context);
      if ('refused' in actor) {
        await context.sendActivity(actor.refused);
        return;
      }
      const reply = replyOf(text);
      if (!reply.text) {
        await context.sendActivity(t.threadHelp);
        return;
      }
      const changed = await store.changeRequest(known.reference, { type: 'reply', text: reply.text, visibility: reply.visibility, by: actor.email });
      if (!changed) {
        await context.sendActivity(t.unknownRequest);
        return;
      }
      await audit(actor.email, 'request-replied', known.reference, `${reply.visibility} (Teams)`);
      await context.sendActivity(reply.visibility === 'public' ? t.replySent(known.reference) : t.noteAdded(known.reference));
    },

    /** Action.Execute on a card: the card as it is now, after the action if one was asked. */
    async onCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
      const action = value.action as { verb?: string; data?: Record<string, unknown> } | undefined;
      const data = action?.data ?? {};
      if (!this.owns(context)) return message(t.notThisTeam);
      const reference = typeof data.reference === 'string' ? data.reference : '';
      const request = await store.findByReference(reference);
      if (!request) return message(t.unknownRequest);
      if (action?.verb === VERBS.refresh) return cardReply(request);
      const actor = await actorOf(context);
      if ('refused' in actor) return message(actor.refused);
      if (action?.verb === VERBS.assignToMe) {
        const changed = await store.changeRequest(request.reference, { type: 'assign', assignee: actor.email, by: actor.email });
        await audit(actor.email, 'request-assigned', request.reference, `${actor.email} (Teams)`);
        return cardReply(changed ?? request);
      }
      if (action?.verb === VERBS.setStatus) {
        const status = data.status as RequestStatus;
        if (!REQUEST_STATUSES.includes(status)) return cardReply(request);
        const note = typeof data.note === 'string' ? data.note.trim() : '';
        const changed = await store.changeRequest(request.reference, {
          type: 'status', status, by: actor.email, ...(note ? { note, ...(data.tell === 'true' ? { public: true } : {}) } : {}),
        });
        await audit(actor.email, 'request-status-changed', request.reference, `${status} (Teams)`);
        return cardReply(changed ?? request);
      }
      return cardReply(request);
    },
  };
}
export type SupportTeam = ReturnType<typeof createSupportTeam>;
