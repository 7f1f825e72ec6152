// Conversation state on PostgreSQL, with the semantics of the embedded store (keyValueStore.ts) and
// of botbuilder's Storage: a write whose eTag is stale is refused by the UPDATE's own condition, so
// two instances writing the same conversation never overwrite each other (the community PostgreSQL
// storage packages skip this check).
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ETagConflictError, type KeyValueStore } from '../keyValueStore.js';
import { eTagOf, setOwn, withETag, withoutETag } from '../storedValues.js';

/** Rows read at a time by removeWhere: the purge walks every conversation without holding them all. */
const BATCH = 500;

export function createPgKeyValueStore(pool: Pool): KeyValueStore {
  return {
    async read(keys) {
      const result: Record<string, unknown> = {};
      if (keys.length === 0) return result;
      const { rows } = await pool.query<{ key: string; value: unknown; etag: string }>('SELECT key, value, etag FROM conversation_state WHERE key = ANY($1)', [keys]);
      for (const row of rows) setOwn(result, row.key, withETag(row.value, row.etag));
      return result;
    },

    async write(changes) {
      for (const key of Object.keys(changes)) {
        const value = changes[key];
        const expected = eTagOf(value);
        const stored = JSON.stringify(withoutETag(value));
        const eTag = randomUUID();
        if (expected === undefined || expected === '*') {
          await pool.query(
            `INSERT INTO conversation_state (key, value, etag) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = now()`,
            [key, stored, eTag],
          );
          continue;
        }
        const updated = await pool.query('UPDATE conversation_state SET value = $2, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4', [key, stored, eTag, expected]);
        if (updated.rowCount === 1) continue;
        // No row with that eTag: a key never written takes the value (as botbuilder's storages do),
        // a key written by someone else since the read is a conflict.
        const inserted = await pool.query('INSERT INTO conversation_state (key, value, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, stored, eTag]);
        if (inserted.rowCount !== 1) throw new ETagConflictError(key);
      }
    },

    async delete(keys) {
      if (keys.length > 0) await pool.query('DELETE FROM conversation_state WHERE key = ANY($1)', [keys]);
    },

    async removeWhere(drop) {
      let removed = 0;
      let after = '';
      for (;;) {
        const { rows } = await pool.query<{ key: string; value: unknown; updated_at: Date }>(
          'SELECT key, value, updated_at FROM conversation_state WHERE key > $1 ORDER BY key LIMIT $2',
          [after, BATCH],
        );
        if (rows.length === 0) return removed;
        const doomed = rows.filter((r) => drop({ key: r.key, value: r.value, updatedAt: r.updated_at.toISOString() })).map((r) => r.key);
        if (doomed.length > 0) removed += (await pool.query('DELETE FROM conversation_state WHERE key = ANY($1)', [doomed])).rowCount ?? 0;
        after = rows[rows.length - 1]!.key;
      }
    },
  };
}
