// Everything the bot stores, on one PostgreSQL database shared by every instance: the schema is
// migrated at start (instances starting together take turns), then the helpdesk store, the
// conversation state, the staff records and the rate-limit counters share one pool.
import pg from 'pg';
import type { HelpdeskStore } from '../helpdeskStore.js';
import type { KeyValueStore } from '../keyValueStore.js';
import type { StaffRecords } from '../staffRecords.js';
import { migrate } from './migrate.js';
import { createPgKeyValueStore } from './pgKeyValueStore.js';
import { createPgStaffRecords } from './pgStaffRecords.js';
import { backfillRequestSearch } from './pgRequestStore.js';
import { createPgStore, type PgStoreOptions } from './pgStore.js';
import { pgLimiters } from './pgRateLimits.js';
import type { LimiterFactory } from '../rateLimitStore.js';

export interface PgStorage {
  store: HelpdeskStore;
  state: KeyValueStore;
  staff: StaffRecords;
  /** rate-limit counters shared by every instance */
  limiters: LimiterFactory;
  /** migrations applied by this start */
  applied: string[];
  /** the database answers (for /healthz) */
  check(): Promise<{ ok: true } | { ok: false; problem: string }>;
  close(): Promise<void>;
  /** host and database, without credentials, for the logs */
  where: string;
}

/** Host, port and database of a postgres:// URL, without its credentials: for logs and messages. */
export function databaseWhere(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

export async function openPgStorage(url: string, options: PgStoreOptions & { poolSize?: number } = {}): Promise<PgStorage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its connection must not take the process down.
  pool.on('error', () => undefined);
  const applied = await migrate(pool);
  await backfillRequestSearch(pool);
  return {
    store: createPgStore(pool, options),
    state: createPgKeyValueStore(pool),
    staff: createPgStaffRecords(pool),
    limiters: pgLimiters(pool),
    applied,
    async check() {
      try {
        await pool.query('SELECT 1');
        return { ok: true };
      } catch (err) {
        return { ok: false, problem: `database unreachable (${err instanceof Error ? err.message : String(err)})` };
      }
    },
    close: () => pool.end(),
    where: `PostgreSQL ${databaseWhere(url)}`,
  };
}
