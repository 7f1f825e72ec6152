// Failed sign-ins per key (an email, an IP address) in a sliding window: after `limit` failures
// within `windowMs`, further attempts for that key are refused until the oldest failure ages out.

export interface RateLimiterOptions {
  /** failures allowed per key within the window (default 5) */
  limit?: number;
  /** default 15 minutes */
  windowMs?: number;
  now?: () => Date;
  /** keys remembered at most; the least recently failed are forgotten first (default 10 000) */
  maxKeys?: number;
}

export type RateDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

export interface RateLimiter {
  /** Limited when any of the keys has used up its failures. */
  check(keys: readonly string[]): RateDecision;
  fail(keys: readonly string[]): void;
  /** Forgets the failures of these keys (after a successful sign-in). */
  reset(keys: readonly string[]): void;
}

export function createRateLimiter({ limit = 5, windowMs = 15 * 60_000, now = () => new Date(), maxKeys = 10_000 }: RateLimiterOptions = {}): RateLimiter {
  const failures = new Map<string, number[]>();

  function recent(key: string, at: number): number[] {
    const times = (failures.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    check(keys) {
      const at = now().getTime();
      let waitMs = 0;
      for (const key of keys) {
        const times = recent(key, at);
        if (times.length >= limit) waitMs = Math.max(waitMs, times[times.length - limit]! + windowMs - at);
      }
      return waitMs > 0 ? { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { limited: false };
    },
    fail(keys) {
      const at = now().getTime();
      for (const key of keys) {
        const times = recent(key, at);
        failures.delete(key); // re-inserted last: Map order is then least recently failed first
        failures.set(key, [...times, at].slice(-limit));
      }
      for (const key of failures.keys()) {
        if (failures.size <= maxKeys) break;
        failures.delete(key);
      }
    },
    reset(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
