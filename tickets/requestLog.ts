// Tickets and callback requests, one JSON Lines file per month (the month of the reference's
// date), so a reference says which file holds it and no index is needed. A request is one line
// when created, each later change (status, reply, assignment…) one more line: nothing is ever
// rewritten, and every line is on disk (fsynced) before the reference or the change is confirmed.
// The lines are also the outbox's events (requestOutbox.ts): the event is durable with its change.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CounterStore } from './counterStore.js';
import { folders, inRange, legacyMonthFiles, monthFiles, requestFile, timeBounds } from './dataLayout.js';
import { createJsonLines } from './jsonLines.js';
import { createKeyedQueue } from './keyedQueue.js';
import { migrateToLines } from './legacyFiles.js';
import { dropOver, use } from './recentlyUsed.js';
import { formatReference, parseReference, referenceCounter, supportLevel } from './reference.js';
import {
  appliedChange, appliedChangeSchema, applyChange, changeEvent, creationEvent, type AppliedChange, type RequestChange, type RequestEvent,
} from './requestChanges.js';
import { searchQuery, searchTextOf } from './requestSearch.js';
import { summaryOf } from './requestSummary.js';
import { callbackSchema, checkedBy, newCallbackSchema, newTicketSchema, parseInput, statusChangeSchema, ticketSchema } from './schemas.js';
import type { CallbackRequest, HelpdeskRequest, NewCallback, NewTicket, RequestFilter, RequestSummary, StatusChange, Ticket } from './types.js';
import { isoWithOffset } from './zonedTime.js';

type Assigned = Pick<HelpdeskRequest, 'reference' | 'createdAt' | 'status' | 'statusHistory'>;

/**
 * One line of a month file: a request as created, or a later change to it (`status` lines are
 * how earlier versions wrote a status change; still read).
 */
type Line =
  | { request: HelpdeskRequest }
  | { change: { reference: string; change: AppliedChange } }
  | { status: { reference: string; change: StatusChange } };

const requestSchema = z.discriminatedUnion('kind', [ticketSchema, callbackSchema]);
const lineSchema = z.union([
  z.object({ request: requestSchema }),
  z.object({ change: z.object({ reference: z.string(), change: appliedChangeSchema }) }),
  z.object({ status: z.object({ reference: z.string(), change: statusChangeSchema }) }),
]);
const referenceOf = (line: Line) => ('request' in line ? line.request.reference : 'change' in line ? line.change.reference : line.status.reference);
const legacyMonthSchema = z.object({ requests: z.array(requestSchema) });

export interface RequestLogDeps {
  dataDir: string;
  timeZone: string;
  now: () => Date;
  counters: CounterStore;
  /** months kept in memory (default 6) */
  maxOpen?: number;
  /** told when an unreadable line is skipped or an old file moved aside */
  report?: (line: string) => void;
  /** told of each creation or change once its line is on disk */
  emit?: (event: RequestEvent) => void;
}

/** A retry of the same creation (a channel resending an activity) within this time gets the same request. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

export function createRequestLog({ dataDir, timeZone, now, counters, maxOpen = 6, report = () => undefined, emit = () => undefined }: RequestLogDeps) {
  const dir = join(dataDir, folders.requests);
  const lines = createJsonLines<Line>({
    parse: checkedBy<Line>(lineSchema, 'request line'),
    durable: true,
    report,
    cached: 0,
  });
  // Each month's requests as they are now (lines folded), kept for the months used last.
  const months = new Map<string, Map<string, HelpdeskRequest>>();
  const queue = createKeyedQueue();
  let ready: Promise<void> | undefined;
  const migrated = () => (ready ??= (async () => {
    for (const file of await legacyMonthFiles(dir)) {
      await migrateToLines(file, `${file}l`, lines, (value) => legacyMonthSchema.parse(value).requests.map((request) => ({ request } as Line)), report);
    }
  })());

  /** Operations on one month file run one after the other (after the migration): a check and its append never interleave. */
  const serially = <R>(file: string, job: () => Promise<R>) => queue.run(file, async () => {
    await migrated();
    return job();
  });

  async function month(file: string): Promise<Map<string, HelpdeskRequest>> {
    const known = months.get(file);
    if (known) {
      use(months, file, known);
      return known;
    }
    const folded = new Map<string, HelpdeskRequest>();
    for (const line of await lines.read(file)) {
      if ('request' in line) folded.set(line.request.reference, structuredClone(line.request));
      else if ('change' in line) {
        const found = folded.get(line.change.reference);
        if (found) folded.set(found.reference, applyChange(found, line.change.change));
      } else {
        const found = folded.get(line.status.reference);
        if (found) {
          found.status = line.status.change.status;
          found.statusHistory.push(line.status.change);
        }
      }
    }
    months.set(file, folded);
    dropOver(months, maxOpen);
    return folded;
  }

  /** The request made earlier with this key, in the month files a retry can fall in. */
  async function madeEarlier(key: string): Promise<HelpdeskRequest | undefined> {
    const since = new Date(now().getTime() - IDEMPOTENCY_WINDOW_MS);
    for (const file of await monthFiles(dir, { from: since })) {
      const found = await serially(file, async () => [...(await month(file)).values()].find((r) => r.requestKey === key));
      if (found) return structuredClone(found);
    }
    return undefined;
  }

  /** Numbers, dates and files a new request; `build` adds the caller's fields. */
  async function create<R extends HelpdeskRequest>(level: 1 | 2, key: string | undefined, build: (assigned: Assigned) => R): Promise<R> {
    await migrated();
    if (key) {
      const earlier = await madeEarlier(key);
      if (earlier) return earlier as R;
    }
    const at = now();
    // The number is on disk before the request is: a crash in between leaves a gap, never a duplicate.
    const reference = formatReference(level, at, await counters.next(level), timeZone);
    const createdAt = isoWithOffset(at, timeZone);
    const request = build({ reference, createdAt, status: 'open', statusHistory: [{ status: 'open', at: createdAt }] });
    const file = requestFile(dataDir, reference.slice(3, 11));
    await serially(file, async () => {
      const folded = await month(file);
      await lines.append(file, [{ request }]);
      folded.set(reference, structuredClone(request));
    });
    emit(creationEvent(request));
    return structuredClone(request);
  }

  return {
    async createTicket(input: NewTicket): Promise<Ticket> {
      const fields = parseInput(newTicketSchema, input, 'ticket');
      return create(1, fields.requestKey, (assigned): Ticket => ({ ...fields, kind: 'ticket', ...assigned }));
    },

    async createCallback(input: NewCallback): Promise<CallbackRequest> {
      const fields = parseInput(newCallbackSchema, input, 'callback request');
      return create(2, fields.requestKey, (assigned): CallbackRequest => ({ ...fields, kind: 'callback', ...assigned }));
    },

    /** `ref` may be typed loosely ("l1 20261123 42"); undefined if it is not a reference or unknown. */
    async findByReference(ref: string): Promise<HelpdeskRequest | undefined> {
      const parsed = parseReference(ref);
      if (!parsed) return undefined;
      const file = requestFile(dataDir, parsed.date);
      return serially(file, async () => {
        const found = (await month(file)).get(parsed.reference);
        return found && structuredClone(found);
      });
    },

    /** Makes the change and keeps it; undefined if the reference is unknown. */
    async changeRequest(ref: string, change: RequestChange): Promise<HelpdeskRequest | undefined> {
      const parsed = parseReference(ref);
      if (!parsed) return undefined;
      const applied = appliedChange(change, isoWithOffset(now(), timeZone));
      const file = requestFile(dataDir, parsed.date);
      const changed = await serially(file, async () => {
        const folded = await month(file);
        const found = folded.get(parsed.reference);
        if (!found) return undefined;
        await lines.append(file, [{ change: { reference: found.reference, change: applied } }]);
        const next = applyChange(found, applied);
        folded.set(next.reference, next);
        return structuredClone(next);
      });
      if (changed) emit(changeEvent(changed.reference, applied));
      return changed;
    },

    /** The events of the lines written since `since` (creations and changes), oldest first. */
    async eventsSince(since: Date): Promise<RequestEvent[]> {
      await migrated();
      const events: RequestEvent[] = [];
      for (const file of await monthFiles(dir)) {
        const info = await stat(file).catch(() => undefined);
        if (!info || info.mtimeMs < since.getTime()) continue;
        for (const line of await serially(file, () => lines.read(file))) {
          if ('request' in line && Date.parse(line.request.createdAt) >= since.getTime()) events.push(creationEvent(line.request));
          if ('change' in line && Date.parse(line.change.change.at) >= since.getTime()) events.push(changeEvent(line.change.reference, line.change.change));
        }
      }
      return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },

    /** Removes the requests `drop` says; their references and conversations. */
    async removeWhere(drop: (r: HelpdeskRequest) => boolean): Promise<Array<{ reference: string; conversationId: string }>> {
      await migrated();
      const removed: Array<{ reference: string; conversationId: string }> = [];
      for (const file of await monthFiles(dir)) {
        removed.push(...await serially(file, async () => {
          const folded = await month(file);
          const gone = [...folded.values()].filter(drop).map((r) => ({ reference: r.reference, conversationId: r.conversationId }));
          if (gone.length === 0) return [];
          const refs = new Set(gone.map((g) => g.reference));
          const kept = (await lines.read(file)).filter((line) => !refs.has(referenceOf(line)));
          await lines.rewrite(file, kept);
          for (const ref of refs) folded.delete(ref);
          return gone;
        }));
      }
      return removed;
    },

    /** The highest reference number stored per level: where numbering goes on if the counters are lost. */
    async highestCounters(): Promise<{ L1: number; L2: number }> {
      await migrated();
      const highest = { L1: 0, L2: 0 };
      for (const file of await monthFiles(dir)) {
        // Straight from the lines (not the months kept in memory): read once, at start.
        for (const line of await lines.read(file)) {
          if (!('request' in line)) continue;
          const key = line.request.kind === 'callback' ? 'L2' : 'L1';
          highest[key] = Math.max(highest[key], referenceCounter(line.request.reference));
        }
      }
      return highest;
    },

    /**
     * Newest first, `offset` and `limit` applied after the filters; `total` counts every match.
     * Reads only the month files the time range can touch.
     */
    async pageRequests(filter: RequestFilter = {}, page: { offset?: number; limit?: number } = {}): Promise<{ requests: HelpdeskRequest[]; total: number }> {
      const found = await matching(filter);
      const offset = page.offset ?? 0;
      const slice = found.slice(offset, page.limit === undefined ? undefined : offset + page.limit);
      return { requests: structuredClone(slice), total: found.length };
    },

    async summarizeRequests(filter: RequestFilter = {}): Promise<RequestSummary[]> {
      return (await matching(filter)).map(summaryOf);
    },
  };

  /** The requests matching the filter, newest first (the months kept in memory, not copies). */
  async function matching(filter: RequestFilter): Promise<HelpdeskRequest[]> {
    await migrated();
    const bounds = timeBounds(filter);
    const found: HelpdeskRequest[] = [];
    const q = searchQuery(filter.q);
    for (const file of await monthFiles(dir, filter)) {
      const folded = await serially(file, () => month(file));
      for (const r of folded.values()) if (matches(r, filter, q) && inRange(r.createdAt, bounds)) found.push(r);
    }
    found.sort(newestFirst);
    return found;
  }
}

export type RequestLog = ReturnType<typeof createRequestLog>;

// Each request's search text, made once per version of it (a change makes a new object).
const searchTexts = new WeakMap<HelpdeskRequest, string>();
function searchText(r: HelpdeskRequest): string {
  let text = searchTexts.get(r);
  if (text === undefined) searchTexts.set(r, (text = searchTextOf(r)));
  return text;
}

function matches(r: HelpdeskRequest, filter: RequestFilter, q: string): boolean {
  return (filter.kind === undefined || r.kind === filter.kind)
    && (filter.status === undefined || r.status === filter.status)
    && (filter.statuses === undefined || filter.statuses.includes(r.status))
    && (filter.level === undefined || supportLevel(r) === filter.level)
    && (filter.language === undefined || r.language === filter.language)
    && (filter.assignee === undefined || (r.assignee ?? null) === (filter.assignee === null ? null : filter.assignee.toLowerCase()))
    && (filter.priority === undefined || (r.priority ?? 'normal') === filter.priority)
    && (q === '' || searchText(r).includes(q));
}

function newestFirst(a: HelpdeskRequest, b: HelpdeskRequest): number {
  // createdAt has whole seconds and may carry different offsets: compare instants, then numbers.
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || referenceCounter(b.reference) - referenceCounter(a.reference);
}
