// A bot on the bundled KB with its data in a temp folder, driven through botbuilder's TestAdapter,
// so a test shows only the exchange.
import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBot, POPULAR_ARTICLES } from '../../bot/createBot.js';
import { parseBusinessHours } from '../../dialogs/contact/businessHours.js';
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../../tickets/keyValueStore.js';
import type { HelpdeskDeps, Logger } from '../../dialogs/deps.js';
import { bundled, bundledControl, bundledPublishedEmails } from './bundledKb.js';

/** Tuesday 24 November 2026, 10:00 in Paris: callback slots are the same in every run. */
export const TEST_NOW = new Date('2026-11-24T09:00:00Z');

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'helpdesk-test-'));
}

export async function botOn(dataDir: string, options: { locale?: string; conversationId?: string; channelId?: string; allowedTenants?: string[]; wrapStore?: (s: HelpdeskStore) => HelpdeskStore; log?: Logger; articleLink?: HelpdeskDeps['articleLink'] } = {}) {
  const { matcher } = await bundled();
  const control = await bundledControl();
  const log = options.log ?? silentLog;
  const real = createLowdbStore({ dataDir, now: () => TEST_NOW, report: (line) => log.error({}, line), keepEmails: await bundledPublishedEmails() });
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const state = createLowdbKeyValueStore({ dataDir, report: (line) => log.error({}, line) });
  const parts = createBot({
    matcher,
    control,
    log,
    store,
    state,
    defaultLang: 'fr',
    hours: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris'),
    slots: { count: 4, slotMinutes: 60, minLeadMinutes: 60 },
    popularArticles: POPULAR_ARTICLES,
    allowedTenants: options.allowedTenants ?? [],
    now: () => TEST_NOW,
    ...(options.articleLink ? { articleLink: options.articleLink } : {}),
  });
  const template: Partial<Activity> = { locale: options.locale ?? 'fr-FR', channelId: options.channelId ?? 'test' };
  if (options.conversationId) template.conversation = { id: options.conversationId, isGroup: false, conversationType: 'personal', name: 'test' };
  const adapter = parts.attach(new ProactiveTestAdapter(async (context) => parts.bot.run(context), template));
  return { adapter, store, state, parts };
}

/**
 * botbuilder's TestAdapter with proactive turns, as the real adapters have them (it throws "not
 * implemented"): the turn runs the middleware, and what it sends lands in `activeQueue`.
 */
export class ProactiveTestAdapter extends TestAdapter {
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

/** A logger that keeps what it is given, for tests that check what was logged. */
export function memoryLog(): Logger & { lines: Array<{ level: string; msg?: string; obj: object }> } {
  const lines: Array<{ level: string; msg?: string; obj: object }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** assertReply check: the reply's text contains every fragment given. */
export function says(...fragments: string[]) {
  return (activity: Partial<Activity>) => {
    for (const f of fragments) expect(activity.text ?? '', `reply "${activity.text}"`).to.include(f);
  };
}

/** assertReply check: the reply offers these buttons (suggested actions), in this order. */
export function offers(...labels: string[]) {
  return (activity: Partial<Activity>) => {
    const titles = (activity.suggestedActions?.actions ?? []).map((a) => a.title);
    expect(titles, `buttons of "${activity.text}"`).to.include.members(labels);
  };
}

export function both(...checks: Array<(a: Partial<Activity>) => void>) {
  return (activity: Partial<Activity>) => checks.forEach((c) => c(activity));
}

/** Pulls the reference number out of a confirmation. */
export function referenceIn(text: string | undefined): string {
  const m = /L[12]-\d{8}-\d{4,}/.exec(text ?? '');
  expect(m, `a reference in "${text}"`).to.not.equal(null);
  return m![0];
}

/** What a customer types to open a ticket, in their own words, one message per question asked. */
export interface TypedTicket {
  ask: string;
  reason: string;
  name: string;
  email: string;
  send: string;
}

const TICKET_PROMPTS = {
  fr: { opening: 'Je vais ouvrir un ticket', name: 'Quel est votre nom', email: 'adresse e-mail', send: 'Envoyer' },
  en: { opening: "I'll open a ticket", name: 'What is your name?', email: 'What email address', send: 'Send' },
} as const;

/** Types the ticket form through, checking each question the bot asks; the reference it gives. */
export async function typesATicket(adapter: TestAdapter, lang: 'fr' | 'en', typed: TypedTicket): Promise<string> {
  const p = TICKET_PROMPTS[lang];
  let reference = '';
  await adapter
    .send(typed.ask)
    .assertReply(says(p.opening))
    .send(typed.reason)
    .assertReply(says(p.name))
    .send(typed.name)
    .assertReply(says(p.email))
    .send(typed.email)
    .assertReply(offers(p.send))
    .send(typed.send)
    .assertReply((a) => (reference = referenceIn(a.text)))
    .startTest();
  return reference;
}
