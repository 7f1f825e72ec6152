// Tickets and callback requests on PostgreSQL, with the semantics of the embedded request log
// (requestLog.ts): the same validation, references, dates and status history, shared by every
// instance. A reference is only returned once its row is committed.
import type { Pool } from 'pg';
import type { HelpdeskStore } from '../helpdeskStore.js';
import { formatReference, parseReference, referenceCounter, supportLevel } from '../reference.js';
import { newCallbackSchema, newTicketSchema, parseInput, requestStatusSchema } from '../schemas.js';
import type { CallbackRequest, HelpdeskRequest, RequestFilter, StatusChange, Ticket } from '../types.js';
import { isoWithOffset } from '../zonedTime.js';
import { sqlRange } from './sqlTime.js';

export type RequestStore = Pick<HelpdeskStore, 'createTicket' | 'createCallback' | 'findByReference' | 'updateStatus' | 'listRequests' | 'pageRequests'>;

export interface PgRequestStoreOptions {
  timeZone: string;
  now?: () => Date;
}

type Assigned = Pick<HelpdeskRequest, 'reference' | 'createdAt' | 'status' | 'statusHistory'>;

export function createPgRequestStore(pool: Pool, { timeZone, now = () => new Date() }: PgRequestStoreOptions): RequestStore {
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
    if (await insertRequest(pool, request)) return request;
    // Another instance took the same retried activity first: its request is the one.
    return (await byKey(key!)) as R;
  }

  async function byKey(key: string): Promise<HelpdeskRequest | undefined> {
    const { rows } = await pool.query<{ body: HelpdeskRequest }>('SELECT body FROM requests WHERE request_key = $1', [key]);
    return rows[0]?.body;
  }

  async function pageRequests(filter: RequestFilter = {}, page: { offset?: number; limit?: number } = {}) {
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
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const offset = page.offset ?? 0;
    const { rows } = await pool.query<{ body: HelpdeskRequest }>(
      `SELECT body FROM requests ${condition} ORDER BY created_at DESC, number DESC OFFSET ${Math.max(0, Math.floor(offset))}` +
        (page.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(page.limit))}`),
      params,
    );
    const counted = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM requests ${condition}`, params);
    return { requests: rows.map((r) => r.body), total: Number(counted.rows[0]!.n) };
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

    async updateStatus(ref, status, note, by) {
      const parsed = parseReference(ref);
      if (!parsed) return undefined;
      const change: StatusChange = { status: parseInput(requestStatusSchema, status, 'status'), at: isoWithOffset(now(), timeZone) };
      if (note !== undefined) change.note = note;
      if (by !== undefined) change.by = by;
      // One statement: two staff members changing the same request both land in its history.
      const { rows } = await pool.query<{ body: HelpdeskRequest }>(
        `UPDATE requests SET status = $2,
           body = jsonb_set(jsonb_set(body, '{status}', to_jsonb($2::text)), '{statusHistory}', (body -> 'statusHistory') || jsonb_build_array($3::jsonb))
         WHERE reference = $1 RETURNING body`,
        [parsed.reference, change.status, JSON.stringify(change)],
      );
      return rows[0]?.body;
    },

    listRequests: async (filter) => (await pageRequests(filter)).requests,
    pageRequests,
  };
}

/**
 * Stores a request as it is (its reference, status and history included), with the columns the
 * staff pages filter and erase by; false when its request key is already stored (a retry).
 */
export async function insertRequest(pool: Pool, request: HelpdeskRequest): Promise<boolean> {
  const inserted = await pool.query(
    `INSERT INTO requests (reference, kind, level, number, status, language, created_at, request_key, conversation_id, email, phone, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (request_key) DO NOTHING`,
    [
      request.reference, request.kind, supportLevel(request), referenceCounter(request.reference), request.status, request.language,
      new Date(request.createdAt), request.requestKey ?? null, request.conversationId, request.contact.email?.toLowerCase() ?? null,
      request.kind === 'callback' ? request.contact.phone : null, JSON.stringify(request),
    ],
  );
  return inserted.rowCount === 1;
}
