// Small measuring helpers shared by the benchmarks.

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Times `fn` once per input after one warm-up pass; returns p50/p99 in milliseconds. */
export function latency<T>(inputs: readonly T[], fn: (input: T) => unknown): { p50Ms: number; p99Ms: number; meanMs: number } {
  for (const input of inputs) fn(input);
  const times: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    fn(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  return { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), meanMs: mean };
}

/** Heap in MB after a full collection, when node runs with --expose-gc (npm run bench:* does). */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
