// The knowledge base as the running bot sees it: the bundled articles with the staff's edits (kept
// in the store) laid over them. A change (an edit here, or another instance's) is checked and its
// matcher trained in a worker thread, then swapped in at once: questions asked meanwhile use the
// previous matcher, and no turn waits for the training. A change with problems changes nothing.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NO_EDITS, type ArticleEdits, type KnowledgeOptions } from './loadKnowledge.js';
import { KnowledgeError } from './knowledgeError.js';
import { matcherFrom, type Matcher } from './matcher.js';
import type { Thresholds } from './matching/thresholds.js';
import type { Problem } from './problems.js';
import { build } from './rebuild/buildJob.js';
import { createBuildThread } from './rebuild/buildThread.js';
import type { KnowledgeBase } from './types.js';

export interface LiveKnowledge {
  /** always the latest valid knowledge base's matcher; dialogs keep this object, not a snapshot */
  readonly matcher: Matcher;
  kb(): KnowledgeBase;
  /** the options the knowledge base is checked with (a staff edit is checked with the same) */
  readonly options: KnowledgeOptions;
  /** an article file's text as the bot uses it (the staff's edit, else the bundled file); null if none */
  text(id: string): string | null;
  /** the staff edits the live knowledge base includes */
  edits(): ArticleEdits;
  /** The problems of the knowledge base these edits make, if any (checked off the main thread, no training). */
  check(edits: ArticleEdits): Promise<{ ok: true } | { ok: false; problems: Problem[] }>;
  /** Checks the knowledge base these edits make and trains its matcher off the main thread; nothing changes until `adopt`. */
  prepare(edits: ArticleEdits): Promise<Prepared | { ok: false; problems: Problem[] }>;
  /** Swaps a prepared knowledge base in, unless a later one (more edits) is already live. */
  adopt(prepared: Prepared): void;
  /** Brings the knowledge base up to the store's edits; rebuilds only when they changed. */
  reload(): Promise<{ ok: true; articles: number; changed: boolean; stalledMs?: number } | { ok: false; problems: Problem[] }>;
  close(): Promise<void>;
}

export interface Prepared {
  ok: true;
  edits: ArticleEdits;
  kb: KnowledgeBase;
  matcher: Matcher;
  texts: ReadonlyMap<string, string>;
  /** edited articles whose bundled file changed since their first edit (the staff's version wins) */
  shadowed: string[];
  /** the longest the event loop waited while this was prepared (ms): what a turn could have waited for it */
  stalledMs: number;
}

export interface LiveOptions extends KnowledgeOptions {
  /** the staff edits kept in the store (none when absent) */
  edits?: () => Promise<ArticleEdits>;
  /**
   * A matcher already trained on the bundled knowledge base (tests share one across many servers: a
   * training costs seconds). Used only when there are no edits; later changes train their own.
   */
  trained?: Matcher;
  /** said once per change that leaves a bundled article shadowed by a staff edit */
  warn?: (line: string) => void;
}

export async function openLiveKnowledge(dir: string, thresholds: Thresholds, options: LiveOptions = {}): Promise<LiveKnowledge> {
  const { edits: source, trained, warn, ...checkOptions } = options;
  const firstEdits = source ? await source() : NO_EDITS;
  // At start nothing is served yet: the build thread's job, run here, is as good as in the thread.
  const reuse = trained !== undefined && firstEdits.count === 0;
  const first = await build({ dir, edits: firstEdits, options: checkOptions, train: !reuse });
  if (!first.ok) throw new KnowledgeError(first.problems);
  let live: Prepared = {
    ok: true,
    edits: firstEdits,
    kb: first.kb,
    matcher: first.state ? matcherFrom(first.state, thresholds) : trained!,
    texts: first.texts,
    shadowed: first.shadowed,
    stalledMs: 0,
  };
  const said = new Set<string>();
  const sayShadowed = (ids: string[]) => {
    const fresh = ids.filter((id) => !said.has(id));
    fresh.forEach((id) => said.add(id));
    if (fresh.length > 0) warn?.(`knowledge: ${fresh.map((id) => `knowledge/articles/${id}.md`).join(', ')} changed since staff edited it; the bot keeps the staff's version`);
  };
  sayShadowed(first.shadowed);
  const thread = createBuildThread();
  if (source) thread.start();

  const matcher: Matcher = {
    get thresholds() {
      return live.matcher.thresholds;
    },
    match: (question, opts) => live.matcher.match(question, opts),
    article: (id) => live.matcher.article(id),
    rank: (question, lang, k) => live.matcher.rank(question, lang, k),
    detectLanguage: (question, fallback) => live.matcher.detectLanguage(question, fallback),
  };

  // The same edits asked for twice while training (this instance's edit, then the store telling
  // every instance about it, this one included) are trained once.
  const training = new Map<string, Promise<Prepared | { ok: false; problems: Problem[] }>>();
  function prepare(edits: ArticleEdits): Promise<Prepared | { ok: false; problems: Problem[] }> {
    const key = `${edits.count}:${edits.head}`;
    let run = training.get(key);
    if (!run) {
      run = (async () => {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        try {
          const built = await thread.build({ dir, edits, options: checkOptions, train: true });
          if (!built.ok) return built;
          if (!built.state) throw new Error('the build thread sent no matcher');
          const fresh = matcherFrom(built.state, thresholds);
          // The timer's own 10 ms resolution aside: how long a turn waited at worst meanwhile.
          const stalledMs = Math.max(0, Math.round(delay.max / 1e6 - 10));
          return { ok: true as const, edits, kb: built.kb, matcher: fresh, texts: built.texts, shadowed: built.shadowed, stalledMs };
        } finally {
          delay.disable();
        }
      })().finally(() => training.delete(key));
      training.set(key, run);
    }
    return run;
  }

  function adopt(prepared: Prepared): void {
    // Builds finish in any order (an edit here, a reload for another instance's): the knowledge
    // base with more edits is the later one, never replaced by an earlier one.
    if (prepared.edits.count < live.edits.count) return;
    live = prepared;
    sayShadowed(prepared.shadowed);
  }

  // One reload at a time; a reload asked for while one runs is folded into a single next one.
  let reloading: Promise<Awaited<ReturnType<LiveKnowledge['reload']>>> | undefined;
  let again = false;
  async function reloadOnce(): Promise<Awaited<ReturnType<LiveKnowledge['reload']>>> {
    const edits = source ? await source() : NO_EDITS;
    if (edits.head === live.edits.head && edits.count === live.edits.count) return { ok: true, articles: live.kb.articles.length, changed: false };
    const prepared = await prepare(edits);
    if (!prepared.ok) return prepared;
    adopt(prepared);
    return { ok: true, articles: live.kb.articles.length, changed: true, stalledMs: prepared.stalledMs };
  }

  return {
    matcher,
    kb: () => live.kb,
    options: checkOptions,
    text: (id) => live.texts.get(id) ?? null,
    edits: () => live.edits,
    async check(edits) {
      const checked = await thread.build({ dir, edits, options: checkOptions, train: false });
      return checked.ok ? { ok: true } : checked;
    },
    prepare,
    adopt,
    reload() {
      if (reloading) {
        again = true;
        return reloading;
      }
      const run = async () => {
        try {
          let result = await reloadOnce();
          while (again) {
            again = false;
            result = await reloadOnce();
          }
          return result;
        } finally {
          reloading = undefined;
        }
      };
      return (reloading = run());
    },
    close: () => thread.close(),
  };
}
