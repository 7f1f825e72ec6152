// A request as the support team sees it in its Teams channel: an Adaptive Card (1.5, Universal
// Actions) with what the next level needs at a glance, and Assign to me, Change status and Open in
// the console. The same function draws the first post, every update in place and every refresh,
// so all members see the same card.
import { filesOfRequest } from '../../tickets/attachments.js';
import type { Lang } from '../../knowledge/types.js';
import { supportLevel } from '../../tickets/reference.js';
import { REQUEST_STATUSES, type HelpdeskRequest } from '../../tickets/types.js';
import { dueOf, type DueRules } from '../../staff/requestDue.js';
import { cardTexts } from './cardTexts.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const VERBS = { refresh: 'refresh', assignToMe: 'assignToMe', setStatus: 'setStatus' } as const;

export interface CardOptions {
  lang: Lang;
  rules: DueRules;
  now: Date;
  /** the console's address (PUBLIC_URL); without it, no "Open in the console" */
  consoleUrl?: string;
}

type Json = Record<string, unknown>;

function when(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function requestCard(r: HelpdeskRequest, { lang, rules, now, consoleUrl }: CardOptions): Json {
  const t = cardTexts(lang);
  const zone = rules.business.timeZone;
  const due = dueOf(r, rules, now);
  const contact = [r.contact.name, r.contact.email, r.kind === 'callback' ? r.contact.phone : undefined].filter(Boolean).join(' · ');
  const files = filesOfRequest(r);
  const facts = [
    { title: t.status, value: t.statuses[r.status] },
    { title: t.owner, value: r.assignee ?? t.nobody },
    { title: t.priority, value: t.priorities[r.priority ?? 'normal'] },
    { title: r.kind === 'callback' ? t.callAt : t.firstReply, value: `${t.dues[due.state]} ${when(due.at, lang, zone)} (${zone})` },
    { title: t.customer, value: contact },
    // Downloaded from the console (Open in the console): a card cannot carry a signed-in link.
    ...(files.length ? [{ title: t.files, value: files.map((f) => f.name).join(', ') }] : []),
  ];
  const tried = r.tried.articles.map((a) => `• ${a.title}${a.feedback === 'not-helpful' ? ' ✗' : ''}${a.missing ? ` — “${a.missing}”` : ''}`);
  const lastFromCustomer = [...(r.messages ?? [])].reverse().find((m) => m.from === 'customer');
  const data = { reference: r.reference };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Opened or re-shown, the card asks the bot for its current state (userIds [] : on demand in a
    // channel, where an automatic refresh for every viewer would be one call per member).
    refresh: { action: { type: 'Action.Execute', verb: VERBS.refresh, data }, userIds: [] },
    body: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: `${r.reference} · ${r.kind === 'callback' ? t.callback : t.ticket}`, weight: 'Bolder', size: 'Medium', wrap: true }] },
          { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: `${t.level(supportLevel(r))} · ${r.language.toUpperCase()}`, isSubtle: true }] },
        ],
      },
      { type: 'TextBlock', text: r.reason, wrap: true },
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: t.tried, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: tried.length ? tried.join('\n') : t.nothingTried, wrap: true, isSubtle: tried.length === 0 },
      ...(lastFromCustomer
        ? [{ type: 'TextBlock', text: t.lastFromCustomer, weight: 'Bolder', spacing: 'Medium' }, { type: 'TextBlock', text: lastFromCustomer.text, wrap: true }]
        : []),
      { type: 'TextBlock', text: t.replyHint, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
    ],
    actions: [
      ...(r.assignee ? [] : [{ type: 'Action.Execute', title: t.assignToMe, verb: VERBS.assignToMe, data }]),
      {
        type: 'Action.ShowCard',
        title: t.changeStatus,
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'Input.ChoiceSet', id: 'status', label: t.newStatus, value: r.status, choices: REQUEST_STATUSES.map((s) => ({ title: t.statuses[s], value: s })) },
            { type: 'Input.Text', id: 'note', label: t.note, isMultiline: true, maxLength: 5000 },
            { type: 'Input.Toggle', id: 'tell', title: t.tellCustomer, value: 'false', valueOn: 'true', valueOff: 'false' },
          ],
          actions: [{ type: 'Action.Execute', title: t.save, verb: VERBS.setStatus, data }],
        },
      },
      ...(consoleUrl ? [{ type: 'Action.OpenUrl', title: t.openInConsole, url: `${consoleUrl.replace(/\/+$/, '')}/staff/?ref=${encodeURIComponent(r.reference)}` }] : []),
    ],
  };
}
