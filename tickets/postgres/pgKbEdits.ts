// Knowledge base edits on PostgreSQL: rows of the records table (kind 'kb-edit'), kept one at a
// time across instances (a transaction-scoped advisory lock), and announced to every instance with
// NOTIFY, which PostgreSQL delivers when the transaction commits.
import type { Pool, PoolClient } from 'pg';
import { createListeners, type KbEditLog } from '../kbEditLog.js';
import { kbEditSchema, parseInput } from '../schemas.js';
import type { KbEdit } from '../types.js';
import { isoWithOffset } from '../zonedTime.js';
import { sqlRange } from './sqlTime.js';
import { inTransaction } from './transaction.js';

const CHANNEL = 'kb_edits';
/** The advisory lock's key: any constant of our own ("kbedits" in ASCII). */
const LOCK = 0x6b6265646974_73n.toString();
/** Waits before listening again after the connection was lost: 1 s, doubling up to 30 s. */
const RETRY_MS = { first: 1000, max: 30_000 };

export interface PgKbEditsDeps {
  pool: Pool;
  timeZone: string;
  now: () => Date;
  /** told when the listening connection is lost (it is opened again) */
  report?: (line: string) => void;
}

export function createPgKbEdits({ pool, timeZone, now, report = () => undefined }: PgKbEditsDeps): KbEditLog {
  const listeners = createListeners();
  // One connection of the pool listens while anyone subscribes; it is closed, not returned to
  // the pool, when no one does (a pooled connection would go on listening for whoever borrows it).
  let client: PoolClient | undefined;
  let connecting = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = RETRY_MS.first;
  /** a connection was lost: an edit may have been kept while no one listened */
  let missed = false;

  async function listen(): Promise<void> {
    retry = undefined;
    connecting = true;
    let c: PoolClient | undefined;
    try {
      c = await pool.connect();
      const held = c;
      held.on('notification', (n) => {
        if (n.channel === CHANNEL) listeners.call();
      });
      held.on('error', (err) => lost(held, err));
      await held.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      connecting = false;
      c?.release(true);
      schedule(err as Error);
      return;
    }
    connecting = false;
    if (listeners.size === 0) {
      c.release(true);
      return;
    }
    client = c;
    delay = RETRY_MS.first;
    if (missed) {
      missed = false;
      listeners.call();
    }
  }

  function lost(c: PoolClient, err: Error): void {
    if (client !== c) return;
    client = undefined;
    c.release(true);
    missed = true;
    schedule(err);
  }

  function schedule(err: Error): void {
    if (listeners.size === 0 || retry) return;
    report(`knowledge edits: cannot hear other instances' edits (${err.message}); listening again in ${Math.round(delay / 1000)} s`);
    retry = setTimeout(() => void listen(), delay);
    retry.unref();
    delay = Math.min(delay * 2, RETRY_MS.max);
  }

  return {
    async append(input, after) {
      const edit = parseInput(kbEditSchema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, 'knowledge base edit');
      return inTransaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOCK]);
        // Named apart from the column: ORDER BY a name that is also an output column sorts by the
        // output (the edit's uuid), not by the order the rows were kept in.
        const { rows } = await c.query<{ edit_id: string }>(`SELECT body->>'id' AS edit_id FROM records WHERE kind = 'kb-edit' ORDER BY records.id DESC LIMIT 1`);
        // Nothing written yet: the transaction commits empty.
        if ((rows[0]?.edit_id ?? null) !== after) return 'conflict' as const;
        await c.query(`INSERT INTO records (kind, at, conversation_id, body) VALUES ('kb-edit', $1, NULL, $2)`, [new Date(edit.at), JSON.stringify(edit)]);
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, edit.id]);
        return structuredClone(edit);
      });
    },

    async list(range = {}) {
      // In the order they were kept (the chain's order), whatever the instances' clocks said.
      const { rows } = await pool.query<{ body: KbEdit }>(`SELECT body FROM records WHERE kind = 'kb-edit' AND at >= $1 AND at < $2 ORDER BY id`, sqlRange(range));
      return rows.map((r) => r.body);
    },

    subscribe(listener) {
      const unsubscribe = listeners.add(listener);
      if (!client && !connecting && !retry) void listen();
      return () => {
        unsubscribe();
        if (listeners.size > 0) return;
        clearTimeout(retry);
        retry = undefined;
        client?.release(true);
        client = undefined;
      };
    },
  };
}
