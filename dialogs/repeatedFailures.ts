// A disk that refuses writes fails the analytics and the transcript of every turn: a line per
// failure would flood the logs (thousands a minute under load). The first failure of a kind is
// logged in full; the same failure again within a minute is counted, and the count goes on the
// next line logged for it.
import type { Logger } from './deps.js';

export type FailureLog = (what: string, err: unknown, conversation: string) => void;

export function repeatedFailures(log: Logger, { everyMs = 60_000, now = Date.now } = {}): FailureLog {
  const seen = new Map<string, { loggedAt: number; since: number }>();
  return (what, err, conversation) => {
    const kind = `${what}|${(err as { code?: unknown })?.code ?? (err as Error)?.message ?? String(err)}`;
    const known = seen.get(kind);
    const at = now();
    if (known && at - known.loggedAt < everyMs) {
      known.since++;
      return;
    }
    seen.set(kind, { loggedAt: at, since: 0 });
    log.error({ err, conversation, ...(known?.since ? { sameFailuresSinceLastLine: known.since } : {}) }, `${what} not recorded`);
  };
}
