// An append-only log of timestamped records in one file per month (`feedback/2026-11.json`).
import { join } from 'node:path';
import { z } from 'zod';
import { inRange, monthFiles, timeBounds } from './dataLayout.js';
import { createJsonFileCache } from './jsonFileCache.js';
import { checkedBy, parseInput } from './schemas.js';
import type { AtOptional, TimeRange } from './types.js';
import { isoWithOffset, monthKey } from './zonedTime.js';

export interface MonthlyLog<T extends { at: string }> {
  /** Appends the record (`at` defaults to now) and resolves once it is on disk. */
  append(input: AtOptional<T>): Promise<T>;
  /** Records in `range`, oldest first. */
  list(range?: TimeRange): Promise<T[]>;
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
  maxOpen?: number;
  /** told when a damaged month file is moved aside */
  report?: (line: string) => void;
}

export function createMonthlyLog<T extends { at: string }>(deps: MonthlyLogDeps<T>): MonthlyLog<T> {
  const { dir, timeZone, now, schema, what } = deps;
  const files = createJsonFileCache<{ records: T[] }>({
    empty: () => ({ records: [] }),
    parse: checkedBy(z.object({ records: z.array(schema) })),
    maxOpen: deps.maxOpen ?? 2,
    onDamaged: (file, movedTo, problem) => (deps.report ?? (() => undefined))(`${file} was damaged and moved to ${movedTo} (${problem}): new ${what} records are kept`),
  });

  return {
    async append(input) {
      const record = parseInput(schema, { ...input, at: input.at ?? isoWithOffset(now(), timeZone) }, what);
      const file = join(dir, `${monthKey(new Date(record.at), timeZone)}.json`);
      await files.update(file, (data) => {
        data.records.push(record);
        return { result: undefined, changed: true };
      });
      return structuredClone(record);
    },

    async purgeBefore(cutoff) {
      let removed = 0;
      for (const file of await monthFiles(dir, { to: cutoff })) {
        removed += await files.update(file, (data) => {
          const before = data.records.length;
          data.records = data.records.filter((r) => Date.parse(r.at) >= cutoff.getTime());
          return { result: before - data.records.length, changed: data.records.length !== before };
        });
        if ((await files.read(file, (data) => data.records.length)) === 0) await files.remove(file);
      }
      return removed;
    },

    async removeWhere(drop) {
      let removed = 0;
      for (const file of await monthFiles(dir)) {
        removed += await files.update(file, (data) => {
          const before = data.records.length;
          data.records = data.records.filter((r) => !drop(r));
          return { result: before - data.records.length, changed: data.records.length !== before };
        });
      }
      return removed;
    },

    async list(range = {}) {
      const bounds = timeBounds(range);
      const found: T[] = [];
      for (const file of await monthFiles(dir, range)) {
        found.push(...await files.read(file, (data) => structuredClone(data.records.filter((r) => inRange(r.at, bounds)))));
      }
      return found.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
  };
}
