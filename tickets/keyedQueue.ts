// Operations on one key (a file, a conversation's state) run one after the other, so a read and
// the write that depends on it never interleave; different keys run side by side. A failed job
// does not stop the ones queued after it.
export interface KeyedQueue {
  run<R>(key: string, job: () => Promise<R>): Promise<R>;
  /** whether a job for `key` is queued or running */
  busy(key: string): boolean;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, job) {
      const run = (tails.get(key) ?? Promise.resolve()).then(job);
      const settled = run.then(() => undefined, () => undefined);
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return run;
    },
    busy: (key) => tails.has(key),
  };
}
