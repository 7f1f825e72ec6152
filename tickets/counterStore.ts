// Reference numbers, one sequence per level, persisted in DATA_DIR/counters.json. A number is on
// disk before it is handed out, so it is never given twice, even after a crash or a restart.
import { join } from 'node:path';
import { z } from 'zod';
import { createJsonFileCache } from './jsonFileCache.js';
import type { ReferenceLevel } from './reference.js';
import { checkedBy } from './schemas.js';

export interface CounterStore {
  /** The next number for `level` (1, 2, 3, …), already written to disk. */
  next(level: ReferenceLevel): Promise<number>;
}

interface Counters {
  L1: number;
  L2: number;
}

const countersSchema = z.object({ L1: z.int().min(0), L2: z.int().min(0) });

export function createCounterStore(dataDir: string): CounterStore {
  const file = join(dataDir, 'counters.json');
  const files = createJsonFileCache<Counters>({
    empty: () => ({ L1: 0, L2: 0 }),
    parse: checkedBy<Counters>(countersSchema),
    maxOpen: 1,
  });
  return {
    // Calls are queued on the file, so concurrent calls get distinct numbers. If the write fails
    // the number is not returned, and the next call reads the disk again.
    next: (level) => files.update(file, (counters) => {
      const key = level === 1 ? 'L1' : 'L2';
      counters[key] += 1;
      return { result: counters[key], changed: true };
    }),
  };
}
