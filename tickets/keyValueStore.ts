// A key-value store with the semantics of botbuilder's Storage (the bot wraps it to persist
// conversation state, so a restart mid-dialog resumes). Keys are spread over 256 bucket files
// under DATA_DIR/state/ so no single file holds every conversation.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bucketFiles, stateFile } from './dataLayout.js';
import { createJsonFileCache } from './jsonFileCache.js';
import { checkedBy } from './schemas.js';

export interface KeyValueStore {
  /** The values stored under `keys`; keys with no value are left out. Objects come back with their `eTag`. */
  read(keys: string[]): Promise<Record<string, unknown>>;
  /**
   * Stores each value with a new eTag. An object whose `eTag` is set, is not '*', and differs from
   * the stored one was read before someone else's write: the write is refused (ETagConflictError).
   * Keys are checked and written bucket by bucket: a conflict leaves other buckets' keys written.
   */
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Removes the items last written before `cutoff`, or those `drop` says; how many. */
  removeWhere(drop: (item: { key: string; value: unknown; updatedAt: string }) => boolean): Promise<number>;
}

export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

interface Item {
  value: unknown;
  eTag: string;
  updatedAt: string;
}

interface Bucket {
  items: Record<string, Item>;
}

const bucketSchema = z.object({
  items: z.record(z.string(), z.object({ value: z.unknown(), eTag: z.string(), updatedAt: z.string() })),
});

export function createLowdbKeyValueStore({ dataDir, maxOpen = 64, report = () => undefined }: { dataDir: string; maxOpen?: number; report?: (line: string) => void }): KeyValueStore {
  const files = createJsonFileCache<Bucket>({
    empty: () => ({ items: {} }),
    parse: checkedBy<Bucket>(bucketSchema),
    maxOpen,
    // A damaged bucket loses the conversations in it (they start afresh), not every turn of them.
    onDamaged: (file, movedTo, problem) => report(`${file} was damaged and moved to ${movedTo} (${problem}): the conversations in it start afresh`),
  });

  function byBucket<V>(entries: Array<[string, V]>): Map<string, Array<[string, V]>> {
    const buckets = new Map<string, Array<[string, V]>>();
    for (const entry of entries) {
      const file = stateFile(dataDir, entry[0]);
      buckets.set(file, [...(buckets.get(file) ?? []), entry]);
    }
    return buckets;
  }

  return {
    async read(keys) {
      const result: Record<string, unknown> = {};
      await Promise.all([...byBucket(keys.map((key) => [key, null]))].map(([file, entries]) =>
        files.read(file, ({ items }) => {
          for (const [key] of entries) {
            const item = Object.hasOwn(items, key) ? items[key] : undefined;
            if (item) setOwn(result, key, withETag(structuredClone(item.value), item.eTag));
          }
        })));
      return result;
    },

    async write(changes) {
      await Promise.all([...byBucket(Object.entries(changes))].map(([file, entries]) =>
        files.update(file, ({ items }) => {
          // Check every key of the bucket before changing any of them.
          for (const [key, value] of entries) {
            const expected = eTagOf(value);
            const stored = Object.hasOwn(items, key) ? items[key] : undefined;
            if (stored && expected !== undefined && expected !== '*' && expected !== stored.eTag) throw new ETagConflictError(key);
          }
          const updatedAt = new Date().toISOString();
          for (const [key, value] of entries) setOwn(items, key, { value: withoutETag(value), eTag: randomUUID(), updatedAt });
          return { result: undefined, changed: true };
        })));
    },

    async removeWhere(drop) {
      let removed = 0;
      for (const file of await bucketFiles(dataDir)) {
        removed += await files.update(file, ({ items }) => {
          const gone = Object.entries(items).filter(([key, item]) => drop({ key, value: item.value, updatedAt: item.updatedAt })).map(([key]) => key);
          for (const key of gone) delete items[key];
          return { result: gone.length, changed: gone.length > 0 };
        });
      }
      return removed;
    },

    async delete(keys) {
      await Promise.all([...byBucket(keys.map((key) => [key, null]))].map(([file, entries]) =>
        files.update(file, ({ items }) => {
          const present = entries.filter(([key]) => Object.hasOwn(items, key));
          for (const [key] of present) delete items[key];
          return { result: undefined, changed: present.length > 0 };
        })));
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function eTagOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.eTag === 'string' ? value.eTag : undefined;
}

/** The JSON round trip of the value, minus its eTag (kept beside it). */
function withoutETag(value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
  if (isPlainObject(copy)) delete copy.eTag;
  return copy;
}

function withETag(value: unknown, eTag: string): unknown {
  return isPlainObject(value) ? { ...value, eTag } : value;
}

// Keys come from channels (conversation ids): a key such as "__proto__" must stay a plain key.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
