// The knowledge base's question matcher: a message in, a decision (answer / clarify / none), the
// language it is written in and the three best articles out. Plain functions, no botbuilder.
import type { Article, KnowledgeBase, Lang } from './types.js';
import { LANGS } from './types.js';
import { indexFrom, indexState, type IndexState, type IntentIndex, type LabelledText, type Ranked } from './matching/intentIndex.js';
import { detectorFrom, detectorState, type DetectorState, type LanguageDetector } from './matching/languageDetector.js';
import { decide, type Decision, type Thresholds } from './matching/thresholds.js';
import { DEFAULT_THRESHOLDS } from './matching/defaultThresholds.js';
import { cleanText } from './matching/normalise.js';

export interface MatchedArticle {
  id: string;
  title: string;
  /** confidence in [0, 1] that this is the article meant ("did you mean" needs no more) */
  score: number;
  /** confidence in [0, 1] for answering with it outright: `score` x how much of the message it knows */
  answerScore: number;
}

export type NoneReason = 'empty' | 'no-words' | 'too-long' | 'low-confidence';

export interface MatchResult {
  question: string;
  language: Lang;
  /** false when the message was too short or ambiguous to tell, and `language` is the fallback */
  languageReliable: boolean;
  decision: Decision;
  /** why the decision is `none` */
  reason?: NoneReason;
  matches: MatchedArticle[];
}

export interface MatchOptions {
  /** language to use when the message does not tell (the conversation's language) */
  fallbackLanguage?: Lang;
  /** skip detection: the caller knows the language */
  language?: Lang;
}

export interface Matcher {
  match(question: string, options?: MatchOptions): MatchResult;
  readonly thresholds: Thresholds;
  article(id: string): Article | undefined;
  /** the ranking behind `match`, for the benchmark */
  rank(question: string, lang: Lang, k?: number): Ranked[];
  detectLanguage(question: string, fallback: Lang): { lang: Lang; reliable: boolean };
}

/**
 * An answer given outright needs its article to know what was asked ("how to install Microsoft
 * Word" is not the install article): its confidence is scaled by the article's share of the
 * message's words, to this power. 0.5 chosen on the bundled validation split (0, 0.25, 0.5, 1).
 */
const ANSWER_SUPPORT = 0.5;

export function answerScore(r: Ranked): number {
  return r.score * r.support ** ANSWER_SUPPORT;
}

/** Longer than any real question: such a message is pasted text, not something to match. */
export const MAX_QUESTION_CHARS = 1000;

export function trainingTexts(kb: KnowledgeBase): LabelledText[] {
  const out: LabelledText[] = [];
  for (const a of kb.articles) {
    for (const lang of LANGS) {
      out.push({ text: a.title[lang], label: a.id, lang });
      for (const q of a.questions[lang]) out.push({ text: q, label: a.id, lang });
    }
  }
  return out;
}

/** A matcher's training, as data: what a worker thread builds and the answering thread adopts. */
export interface MatcherState {
  kb: KnowledgeBase;
  index: IndexState;
  detector: DetectorState;
}

/** The seconds of CPU a knowledge base costs: training the index and counting the language model. */
export function matcherState(kb: KnowledgeBase): MatcherState {
  return {
    kb,
    index: indexState(trainingTexts(kb), { synonyms: kb.synonyms }),
    detector: detectorState({
      fr: kb.articles.flatMap((a) => [a.title.fr, ...a.questions.fr, a.answer.fr]),
      en: kb.articles.flatMap((a) => [a.title.en, ...a.questions.en, a.answer.en]),
    }),
  };
}

export function createMatcher(kb: KnowledgeBase, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  return matcherFrom(matcherState(kb), thresholds);
}

/** The matcher a trained state makes, in microseconds: no training, no counting. */
export function matcherFrom(state: MatcherState, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const { kb } = state;
  const byId = new Map(kb.articles.map((a) => [a.id, a]));
  const index: IntentIndex = indexFrom(state.index, { synonyms: kb.synonyms });
  const detector: LanguageDetector = detectorFrom(state.detector);

  const none = (question: string, language: Lang, reason: NoneReason, languageReliable = false): MatchResult => ({
    question,
    language,
    languageReliable,
    decision: 'none',
    reason,
    matches: [],
  });

  function rankBest(question: string, lang: Lang, reliable: boolean): Ranked[] {
    const ranked = index.rank(question, lang, 3);
    if (reliable) return ranked;
    // The language is a guess: try the other one's normalisation too and keep the better ranking.
    const other = index.rank(question, lang === 'fr' ? 'en' : 'fr', 3);
    return (other[0]?.score ?? 0) > (ranked[0]?.score ?? 0) ? other : ranked;
  }

  return {
    thresholds,
    article: (id) => byId.get(id),
    rank: (question, lang, k) => index.rank(question, lang, k),
    detectLanguage(question, fallback) {
      const d = detector.detect(question, fallback);
      return { lang: d.lang, reliable: d.reliable };
    },
    match(question, options = {}) {
      const fallback = options.language ?? options.fallbackLanguage ?? 'fr';
      const text = typeof question === 'string' ? question : '';
      if (text.trim() === '') return none(text, fallback, 'empty');
      if (text.length > MAX_QUESTION_CHARS) return none(text.slice(0, MAX_QUESTION_CHARS), fallback, 'too-long');
      if (!/[\p{L}\p{N}]/u.test(cleanText(text))) return none(text, fallback, 'no-words');

      const detected = options.language
        ? { lang: options.language, reliable: true }
        : detector.detect(text, fallback);
      const ranked = rankBest(text, detected.lang, detected.reliable);
      const matches = ranked.map((r) => ({
        id: r.label,
        title: byId.get(r.label)?.title[detected.lang] ?? r.label,
        score: Math.round(r.score * 1000) / 1000,
        answerScore: Math.round(answerScore(r) * 1000) / 1000,
      }));
      const decision = decide(matches[0]?.score ?? 0, thresholds, matches[0]?.answerScore ?? 0);
      const result: MatchResult = { question: text, language: detected.lang, languageReliable: detected.reliable, decision, matches };
      if (decision === 'none') result.reason = ranked.length === 0 ? 'no-words' : 'low-confidence';
      return result;
    },
  };
}
