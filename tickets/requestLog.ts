// Tickets and callback requests, one file per month (the month of the reference's date), so a
// reference says which file holds it and no index is needed.
import { join } from 'node:path';
import { z } from 'zod';
import type { CounterStore } from './counterStore.js';
import { folders, inRange, monthFiles, requestFile, timeBounds } from './dataLayout.js';
import { createJsonFileCache } from './jsonFileCache.js';
import { formatReference, parseReference } from './reference.js';
import {
  callbackSchema, checkedBy, newCallbackSchema, newTicketSchema, parseInput, requestStatusSchema, ticketSchema,
} from './schemas.js';
import type {
  CallbackRequest, HelpdeskRequest, NewCallback, NewTicket, RequestFilter, RequestStatus, StatusChange, Ticket,
} from './types.js';
import { isoWithOffset } from './zonedTime.js';

type Assigned = Pick<HelpdeskRequest, 'reference' | 'createdAt' | 'status' | 'statusHistory'>;

interface MonthFile {
  requests: HelpdeskRequest[];
}

const monthFileSchema = z.object({ requests: z.array(z.discriminatedUnion('kind', [ticketSchema, callbackSchema])) });

export interface RequestLogDeps {
  dataDir: string;
  timeZone: string;
  now: () => Date;
  counters: CounterStore;
  maxOpen?: number;
  /** told when a damaged month file is moved aside */
  report?: (line: string) => void;
}

/** A retry of the same creation (a channel resending an activity) within this time gets the same request. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

export function createRequestLog({ dataDir, timeZone, now, counters, maxOpen = 6, report = () => undefined }: RequestLogDeps) {
  const files = createJsonFileCache<MonthFile>({
    empty: () => ({ requests: [] }),
    parse: checkedBy<MonthFile>(monthFileSchema),
    maxOpen,
    onDamaged: (file, movedTo, problem) => report(`${file} was damaged and moved to ${movedTo} (${problem}): the requests in it are no longer listed; new ones are kept`),
  });

  /** The request made earlier with this key, in the month files a retry can fall in. */
  async function madeEarlier(key: string): Promise<HelpdeskRequest | undefined> {
    const since = new Date(now().getTime() - IDEMPOTENCY_WINDOW_MS);
    for (const file of await monthFiles(join(dataDir, folders.requests), { from: since })) {
      const found = await files.read(file, (data) => data.requests.find((r) => r.requestKey === key));
      if (found) return structuredClone(found);
    }
    return undefined;
  }

  /** Numbers, dates and files a new request; `build` adds the caller's fields. */
  async function create<R extends HelpdeskRequest>(level: 1 | 2, key: string | undefined, build: (assigned: Assigned) => R): Promise<R> {
    if (key) {
      const earlier = await madeEarlier(key);
      if (earlier) return earlier as R;
    }
    const at = now();
    // The number is on disk before the request is: a crash in between leaves a gap, never a duplicate.
    const reference = formatReference(level, at, await counters.next(level), timeZone);
    const createdAt = isoWithOffset(at, timeZone);
    const request = build({ reference, createdAt, status: 'open', statusHistory: [{ status: 'open', at: createdAt }] });
    await files.update(requestFile(dataDir, reference.slice(3, 11)), (data) => {
      data.requests.push(request);
      return { result: undefined, changed: true };
    });
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
      return files.read(requestFile(dataDir, parsed.date), (data) => {
        const found = data.requests.find((r) => r.reference === parsed.reference);
        return found && structuredClone(found);
      });
    },

    async updateStatus(ref: string, status: RequestStatus, note?: string, by?: string): Promise<HelpdeskRequest | undefined> {
      const parsed = parseReference(ref);
      if (!parsed) return undefined;
      const change: StatusChange = { status: parseInput(requestStatusSchema, status, 'status'), at: isoWithOffset(now(), timeZone) };
      if (note !== undefined) change.note = note;
      if (by !== undefined) change.by = by;
      return files.update(requestFile(dataDir, parsed.date), (data) => {
        const found = data.requests.find((r) => r.reference === parsed.reference);
        if (!found) return { result: undefined, changed: false };
        found.status = status;
        found.statusHistory.push(change);
        return { result: structuredClone(found), changed: true };
      });
    },

    /** Removes the requests `drop` says; their references and conversations. */
    async removeWhere(drop: (r: HelpdeskRequest) => boolean): Promise<Array<{ reference: string; conversationId: string }>> {
      const removed: Array<{ reference: string; conversationId: string }> = [];
      for (const file of await monthFiles(join(dataDir, folders.requests))) {
        removed.push(...await files.update(file, (data) => {
          const gone = data.requests.filter(drop).map((r) => ({ reference: r.reference, conversationId: r.conversationId }));
          data.requests = data.requests.filter((r) => !drop(r));
          return { result: gone, changed: gone.length > 0 };
        }));
      }
      return removed;
    },

    /** The highest reference number stored per level: where numbering goes on if the counters are lost. */
    async highestCounters(): Promise<{ L1: number; L2: number }> {
      const highest = { L1: 0, L2: 0 };
      for (const file of await monthFiles(join(dataDir, folders.requests))) {
        await files.read(file, (data) => {
          for (const r of data.requests) {
            const key = r.kind === 'callback' ? 'L2' : 'L1';
            highest[key] = Math.max(highest[key], counterOf(r));
          }
        });
      }
      return highest;
    },

    /** Newest first. Reads only the month files the time range can touch. */
    async listRequests(filter: RequestFilter = {}): Promise<HelpdeskRequest[]> {
      const bounds = timeBounds(filter);
      const found: HelpdeskRequest[] = [];
      for (const file of await monthFiles(join(dataDir, folders.requests), filter)) {
        const matching = await files.read(file, (data) => data.requests.filter((r) => matches(r, filter) && inRange(r.createdAt, bounds)));
        found.push(...structuredClone(matching));
      }
      return found.sort(newestFirst);
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;

function matches(r: HelpdeskRequest, filter: RequestFilter): boolean {
  const level = r.kind === 'callback' ? 2 : r.level;
  return (filter.kind === undefined || r.kind === filter.kind)
    && (filter.status === undefined || r.status === filter.status)
    && (filter.level === undefined || level === filter.level)
    && (filter.language === undefined || r.language === filter.language);
}

function newestFirst(a: HelpdeskRequest, b: HelpdeskRequest): number {
  // createdAt has whole seconds and may carry different offsets: compare instants, then numbers.
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || counterOf(b) - counterOf(a);
}

function counterOf(r: HelpdeskRequest): number {
  return Number(r.reference.slice(12));
}
