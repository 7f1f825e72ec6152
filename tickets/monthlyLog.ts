// An append-only log of timestamped records in one JSON Lines file per month
// (`feedback/2026-11.jsonl`): appending costs the same at 100k records as at 0.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { inRange, legacyMonthFiles, monthFiles, timeBounds } from './dataLayout.js';
import { createJsonLines } from './jsonLines.js';
import { migrateToLines } from './legacyFiles.js';
import { checkedBy, parseInput } from './schemas.js';
import type { AtOptional, TimeRange } from './types.js';
import { isoWithOffset, monthKey } from './zonedTime.js';

export interface MonthlyLog<T extends { at: string }> {
  /** Appends the record (`at` defaults to now) and resolves once it is written. */
  append(input: AtOptional<T>): Promise<T>;
  /** Records in `range`, oldest first. */
  list(range?: TimeRange): Promise<T[]>;
  /** A token that changes whenever a record in `range` is added or removed: cheaper than `list`. */
  version(range?: TimeRange): Promise<string>;
  /** Removes the records older than `cutoff` (whole month files when they hold nothing newer); how many. */
  purgeBefore(cutoff: Date): Promise<number>;
  /** Removes the records `drop` says; how many. */
  removeWhere(drop: (record: T) => boolean): Promise<number>;
}

export interface MonthlyLogDeps<T> {
  dir: string;
  timeZone: string;
  now: () => Date;
  schema: z.ZodType<T>;
  /** names the record in error messages */
  what: string;
  /** synced to disk before append resolves (requests' neighbours: security and audit records) */
  durable?: boolean;
  /** month files kept in memory (default 3: this month, the last, one more) */
  cached?: number;
  /** told when an unreadable line is skipped or an old file moved aside */
  report?: (line: string) => void;
}

export function createMonthlyLog<T extends { at: string }>(deps: MonthlyLogDeps<T>): MonthlyLog<T> {
  const { dir, timeZone, now, schema, what } = deps;
  const report = deps.report ?? (() => undefined);
  const lines = createJsonLines<T>({
    parse: checkedBy<T>(schema, what),
    durable: deps.durable ?? false,
    report,
    cached: deps.cached ?? 3,
  });
  const legacy = z.object({ records: z.array(schema) });
  // Month files of an earlier version become JSON Lines before anything is read or written.
  let ready: Promise<void> | undefined;
  const migrated = () => (ready ??= (async () => {
    for (const file of await legacyMonthFiles(dir)) {
      await migrateToLines(file, `${file}l`, lines, (value) => legacy.parse(value).records as T[], report);
    }
  })());

  return {
    async append(input) {
      await migrated();
      const record = parseInput(schema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, what);
      await lines.append(join(dir, `${monthKey(new Date(record.at), timeZone)}.jsonl`), [record]);
      return structuredClone(record);
    },

    async purgeBefore(cutoff) {
      await migrated();
      let removed = 0;
      for (const file of await monthFiles(dir, { to: cutoff })) {
        const records = await lines.read(file);
        const kept = records.filter((r) => Date.parse(r.at) >= cutoff.getTime());
        if (kept.length !== records.length) await lines.rewrite(file, kept);
        removed += records.length - kept.length;
      }
      return removed;
    },

    async removeWhere(drop) {
      await migrated();
      let removed = 0;
      for (const file of await monthFiles(dir)) {
        const records = await lines.read(file);
        const kept = records.filter((r) => !drop(r));
        if (kept.length !== records.length) await lines.rewrite(file, kept);
        removed += records.length - kept.length;
      }
      return removed;
    },

    async version(range = {}) {
      // The month files are read from memory: hashing what is in range costs a millisecond for thousands.
      await migrated();
      const bounds = timeBounds(range);
      const hash = createHash('sha1');
      let count = 0;
      for (const file of await monthFiles(dir, range)) {
        for (const r of await lines.read(file)) {
          if (!inRange(r.at, bounds)) continue;
          count++;
          hash.update(JSON.stringify(r));
        }
      }
      return `${count}:${hash.digest('hex')}`;
    },

    async list(range = {}) {
      await migrated();
      const bounds = timeBounds(range);
      const found: T[] = [];
      for (const file of await monthFiles(dir, range)) {
        for (const r of await lines.read(file)) if (inRange(r.at, bounds)) found.push(structuredClone(r));
      }
      return found.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
  };
}
