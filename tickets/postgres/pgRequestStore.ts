// Tickets and callback requests on PostgreSQL, with the semantics of the embedded request log
// (requestLog.ts): the same validation, references, dates and history, shared by every instance.
// A reference is only returned once its row is committed; a change and its event (the outbox row,
// request_events) are committed together.
import type { Pool, PoolClient } from 'pg';
import type { HelpdeskStore } from '../helpdeskStore.js';
import { formatReference, parseReference, referenceCounter, supportLevel } from '../reference.js';
import { appliedChange, applyChange, changeEvent, creationEvent, statusChange, type RequestEvent } from '../requestChanges.js';
import type { RequestOutbox } from '../requestOutbox.js';
import { searchQuery, searchTextOf } from '../requestSearch.js';
import { newCallbackSchema, newTicketSchema, parseInput } from '../schemas.js';
import type { CallbackRequest, HelpdeskRequest, RequestFilter, RequestPriority, RequestStatus, RequestSummary, Ticket, TicketLevel } from '../types.js';
import { isoWithOffset } from '../zonedTime.js';
import { sqlRange } from './sqlTime.js';
import { inTransaction } from './transaction.js';

export type RequestStore = Pick<HelpdeskStore, 'createTicket' | 'createCallback' | 'findByReference' | 'updateStatus' | 'changeRequest' | 'listRequests' | 'pageRequests' | 'summarizeRequests'>;

export interface PgRequestStoreOptions {
  timeZone: string;
  now?: () => Date;
  /** told of each creation or change once it is committed */
  emit?: (event: RequestEvent) => void;
}

type Queryable = Pool | PoolClient;

async function insertEvent(db: Queryable, event: RequestEvent): Promise<void> {
  await db.query('INSERT INTO request_events (id, reference, at, event, next_at) VALUES ($1, $2, $3, $4, $3)', [event.id, event.reference, new Date(event.at), JSON.stringify(event)]);
}

type Assigned = Pick<HelpdeskRequest, 'reference' | 'createdAt' | 'status' | 'statusHistory'>;

export function createPgRequestStore(pool: Pool, { timeZone, now = () => new Date(), emit = () => undefined }: PgRequestStoreOptions): RequestStore {
  async function create<R extends HelpdeskRequest>(level: 1 | 2, key: string | undefined, build: (assigned: Assigned) => R): Promise<R> {
    if (key) {
      const earlier = await byKey(key);
      if (earlier) return earlier as R;
    }
    const at = now();
    const { rows } = await pool.query<{ n: string }>(`SELECT nextval('request_number_l${level}') AS n`);
    const reference = formatReference(level, at, Number(rows[0]!.n), timeZone);
    const createdAt = isoWithOffset(at, timeZone);
    const request = build({ reference, createdAt, status: 'open', statusHistory: [{ status: 'open', at: createdAt }] });
    const event = creationEvent(request);
    const inserted = await inTransaction(pool, async (client) => {
      if (!(await insertRequest(client, request))) return false;
      await insertEvent(client, event);
      return true;
    });
    if (inserted) {
      emit(event);
      return request;
    }
    // Another instance took the same retried activity first: its request is the one.
    return (await byKey(key!)) as R;
  }

  async function byKey(key: string): Promise<HelpdeskRequest | undefined> {
    const { rows } = await pool.query<{ body: HelpdeskRequest }>('SELECT body FROM requests WHERE request_key = $1', [key]);
    return rows[0]?.body;
  }

  /** The WHERE clause of a filter and its parameters. */
  function whereOf(filter: RequestFilter): { condition: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const [from, to] = sqlRange(filter);
    add('created_at >= ?', from);
    add('created_at < ?', to);
    if (filter.kind !== undefined) add('kind = ?', filter.kind);
    if (filter.status !== undefined) add('status = ?', filter.status);
    if (filter.level !== undefined) add('level = ?', filter.level);
    if (filter.language !== undefined) add('language = ?', filter.language);
    if (filter.statuses !== undefined) add('status = ANY(?)', [...filter.statuses]);
    if (filter.assignee === null) where.push('assignee IS NULL');
    else if (filter.assignee !== undefined) add('assignee = ?', filter.assignee.toLowerCase());
    if (filter.priority !== undefined) add('priority = ?', filter.priority);
    const q = searchQuery(filter.q);
    // LIKE's own wildcards typed in a search are searched for, not obeyed.
    if (q) add("search LIKE ? ESCAPE '\\'", `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return { condition: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async function pageRequests(filter: RequestFilter = {}, page: { offset?: number; limit?: number } = {}) {
    const { condition, params } = whereOf(filter);
    const offset = page.offset ?? 0;
    const { rows } = await pool.query<{ body: HelpdeskRequest }>(
      `SELECT body FROM requests ${condition} ORDER BY created_at DESC, number DESC OFFSET ${Math.max(0, Math.floor(offset))}` +
        (page.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(page.limit))}`),
      params,
    );
    const counted = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM requests ${condition}`, params);
    return { requests: rows.map((r) => r.body), total: Number(counted.rows[0]!.n) };
  }

  async function summarizeRequests(filter: RequestFilter = {}): Promise<RequestSummary[]> {
    const { condition, params } = whereOf(filter);
    const { rows } = await pool.query<{ reference: string; kind: 'ticket' | 'callback'; level: number; created_at: Date; status: RequestStatus; priority: RequestPriority; first_reply_at: Date | null; slot_start: Date | null; slot_end: Date | null }>(
      `SELECT reference, kind, level, created_at, status, priority, first_reply_at, slot_start, slot_end FROM requests ${condition} ORDER BY created_at DESC, number DESC`,
      params,
    );
    return rows.map((r) => {
      const common = {
        reference: r.reference, createdAt: isoWithOffset(r.created_at, timeZone), status: r.status,
        ...(r.priority !== 'normal' ? { priority: r.priority } : {}), ...(r.first_reply_at ? { firstReplyAt: isoWithOffset(r.first_reply_at, timeZone) } : {}),
      };
      return r.kind === 'callback'
        ? { ...common, kind: 'callback' as const, slot: { start: isoWithOffset(r.slot_start!, timeZone), end: isoWithOffset(r.slot_end!, timeZone) } }
        : { ...common, kind: 'ticket' as const, level: r.level as TicketLevel };
    });
  }

  /** The row is locked while the change is made: two staff members changing one request both land in its history. */
  async function changeRequest(ref: string, change: Parameters<RequestStore['changeRequest']>[1]): Promise<HelpdeskRequest | undefined> {
    const parsed = parseReference(ref);
    if (!parsed) return undefined;
    const applied = appliedChange(change, isoWithOffset(now(), timeZone));
    const changed = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ body: HelpdeskRequest }>('SELECT body FROM requests WHERE reference = $1 FOR UPDATE', [parsed.reference]);
      if (!rows[0]) return undefined;
      const next = applyChange(rows[0].body, applied);
      await client.query(
        'UPDATE requests SET body = $2, status = $3, assignee = $4, priority = $5, first_reply_at = $6, search = $7 WHERE reference = $1',
        [next.reference, JSON.stringify(next), next.status, next.assignee ?? null, next.priority ?? 'normal', next.firstReplyAt ? new Date(next.firstReplyAt) : null, searchTextOf(next)],
      );
      await insertEvent(client, changeEvent(next.reference, applied));
      return next;
    });
    if (changed) emit(changeEvent(changed.reference, applied));
    return changed;
  }

  return {
    async createTicket(input) {
      const fields = parseInput(newTicketSchema, input, 'ticket');
      return create(1, fields.requestKey, (assigned): Ticket => ({ ...fields, kind: 'ticket', ...assigned }));
    },

    async createCallback(input) {
      const fields = parseInput(newCallbackSchema, input, 'callback request');
      return create(2, fields.requestKey, (assigned): CallbackRequest => ({ ...fields, kind: 'callback', ...assigned }));
    },

    async findByReference(ref) {
      const parsed = parseReference(ref);
      if (!parsed) return undefined;
      const { rows } = await pool.query<{ body: HelpdeskRequest }>('SELECT body FROM requests WHERE reference = $1', [parsed.reference]);
      return rows[0]?.body;
    },

    updateStatus: (ref, status, note, by) => changeRequest(ref, statusChange(status, note, by)),
    changeRequest,

    listRequests: async (filter) => (await pageRequests(filter)).requests,
    pageRequests,
    summarizeRequests,
  };
}

/**
 * Stores a request as it is (its reference, status and history included), with the columns the
 * staff pages filter and erase by; false when its request key is already stored (a retry).
 */
export async function insertRequest(db: Queryable, request: HelpdeskRequest): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO requests (reference, kind, level, number, status, language, created_at, request_key, conversation_id, email, phone, body,
                           assignee, priority, first_reply_at, search, slot_start, slot_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (request_key) DO NOTHING`,
    [
      request.reference, request.kind, supportLevel(request), referenceCounter(request.reference), request.status, request.language,
      new Date(request.createdAt), request.requestKey ?? null, request.conversationId, request.contact.email?.toLowerCase() ?? null,
      request.kind === 'callback' ? request.contact.phone : null, JSON.stringify(request),
      request.assignee ?? null, request.priority ?? 'normal', request.firstReplyAt ? new Date(request.firstReplyAt) : null, searchTextOf(request),
      request.kind === 'callback' ? new Date(request.slot.start) : null, request.kind === 'callback' ? new Date(request.slot.end) : null,
    ],
  );
  return inserted.rowCount === 1;
}

/** The outbox on PostgreSQL: events are claimed with SKIP LOCKED and a lease, so two instances never take the same one. */
export function createPgOutbox(pool: Pool): RequestOutbox {
  return {
    async claim(at, limit, leaseMs) {
      const { rows } = await pool.query<{ event: RequestEvent; delivered: string[]; attempts: number }>(
        `WITH claimed AS (
           UPDATE request_events SET claimed_until = $2
           WHERE id IN (SELECT id FROM request_events
                        WHERE finished_at IS NULL AND next_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                        ORDER BY next_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING seq, next_at, event, delivered, attempts)
         SELECT event, delivered, attempts FROM claimed ORDER BY next_at, seq`,
        [at, new Date(at.getTime() + leaseMs), limit],
      );
      return rows.map((r) => ({ event: r.event, delivered: r.delivered, attempts: r.attempts }));
    },
    async delivered(id, subscriber) {
      await pool.query('UPDATE request_events SET delivered = array_append(delivered, $2) WHERE id = $1 AND NOT ($2 = ANY (delivered))', [id, subscriber]);
    },
    async retryLater(id, next, error) {
      await pool.query('UPDATE request_events SET attempts = attempts + 1, next_at = $2, claimed_until = NULL, last_error = $3 WHERE id = $1', [id, next, error.slice(0, 500)]);
    },
    async finish(id) {
      await pool.query('UPDATE request_events SET finished_at = now(), claimed_until = NULL WHERE id = $1', [id]);
    },
    async purgeFinished(cutoff) {
      return (await pool.query('DELETE FROM request_events WHERE finished_at < $1', [cutoff])).rowCount ?? 0;
    },
  };
}

/** Fills the search text of requests stored before migration 0012, a batch at a time; how many. */
export async function backfillRequestSearch(pool: Pool, batch = 500): Promise<number> {
  let filled = 0;
  for (;;) {
    const { rows } = await pool.query<{ body: HelpdeskRequest }>('SELECT body FROM requests WHERE search IS NULL LIMIT $1', [batch]);
    if (rows.length === 0) return filled;
    await pool.query(
      'UPDATE requests r SET search = v.search FROM unnest($1::text[], $2::text[]) AS v(reference, search) WHERE r.reference = v.reference',
      [rows.map((r) => r.body.reference), rows.map((r) => searchTextOf(r.body))],
    );
    filled += rows.length;
  }
}
