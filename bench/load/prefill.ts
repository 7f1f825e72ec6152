// Fills a store with N past conversations through the store interface, as the bot would have left
// them over the last 30 days: each with its transcript, most with an answer shown, some with
// feedback or an unanswered question, one in ten with a ticket or a callback request. The same
// seeded conversations for every backend: a DATA_DIR (prefill) or a PostgreSQL schema (pgPrefill.ts).
import { mulberry32 } from '../../knowledge/matching/softmaxClassifier.js';
import type { Article, KnowledgeBase } from '../../knowledge/types.js';
import { createLowdbStore, type HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore, type KeyValueStore } from '../../tickets/keyValueStore.js';

const DAY_MS = 24 * 3600_000;

/** One past conversation: every random choice made, nothing written yet. */
export interface PastConversation {
  n: number;
  /** when it started, ms */
  at: number;
  conversationId: string;
  language: 'fr' | 'en';
  article: Article;
  question: string;
  /** the confidence of the answer shown, or undefined when none was */
  answered?: number;
  /** undefined when the customer gave no feedback */
  helpful?: boolean;
  request?: 'ticket' | 'callback';
}

/** The N conversations, oldest first, evenly over the 30 days before `now`. */
export function* pastConversations(kb: KnowledgeBase, count: number, now = Date.now()): Generator<PastConversation> {
  const random = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const step = (30 * DAY_MS) / count;
  let clock = now - 30 * DAY_MS;
  for (let n = 0; n < count; n++) {
    clock += step;
    const language: 'fr' | 'en' = random() < 0.5 ? 'fr' : 'en';
    const article = pick(kb.articles);
    const past: PastConversation = { n, at: clock, conversationId: `prefill-${n}`, language, article, question: pick(article.questions[language]) };
    if (random() < 0.75) {
      past.answered = 0.6 + random() * 0.4;
      if (random() < 0.45) past.helpful = random() < 0.7;
    }
    const roll = random();
    if (roll < 0.1) past.request = roll < 0.07 ? 'ticket' : 'callback';
    yield past;
  }
}

/** Where a conversation is written: a store whose clock reads `clock.at`, and the bot's state. */
export interface PrefillTarget {
  store: HelpdeskStore;
  state: KeyValueStore;
  clock: { at: number };
}

/** Writes one conversation as the bot would have, in the order it would have. */
export async function writeConversation({ store, state, clock }: PrefillTarget, past: PastConversation): Promise<void> {
  const { n, conversationId, language, article, question } = past;
  clock.at = past.at;
  const at = (offsetMs = 0) => new Date(past.at + offsetMs).toISOString();
  const said: Array<{ from: 'user' | 'bot'; text: string; at: string }> = [];
  const message = async (direction: 'in' | 'out', text: string, offsetMs: number, extra: Record<string, unknown> = {}) => {
    said.push({ from: direction === 'in' ? 'user' : 'bot', text, at: at(offsetMs) });
    await store.appendTranscript({
      at: at(offsetMs),
      conversationId,
      direction,
      activity: {
        type: 'message', text, locale: language === 'fr' ? 'fr-FR' : 'en-US', channelId: 'webchat',
        from: direction === 'in' ? { id: `user-${n}`, name: 'Client' } : { id: 'bot', name: 'Scriba' },
        conversation: { id: conversationId }, timestamp: at(offsetMs), ...extra,
      },
    });
  };
  await message('in', question, 0);
  if (past.answered !== undefined) {
    await message('out', article.answer[language], 400);
    await message('out', language === 'fr' ? 'Cette réponse a-t-elle répondu à votre question ?' : 'Did this answer your question?', 450, {
      suggestedActions: { actions: [{ type: 'imBack', title: language === 'fr' ? 'Oui' : 'Yes', value: 'oui' }, { type: 'imBack', title: language === 'fr' ? 'Non' : 'No', value: 'non' }] },
    });
    await store.recordAnswerShown({ at: at(400), conversationId, articleId: article.id, confidence: past.answered, language, question });
    if (past.helpful !== undefined) {
      const { helpful } = past;
      await message('in', helpful ? 'oui' : 'non', 20_000);
      await store.recordFeedback({ at: at(20_000), conversationId, articleId: article.id, helpful, language, question });
      if (!helpful) await store.recordUnanswered({ at: at(20_000), conversationId, question, language, kind: 'not-helpful' });
    }
  } else {
    await message('out', language === 'fr' ? "Désolé, je n'ai pas compris." : "Sorry, I didn't understand.", 400);
    await store.recordUnanswered({ at: at(400), conversationId, question, language, kind: 'none', topMatches: [{ id: article.id, score: 0.2 }] });
  }
  if (past.request) {
    const tried = { articles: past.answered !== undefined ? [{ id: article.id, title: article.title[language], confidence: 0.7 }] : [], flowSteps: [], transcript: said };
    const base = { reason: question, language, channel: 'webchat', conversationId, requestKey: `${conversationId}|request`, tried };
    const request = past.request === 'ticket'
      ? await store.createTicket({ ...base, level: 1, contact: { name: 'Claire Dubois', email: `client${n}@exemple.fr` } })
      : await store.createCallback({
        ...base, contact: { name: 'Julien Moreau', phone: `+3361234${String(n % 10000).padStart(4, '0')}` },
        slot: { start: at(DAY_MS), end: at(DAY_MS + 3600_000) }, timeZone: 'Europe/Paris', consent: true,
      });
    await message('out', `${language === 'fr' ? 'Votre demande est enregistrée' : 'Your request is recorded'}: ${request.reference}`, 60_000);
  }
  await state.write({
    [`webchat/conversations/${conversationId}/`]: {
      session: { lang: language, misses: 0, started: true, tried: { articles: [{ id: article.id, title: article.title[language], confidence: 0.8 }], flowSteps: [] }, transcript: said.slice(0, 6) },
      dialogState: { dialogStack: [{ id: 'root', state: { options: {}, values: { instanceId: `${n}` }, stepIndex: 0 } }] },
    },
  });
}

/** A DATA_DIR (one process: one conversation after another). */
export async function prefill(dataDir: string, kb: KnowledgeBase, count: number, onProgress: (done: number) => void = () => undefined): Promise<void> {
  const clock = { at: 0 };
  const target: PrefillTarget = {
    store: createLowdbStore({ dataDir, now: () => new Date(clock.at) }),
    // The conversation state the bot keeps for each conversation until the retention purge.
    state: createLowdbKeyValueStore({ dataDir, cached: 0 }),
    clock,
  };
  for (const past of pastConversations(kb, count)) {
    await writeConversation(target, past);
    if (past.n % 500 === 499) onProgress(past.n + 1);
  }
}
