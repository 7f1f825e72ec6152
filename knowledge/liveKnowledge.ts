// The knowledge base as the running bot sees it: loaded once at start, reloaded after staff edit
// an article, without a restart. A reload that finds problems changes nothing and returns them.
import { checkKnowledge, type KnowledgeOptions } from './loadKnowledge.js';
import { KnowledgeError } from './knowledgeError.js';
import { createMatcher, type Matcher } from './matcher.js';
import type { Thresholds } from './matching/thresholds.js';
import type { Problem } from './problems.js';
import type { KnowledgeBase } from './types.js';

export interface LiveKnowledge {
  /** always the latest valid knowledge base's matcher; dialogs keep this object, not a snapshot */
  readonly matcher: Matcher;
  kb(): KnowledgeBase;
  /** the options the knowledge base is checked with (a staff edit is checked with the same) */
  readonly options: KnowledgeOptions;
  reload(): Promise<{ ok: true; articles: number } | { ok: false; problems: Problem[] }>;
}

export interface LiveOptions extends KnowledgeOptions {
  /**
   * A matcher already trained on this same knowledge base (tests share one across many servers: a
   * training costs seconds). Reloads always train their own.
   */
  trained?: Matcher;
}

export async function openLiveKnowledge(dir: string, thresholds: Thresholds, options: LiveOptions = {}): Promise<LiveKnowledge> {
  const first = await checkKnowledge(dir, options);
  if (!first.kb) throw new KnowledgeError(first.problems);
  let kb = first.kb;
  let current = options.trained ?? createMatcher(kb, thresholds);

  const matcher: Matcher = {
    get thresholds() {
      return current.thresholds;
    },
    match: (question, opts) => current.match(question, opts),
    article: (id) => current.article(id),
    rank: (question, lang, k) => current.rank(question, lang, k),
    detectLanguage: (question, fallback) => current.detectLanguage(question, fallback),
  };

  return {
    matcher,
    kb: () => kb,
    options,
    async reload() {
      const next = await checkKnowledge(dir, options);
      if (!next.kb) return { ok: false, problems: next.problems };
      // Build before swapping: questions asked meanwhile use the old index, never a half-built one.
      const rebuilt = createMatcher(next.kb, thresholds);
      kb = next.kb;
      current = rebuilt;
      return { ok: true, articles: kb.articles.length };
    },
  };
}
