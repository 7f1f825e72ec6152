// The outbox of request events: an event is kept with the write that caused it (the same
// transaction in PostgreSQL, the same request line in the files), then delivered to each
// subscriber (mail, chat, Teams) by whichever instance claims it first. A subscriber that fails is
// retried later, alone; the others are not told twice. Delivery is at least once: a process dying
// between a delivery and its record repeats that one delivery.
import { join } from 'node:path';
import { z } from 'zod';
import { folders } from './dataLayout.js';
import { createJsonLines } from './jsonLines.js';
import type { RequestEvent } from './requestChanges.js';
import { checkedBy } from './schemas.js';

export interface PendingEvent {
  event: RequestEvent;
  /** subscribers that have it already */
  delivered: string[];
  /** failed deliveries so far */
  attempts: number;
}

export interface RequestOutbox {
  /** Events due at `now` that no one is delivering, each claimed for `leaseMs` (another instance skips it meanwhile). */
  claim(now: Date, limit: number, leaseMs: number): Promise<PendingEvent[]>;
  delivered(id: string, subscriber: string): Promise<void>;
  /** A delivery failed: tried again from `next`, with `error` kept for staff. */
  retryLater(id: string, next: Date, error: string): Promise<void>;
  /** Every subscriber has it, or it is given up: never claimed again. */
  finish(id: string): Promise<void>;
  /** Forgets events finished before `cutoff` (the retention purge); how many. */
  purgeFinished(cutoff: Date): Promise<number>;
}

/** Events older than this are not delivered after a restart: a days-old "your ticket is resolved" helps no one. */
export const OUTBOX_HORIZON_MS = 3 * 24 * 3600 * 1000;

type Line =
  | { delivered: { id: string; subscriber: string } }
  | { retry: { id: string; attempts: number; next: string; error: string } }
  | { finished: { id: string } };

const lineSchema = z.union([
  z.object({ delivered: z.object({ id: z.string(), subscriber: z.string() }) }),
  z.object({ retry: z.object({ id: z.string(), attempts: z.number().int(), next: z.string(), error: z.string() }) }),
  z.object({ finished: z.object({ id: z.string() }) }),
]);

interface Entry extends PendingEvent {
  next: number;
  claimedUntil: number;
}

export interface FileOutboxDeps {
  dataDir: string;
  now: () => Date;
  /** the events written since `since` (the request lines), read once at start */
  eventsSince(since: Date): Promise<RequestEvent[]>;
  report?: (line: string) => void;
}

/**
 * The embedded backend's outbox (one process per DATA_DIR): pending events in memory, rebuilt at
 * start from the recent request lines minus what deliveries.jsonl says is done.
 */
export function createFileOutbox({ dataDir, now, eventsSince, report = () => undefined }: FileOutboxDeps) {
  const file = join(dataDir, folders.outbox, 'deliveries.jsonl');
  const lines = createJsonLines<Line>({ parse: checkedBy<Line>(lineSchema, 'outbox line'), durable: true, report, cached: 0 });
  const pending = new Map<string, Entry>();
  // Events written before the pending set is rebuilt wait here, so they come after the older ones.
  const early: RequestEvent[] = [];
  let ready = false;
  let loaded: Promise<void> | undefined;

  const load = () => (loaded ??= (async () => {
    const since = new Date(now().getTime() - OUTBOX_HORIZON_MS);
    for (const event of await eventsSince(since)) pending.set(event.id, entry(event));
    for (const event of early.splice(0)) if (!pending.has(event.id)) pending.set(event.id, entry(event));
    ready = true;
    const kept: Line[] = [];
    for (const line of await lines.read(file)) {
      const id = 'delivered' in line ? line.delivered.id : 'retry' in line ? line.retry.id : line.finished.id;
      const found = pending.get(id);
      if (!found) continue;
      kept.push(line);
      if ('delivered' in line) found.delivered.push(line.delivered.subscriber);
      else if ('retry' in line) Object.assign(found, { attempts: line.retry.attempts, next: Date.parse(line.retry.next) });
      else pending.delete(id);
    }
    // Only what is still pending is worth keeping: the file stays as small as the backlog.
    await lines.rewrite(file, kept.filter((line) => pending.has('delivered' in line ? line.delivered.id : 'retry' in line ? line.retry.id : line.finished.id)));
  })());

  const entry = (event: RequestEvent): Entry => ({ event, delivered: [], attempts: 0, next: 0, claimedUntil: 0 });

  return {
    /** Called once the event's request line is on disk. */
    add(event: RequestEvent): void {
      if (ready) pending.set(event.id, entry(event));
      else early.push(event);
    },
    async claim(at, limit, leaseMs) {
      await load();
      const due: PendingEvent[] = [];
      for (const e of pending.values()) {
        if (due.length >= limit) break;
        if (e.next > at.getTime() || e.claimedUntil > at.getTime()) continue;
        e.claimedUntil = at.getTime() + leaseMs;
        due.push({ event: { ...e.event }, delivered: [...e.delivered], attempts: e.attempts });
      }
      return due;
    },
    async delivered(id, subscriber) {
      await load();
      await lines.append(file, [{ delivered: { id, subscriber } }]);
      pending.get(id)?.delivered.push(subscriber);
    },
    async retryLater(id, next, error) {
      await load();
      const e = pending.get(id);
      if (!e) return;
      e.attempts++;
      e.next = next.getTime();
      e.claimedUntil = 0;
      await lines.append(file, [{ retry: { id, attempts: e.attempts, next: next.toISOString(), error: error.slice(0, 500) } }]);
    },
    async finish(id) {
      await load();
      await lines.append(file, [{ finished: { id } }]);
      pending.delete(id);
    },
    // Finished events leave the file when it is rebuilt at start: nothing else to forget here.
    purgeFinished: async () => 0,
  } satisfies RequestOutbox & { add(event: RequestEvent): void };
}
