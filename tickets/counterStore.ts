// Reference numbers, one sequence per level, kept in DATA_DIR/counters.json.
//
// What makes a number never given twice is the request itself: a reference is handed out only
// once its request line is fsynced (requestLog.ts), and at its first number each process raises
// the counters to the highest reference stored. So counters.json needs no fsync of its own (it
// was two of the three fsyncs of every ticket): a power cut can leave it behind or empty, and the
// stored references put it right. A number taken for a request that then failed to be written is
// skipped (a gap), never reused while the process lives.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { replaceFileAtomically } from './durableJsonFile.js';
import { moveAside } from './legacyFiles.js';
import type { ReferenceLevel } from './reference.js';

export interface CounterStore {
  /** The next number for `level` (1, 2, 3, …), written to counters.json. */
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
  let current: Promise<Counters> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** counters.json as found (moved aside when damaged), raised to the stored references. */
  async function load(): Promise<Counters> {
    let found: Counters = { L1: 0, L2: 0 };
    try {
      found = countersSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') {
        const movedTo = await moveAside(file);
        report(`counters.json was damaged and moved to ${movedTo} (${(err as Error).message.split('\n')[0]}); numbering goes on from the highest stored reference`);
      }
    }
    const floor = options.highestStored ? await options.highestStored() : { L1: 0, L2: 0 };
    for (const key of ['L1', 'L2'] as const) {
      if (found[key] < floor[key]) {
        report(`counters.json said ${key} ${found[key]} but references up to ${floor[key]} are stored: numbering goes on from ${floor[key]}`);
        found[key] = floor[key];
      }
    }
    return found;
  }

  return {
    // Calls are queued, so concurrent callers get distinct numbers. If the write fails the number
    // is not returned (and not reused: the counter in memory has moved on).
    next(level) {
      const run = queue.then(async () => {
        current ??= load();
        const counters = await current.catch((err: unknown) => {
          current = undefined;
          throw err;
        });
        const key = level === 1 ? 'L1' : 'L2';
        counters[key] += 1;
        await replaceFileAtomically(file, JSON.stringify(counters));
        return counters[key];
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
