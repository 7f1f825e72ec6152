// What a worker thread does for a knowledge base: read the bundled folder, lay the staff edits over
// it, check the whole, and train the matcher. The answering thread only adopts the result.
import { articleTexts, checkSources, readKnowledgeSources, withEdits, type ArticleEdits, type KnowledgeOptions } from '../loadKnowledge.js';
import { matcherState, type MatcherState } from '../matcher.js';
import type { Problem } from '../problems.js';
import type { KnowledgeBase } from '../types.js';

export interface BuildRequest {
  dir: string;
  edits: ArticleEdits;
  options: KnowledgeOptions;
  /** false: check only (tens of milliseconds), for an edit that must be known good before it is kept */
  train: boolean;
}

export type BuildResult =
  | {
      ok: true;
      kb: KnowledgeBase;
      /** absent when only checked */
      state?: MatcherState;
      /** every article file's text as the knowledge base now has it, by id */
      texts: Map<string, string>;
      /** edited articles whose bundled file changed since their first edit */
      shadowed: string[];
    }
  | { ok: false; problems: Problem[] };

export async function build({ dir, edits, options, train }: BuildRequest): Promise<BuildResult> {
  const { sources, shadowed } = withEdits(await readKnowledgeSources(dir), edits);
  const check = checkSources(sources, options);
  if (!check.kb) return { ok: false, problems: check.problems };
  return { ok: true, kb: check.kb, ...(train ? { state: matcherState(check.kb) } : {}), texts: articleTexts(sources), shadowed };
}
