// Staff edits of the knowledge base, kept as a chain: each edit is kept only if the last one kept is
// still the one its author built on, so two instances editing at once cannot both build on the same
// knowledge base and lose one edit. Every instance hears of a new edit (subscribe) and reloads.
import type { MonthlyLog } from './monthlyLog.js';
import type { AtOptional, KbEdit, TimeRange } from './types.js';

export interface KbEditLog {
  /** Keeps `edit` if the last edit kept is still `after` (null: none yet); 'conflict' when another came first. */
  append(edit: AtOptional<KbEdit>, after: string | null): Promise<KbEdit | 'conflict'>;
  /** In the order they were kept (oldest first). */
  list(range?: TimeRange): Promise<KbEdit[]>;
  /**
   * `listener` is called after any instance keeps an edit (and after a lost connection comes back,
   * when one may have been missed). Returns the unsubscribe.
   */
  subscribe(listener: () => void): () => void;
}

/** In-process listeners: the embedded store has one process, so its edits are all heard here. */
export function createListeners(): { add(listener: () => void): () => void; call(): void; readonly size: number } {
  const listeners = new Set<() => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    call: () => listeners.forEach((l) => l()),
    get size() {
      return listeners.size;
    },
  };
}

/** The embedded store's chain: one process holds DATA_DIR, so checking the last edit in turn is enough. */
export function fileKbEditLog(log: MonthlyLog<KbEdit>): KbEditLog {
  const listeners = createListeners();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    append(edit, after) {
      const run = queue.then(async () => {
        const last = (await log.list()).at(-1)?.id ?? null;
        if (last !== after) return 'conflict' as const;
        const kept = await log.append(edit);
        listeners.call();
        return kept;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    list: (range) => log.list(range),
    subscribe: listeners.add,
  };
}
