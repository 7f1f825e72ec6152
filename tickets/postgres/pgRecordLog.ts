// The records beside requests (feedback, unanswered questions, answers shown, refused lookups,
// knowledge-base edits) on PostgreSQL: one table, one kind per log, the same interface and
// validation as the embedded month files (monthlyLog.ts).
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { MonthlyLog } from '../monthlyLog.js';
import { parseInput } from '../schemas.js';
import { isoWithOffset } from '../zonedTime.js';
import { sqlRange } from './sqlTime.js';

export type RecordKind = 'feedback' | 'unanswered' | 'answer-shown' | 'lookup-failure' | 'kb-edit';

export interface PgRecordLogDeps<T> {
  pool: Pool;
  kind: RecordKind;
  timeZone: string;
  now: () => Date;
  schema: z.ZodType<T>;
  /** names the record in error messages */
  what: string;
}

/** Rows read at a time when a predicate decides (an erasure): never the whole table at once. */
const BATCH = 1000;

export function createPgRecordLog<T extends { at: string; conversationId?: string }>({ pool, kind, timeZone, now, schema, what }: PgRecordLogDeps<T>): MonthlyLog<T> {
  return {
    async append(input) {
      const record = parseInput(schema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, what);
      await pool.query('INSERT INTO records (kind, at, conversation_id, body) VALUES ($1, $2, $3, $4)', [kind, new Date(record.at), record.conversationId ?? null, JSON.stringify(record)]);
      return structuredClone(record);
    },

    async list(range = {}) {
      const { rows } = await pool.query<{ body: T }>('SELECT body FROM records WHERE kind = $1 AND at >= $2 AND at < $3 ORDER BY at, id', [kind, ...sqlRange(range)]);
      return rows.map((r) => r.body);
    },

    async version(range = {}) {
      // Rows are only added (ids grow) or removed: their count and highest id tell both.
      const { rows } = await pool.query<{ v: string }>(`SELECT count(*) || ':' || coalesce(max(id), 0) AS v FROM records WHERE kind = $1 AND at >= $2 AND at < $3`, [kind, ...sqlRange(range)]);
      return rows[0]!.v;
    },

    async purgeBefore(cutoff) {
      return (await pool.query('DELETE FROM records WHERE kind = $1 AND at < $2', [kind, cutoff])).rowCount ?? 0;
    },

    async removeWhere(drop) {
      let removed = 0;
      let after = 0;
      for (;;) {
        const { rows } = await pool.query<{ id: string; body: T }>('SELECT id, body FROM records WHERE kind = $1 AND id > $2 ORDER BY id LIMIT $3', [kind, after, BATCH]);
        if (rows.length === 0) return removed;
        const doomed = rows.filter((r) => drop(r.body)).map((r) => r.id);
        if (doomed.length > 0) removed += (await pool.query('DELETE FROM records WHERE id = ANY($1::bigint[])', [doomed])).rowCount ?? 0;
        after = Number(rows[rows.length - 1]!.id);
      }
    },
  };
}
