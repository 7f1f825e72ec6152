// Reference numbers, one sequence per level, persisted in DATA_DIR/counters.json. A number is on
// disk before it is handed out, so it is never given twice, even after a crash or a restart. If the
// file is missing or damaged, numbering goes on from the highest reference stored, never from 1.
import { join } from 'node:path';
import { z } from 'zod';
import { createJsonFileCache } from './jsonFileCache.js';
import type { ReferenceLevel } from './reference.js';
import { checkedBy } from './schemas.js';

export interface CounterStore {
  /** The next number for `level` (1, 2, 3, …), already written to disk. */
  next(level: ReferenceLevel): Promise<number>;
}

export interface Counters {
  L1: number;
  L2: number;
}

export interface CounterOptions {
  /** the highest numbers among the stored references, read once, before the first number */
  highestStored?: () => Promise<Counters>;
  /** told when counters.json was damaged (moved aside) or behind the stored references */
  report?: (line: string) => void;
}

const countersSchema = z.object({ L1: z.int().min(0), L2: z.int().min(0) });

export function createCounterStore(dataDir: string, options: CounterOptions = {}): CounterStore {
  const file = join(dataDir, 'counters.json');
  const report = options.report ?? (() => undefined);
  const files = createJsonFileCache<Counters>({
    empty: () => ({ L1: 0, L2: 0 }),
    parse: checkedBy<Counters>(countersSchema),
    maxOpen: 1,
    onDamaged: (_file, movedTo, problem) => report(`counters.json was damaged and moved to ${movedTo} (${problem}); numbering goes on from the highest stored reference`),
  });
  let checked: Promise<Counters> | undefined;
  return {
    // Calls are queued on the file, so concurrent calls get distinct numbers. If the write fails
    // the number is not returned, and the next call reads the disk again.
    async next(level) {
      // Once per process: a counter file that is missing, damaged or restored from an old backup is
      // raised to the highest reference stored.
      checked ??= options.highestStored ? options.highestStored() : Promise.resolve({ L1: 0, L2: 0 });
      const floor = await checked.catch((err: unknown) => {
        checked = undefined;
        throw err;
      });
      return files.update(file, (counters) => {
        for (const key of ['L1', 'L2'] as const) {
          if (counters[key] < floor[key]) {
            report(`counters.json said ${key} ${counters[key]} but references up to ${floor[key]} are stored: numbering goes on from ${floor[key]}`);
            counters[key] = floor[key];
          }
        }
        const key = level === 1 ? 'L1' : 'L2';
        counters[key] += 1;
        return { result: counters[key], changed: true };
      });
    },
  };
}
