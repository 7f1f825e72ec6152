// Runs typed conversations (tests/conversations/README.md) against the real bot through botbuilder's
// TestAdapter: each reply is read back as the act it performs (by the sentence it is made of, in
// either language), each turn's expected acts are checked, and the outcome is checked in the store.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { parse } from 'yaml';
import { z } from 'zod';
import { createBot, POPULAR_ARTICLES } from '../bot/createBot.js';
import { parseBusinessHours } from '../dialogs/contact/businessHours.js';
import type { ControlClassifier } from '../dialogs/understand/controlIntents.js';
import { REQUEST_STATUSES } from '../tickets/types.js';
import type { Matcher } from '../knowledge/matcher.js';
import { stripAccents } from '../knowledge/matching/normalise.js';
import { LANGS, type KnowledgeBase, type Lang } from '../knowledge/types.js';
import { strings, type Strings } from '../strings/index.js';
import { createLowdbStore, type HelpdeskStore } from '../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../tickets/keyValueStore.js';
import { zonedParts } from '../tickets/zonedTime.js';

/** Tuesday 24 November 2026, 10:00 in Paris, as the conversations' README says. */
export const CONVERSATION_NOW = new Date('2026-11-24T09:00:00Z');
const ZONE = 'Europe/Paris';

const Outcome = z.union([
  z.strictObject({ ticket: z.strictObject({ level: z.number().optional(), name: z.string().optional(), email: z.string().optional(), reason: z.string().optional() }) }),
  z.strictObject({ callback: z.strictObject({ phone: z.string().optional(), name: z.string().optional(), at: z.string().optional(), reason: z.string().optional() }) }),
  z.strictObject({ answered: z.string() }),
  z.strictObject({ resolved: z.string() }),
  z.strictObject({ status: z.string() }),
  z.strictObject({ nothing: z.literal(true) }),
]);

const Given = z.union([
  z.strictObject({ ticket: z.strictObject({ email: z.string(), level: z.union([z.literal(1), z.literal(3), z.literal(4)]).optional(), reason: z.string().optional(), name: z.string().optional() }) }),
  z.strictObject({ callback: z.strictObject({ phone: z.string(), at: z.string(), reason: z.string().optional(), name: z.string().optional() }) }),
]);

const Conversation = z.strictObject({
  id: z.string(),
  locale: z.string(),
  lang: z.enum(['fr', 'en']),
  join: z.boolean().optional(),
  given: z.array(Given).optional(),
  turns: z.array(z.strictObject({ user: z.string(), expect: z.array(z.string()).optional(), switch: z.enum(['fr', 'en']).optional() })).min(1),
  outcome: Outcome,
});
export type TypedConversation = z.infer<typeof Conversation>;

export function loadConversations(file: string): TypedConversation[] {
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const list = z.array(z.unknown()).parse(data);
  return list.map((item, i) => {
    const parsed = Conversation.safeParse(item);
    if (!parsed.success) throw new Error(`${file}: conversation ${i + 1} (${(item as { id?: string })?.id ?? '?'}): ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

// ---------------------------------------------------------------- what a reply does

/** The literal pieces of a sentence made by a function, around its arguments. */
function pieces(make: (...args: string[]) => string, arity: number): string[] {
  const marks = Array.from({ length: arity }, (_, i) => `\u0001${i}\u0001`);
  // eslint-disable-next-line no-control-regex -- \u0001 marks the arguments: no string holds one
  return make(...marks).split(/\u0001\d\u0001/).map((p) => p.trim()).filter((p) => p.length >= 3);
}

type Probe = (text: string) => boolean;
const has = (s: string): Probe => (text) => text.includes(s);
const inOrder = (parts: string[]): Probe => (text) => {
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
};


function probes(t: Strings): Array<[string, Probe]> {
  const f = (make: (...args: string[]) => string, arity: number) => inOrder(pieces(make, arity));
  return [
    ['welcome', has(t.welcome)],
    ['asks helpful', (x) => x.includes(t.didItHelp) || x.includes(t.yesOrNo)],
    ['re-asks', has(t.yesOrNo)],
    ['thanks helpful', has(t.thanksHelpful)],
    ['asks missing', has(t.whatWasMissing)],
    ['offers next', has(t.afterNotHelpful)],
    ['flow-step', f((a, b, c) => t.flowStep(a as unknown as number, b as unknown as number, c!), 3)],
    ['flow resolved', has(t.flowResolved)],
    ['re-asks', has(t.pickAChoice)],
    ['clarify', has(t.clarify)],
    ['not-understood', (x) => x.includes(t.notUnderstood) || x.includes(t.notUnderstoodOther('too-long')) || x.includes(t.notUnderstoodOther('no-words'))],
    ['offers support', has(t.notUnderstoodAgain)],
    ['covers', (x) => x.includes(t.covers('offtopic'))],
    ['greets', has(t.hello)],
    ["you're welcome", has(t.youAreWelcome)],
    ['goodbye', has(t.goodbye)],
    ['help', has(t.help)],
    ['what else', has(t.whatElse)],
    ['asks rephrase', has(t.pleaseRephrase)],
    ['asks channel', has(t.humanChoice)],
    ['confirms reason', (x) => inOrder(pieces((q, r) => t.ticketIntro(q!, r), 2))(x) || inOrder(pieces((r) => t.callbackIntro(r), 1))(x)],
    ['intro', (x) => x.includes(pieces((q) => t.ticketIntro(q!), 1)[0]!) || x.includes(pieces((r) => t.callbackIntro(r), 1)[0]!)],
    ['asks reason', (x) => x.includes(t.askReason) || x.includes(t.invalidReason)],
    ['asks name', (x) => x.includes(t.askName) || x.includes(t.invalidName)],
    ['asks email', (x) => x.includes(t.askEmail) || x.includes(t.invalidEmail)],
    ['asks phone', (x) => x.includes(t.askPhone) || x.includes(t.invalidPhone) || x.includes(t.premiumPhone)],
    ['asks time', (x) => f((z) => t.askSlot(z!), 1)(x) || f((h, z) => t.outsideHours(h!, z!), 2)(x) || x.includes(t.invalidSlot)],
    ['asks consent', (x) => f((p) => t.askConsent(p!), 1)(x) || x.includes(t.invalidConsent)],
    ['re-asks', (x) => [t.invalidReason, t.invalidName, t.invalidEmail, t.invalidPhone, t.premiumPhone, t.invalidSlot, t.invalidConsent, t.invalidKind, t.invalidSummary].some((s) => x.includes(s))],
    ['asks channel', (x) => x.includes(t.invalidKind) || x.includes(t.consentRefused)],
    ['summary', (x) => f((a, b, c, d) => t.ticketSummary({ reason: a!, name: b!, email: c!, queue: d! }), 4)(x) || f((a, b, c, d) => t.callbackSummary({ reason: a!, name: b!, phone: c!, slot: d! }), 4)(x)],
    ['summary', (x) => x.includes(t.whatToChange) || x.includes(t.invalidSummary)],
    ['saved ticket', f((r) => t.ticketSaved(r!), 1)],
    ['saved callback', f((r, s) => t.callbackSaved(r!, s!), 2)],
    ['asks resume', (x) => [undefined, 'ticket', 'callback'].some((k) => x.includes(t.resumeRequest(k as 'ticket' | undefined)))],
    ['cancelled', (x) => x.includes(t.requestCancelled) || x.includes(t.stopped) || x.includes(t.nothingToCancel)],
    ['switched', has(t.switchedLanguage)],
    ['asks reference', (x) => x.includes(t.askReference) || x.includes(t.invalidReference)],
    ['asks contact', f((r) => t.askStatusContact(r!), 1)],
    ['status', (x) => REQUEST_STATUSES.some((st) => f((r, w) => t.statusIs(r!, st, w!), 2)(x) || f((r, w) => t.callbackStatusIs(r!, st, w!), 2)(x))],
    ['status not found', f((r) => t.statusNotFound(r!), 1)],
    ['status locked', f((r, m) => t.statusLocked(r!, Number(m) || 15), 2)],
    ['restarted', has(t.restarted)],
    ['save failed', has(t.saveFailed)],
  ];
}

const PROBES: Record<Lang, Array<[string, Probe]>> = { fr: probes(strings('fr')), en: probes(strings('en')) };

export interface Reply {
  text: string;
  acts: string[];
  /** the language the reply's sentences are in; undefined when none was recognised */
  lang?: Lang;
  buttons: string[];
}

export function readReply(activity: Partial<Activity>, kb: KnowledgeBase): Reply {
  const text = activity.text ?? '';
  const buttons = (activity.suggestedActions?.actions ?? []).map((a) => String(a.title));
  const found: Record<Lang, string[]> = { fr: [], en: [] };
  for (const lang of LANGS) {
    for (const [act, probe] of PROBES[lang]) if (text && probe(text) && !found[lang].includes(act)) found[lang].push(act);
    for (const article of kb.articles) if (text && text.includes(article.answer[lang])) found[lang].push(`answer ${article.id}`);
  }
  const lang = found.fr.length > found.en.length ? 'fr' : found.en.length > found.fr.length ? 'en' : undefined;
  const acts = lang ? found[lang] : [...new Set([...found.fr, ...found.en])];
  return { text, acts, ...(lang ? { lang } : {}), buttons };
}

// ---------------------------------------------------------------- running one conversation

export interface TurnReport {
  user: string;
  expected: string[];
  replies: Reply[];
  missing: string[];
}

export interface ConversationReport {
  id: string;
  lang: Lang;
  passed: boolean;
  failures: string[];
  turns: TurnReport[];
  /** replies whose language was recognised, and those in the expected language */
  replies: { recognised: number; inLanguage: number };
  /** customer turns until the request was saved, when one was */
  turnsToRequest?: number;
  /** the customer asked for the other language somewhere */
  switched: boolean;
}

export interface RunnerDeps {
  kb: KnowledgeBase;
  matcher: Matcher;
  control: ControlClassifier;
}

const fold = (s: string) => stripAccents(s.toLowerCase()).replace(/\s+/g, ' ').trim();

function wallTime(iso: string): string {
  const p = zonedParts(new Date(iso), ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

async function seed(store: HelpdeskStore, given: NonNullable<TypedConversation['given']>): Promise<string[]> {
  const refs: string[] = [];
  const tried = { articles: [], flowSteps: [], transcript: [] };
  for (const g of given) {
    if ('ticket' in g) {
      const t = await store.createTicket({ level: g.ticket.level ?? 1, reason: g.ticket.reason ?? 'Scriba', language: 'fr', channel: 'webchat', conversationId: 'earlier', contact: { name: g.ticket.name ?? 'Client', email: g.ticket.email }, tried });
      refs.push(t.reference);
    } else {
      const start = new Date(`${g.callback.at}:00+01:00`);
      const end = new Date(start.getTime() + 3_600_000);
      const iso = (d: Date) => `${wallTime(d.toISOString())}:00+01:00`;
      const c = await store.createCallback({ reason: g.callback.reason ?? 'Scriba', language: 'fr', channel: 'webchat', conversationId: 'earlier', contact: { phone: g.callback.phone, ...(g.callback.name ? { name: g.callback.name } : {}) }, slot: { start: iso(start), end: iso(end) }, timeZone: ZONE, consent: true, tried });
      refs.push(c.reference);
    }
  }
  return refs;
}

export async function runConversation(conversation: TypedConversation, deps: RunnerDeps): Promise<ConversationReport> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'typed-'));
  try {
    const store = createLowdbStore({ dataDir, now: () => CONVERSATION_NOW });
    const refs = await seed(store, conversation.given ?? []);
    const parts = createBot({
      matcher: deps.matcher,
      control: deps.control,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      store,
      state: createLowdbKeyValueStore({ dataDir }),
      defaultLang: 'fr',
      hours: parseBusinessHours('mon-fri 09:00-18:00', ZONE),
      slots: { count: 4, slotMinutes: 60, minLeadMinutes: 60 },
      popularArticles: POPULAR_ARTICLES,
      now: () => CONVERSATION_NOW,
    });
    const adapter = parts.attach(new TestAdapter(async (context) => parts.bot.run(context), { locale: conversation.locale, channelId: 'test', conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: conversation.id } }));
    const drain = (): Reply[] => {
      const out: Reply[] = [];
      for (let a = adapter.activeQueue.shift(); a; a = adapter.activeQueue.shift()) if (a.type === 'message') out.push(readReply(a, deps.kb));
      return out;
    };
    const failures: string[] = [];
    let lang: Lang = conversation.lang;
    const counted = { recognised: 0, inLanguage: 0 };
    const count = (replies: Reply[]) => {
      for (const r of replies) {
        if (!r.lang) continue;
        counted.recognised++;
        if (r.lang === lang) counted.inLanguage++;
        else failures.push(`reply in ${r.lang}, expected ${lang}: "${r.text.slice(0, 80)}"`);
      }
    };
    if (conversation.join !== false) {
      await adapter.receiveActivity({ type: 'conversationUpdate', locale: conversation.locale, membersAdded: [{ id: 'user-1', name: 'User' }], recipient: { id: 'bot', name: 'Bot' } });
      count(drain());
    }
    const turns: TurnReport[] = [];
    let turnsToRequest: number | undefined;
    for (const [i, turn] of conversation.turns.entries()) {
      const user = turn.user.replace(/\{ref(\d+)\}/g, (_, n: string) => refs[Number(n) - 1] ?? `{ref${n}}`);
      if (turn.switch) lang = turn.switch;
      await adapter.receiveActivity({ type: 'message', text: user, locale: conversation.locale, from: { id: 'user-1', name: 'User' } });
      const replies = drain();
      count(replies);
      const acts = new Set(replies.flatMap((r) => r.acts));
      const expected = turn.expect ?? [];
      const missing = expected.filter((e) => !acts.has(e));
      if (missing.length > 0) failures.push(`turn ${i + 1} "${user}": expected [${missing.join(', ')}], bot did [${[...acts].join(', ')}]`);
      if (turnsToRequest === undefined && (acts.has('saved ticket') || acts.has('saved callback'))) turnsToRequest = i + 1;
      turns.push({ user, expected, replies, missing });
    }
    failures.push(...(await checkOutcome(conversation, store, turns, refs)));
    return { id: conversation.id, lang: conversation.lang, passed: failures.length === 0, failures, turns, replies: counted, ...(turnsToRequest ? { turnsToRequest } : {}), switched: conversation.turns.some((t) => t.switch) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function checkOutcome(conversation: TypedConversation, store: HelpdeskStore, turns: TurnReport[], refs: string[]): Promise<string[]> {
  const outcome = conversation.outcome;
  const created = (await store.listRequests()).filter((r) => r.conversationId === conversation.id);
  const problems: string[] = [];
  const want = (ok: boolean, what: string) => void (ok || problems.push(what));
  if ('ticket' in outcome) {
    const tickets = created.filter((r) => r.kind === 'ticket');
    want(tickets.length === 1 && created.length === 1, `outcome: expected one ticket, got ${created.map((r) => r.kind).join(', ') || 'nothing'}`);
    const t = tickets[0];
    if (t && t.kind === 'ticket') {
      const o = outcome.ticket;
      if (o.level !== undefined) want(t.level === o.level, `outcome: ticket level ${t.level}, expected ${o.level}`);
      if (o.name !== undefined) want(t.contact.name === o.name, `outcome: ticket name "${t.contact.name}", expected "${o.name}"`);
      if (o.email !== undefined) want(t.contact.email.toLowerCase() === o.email.toLowerCase(), `outcome: ticket email "${t.contact.email}", expected "${o.email}"`);
      if (o.reason !== undefined) want(fold(t.reason).includes(fold(o.reason)), `outcome: ticket reason "${t.reason}" lacks "${o.reason}"`);
    }
  } else if ('callback' in outcome) {
    const callbacks = created.filter((r) => r.kind === 'callback');
    want(callbacks.length === 1 && created.length === 1, `outcome: expected one callback, got ${created.map((r) => r.kind).join(', ') || 'nothing'}`);
    const c = callbacks[0];
    if (c && c.kind === 'callback') {
      const o = outcome.callback;
      if (o.phone !== undefined) want(c.contact.phone === o.phone.replace(/[\s.-]/g, ''), `outcome: callback phone ${c.contact.phone}, expected ${o.phone}`);
      if (o.name !== undefined) want(c.contact.name === o.name, `outcome: callback name "${c.contact.name}", expected "${o.name}"`);
      if (o.at !== undefined) want(wallTime(c.slot.start) === o.at, `outcome: callback at ${wallTime(c.slot.start)}, expected ${o.at}`);
      if (o.reason !== undefined) want(fold(c.reason).includes(fold(o.reason)), `outcome: callback reason "${c.reason}" lacks "${o.reason}"`);
    }
  } else if ('answered' in outcome) {
    const shown = (await store.listAnswersShown()).map((a) => a.articleId);
    want(shown.includes(outcome.answered), `outcome: ${outcome.answered} not shown (shown: ${shown.join(', ') || 'none'})`);
    want(created.length === 0, `outcome: a request was saved`);
  } else if ('resolved' in outcome) {
    const helpful = (await store.listFeedback()).filter((f) => f.helpful).map((f) => f.articleId);
    want(helpful.includes(outcome.resolved), `outcome: ${outcome.resolved} not marked helpful (helpful: ${helpful.join(', ') || 'none'})`);
  } else if ('status' in outcome) {
    const ref = outcome.status.replace(/\{ref(\d+)\}/g, (_, n: string) => refs[Number(n) - 1] ?? '');
    const told = turns.some((t) => t.replies.some((r) => r.acts.includes('status') && r.text.includes(ref)));
    want(told, `outcome: the status of ${ref} was not told`);
  } else {
    want(created.length === 0, `outcome: expected nothing saved, got ${created.map((r) => r.reference).join(', ')}`);
  }
  return problems;
}
