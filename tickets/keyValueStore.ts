// A key-value store with the semantics of botbuilder's Storage (the bot wraps it to persist
// conversation state, so a restart mid-dialog resumes). One small file per key under
// DATA_DIR/state/<aa>/ (dataLayout.ts): a turn rewrites its own conversation's state and nothing
// else, so the cost of a turn does not grow with the number of conversations kept.
// Each turn rewrites its conversation's file in place (one write of the new state as the file's
// first line, then a truncate to its length), not by a new temp file and a rename: on this kind of
// disk that is 17 µs against 600 µs of the main thread's time, every turn (npm run bench:load).
// A process killed between the two calls leaves the new state followed by the old one's tail:
// only the first line is read. Not fsynced: a killed process loses nothing; a power cut can at
// worst restart a conversation (its torn file is moved aside), never lose a ticket.
// When the disk refuses a write (full, read-only), the state stays in memory and the conversation
// goes on: the customer's form is not forgotten because the disk is full. It reaches the disk at
// the conversation's next write that succeeds; a restart before that starts it afresh.
import { randomUUID } from 'node:crypto';
import { closeSync, constants, ftruncateSync, open as openCallback, writeSync } from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { z } from 'zod';
import { legacyBucketFiles, stateFile, stateFiles } from './dataLayout.js';
import { createKeyedQueue } from './keyedQueue.js';
import { moveAside } from './legacyFiles.js';
import { dropOver, use } from './recentlyUsed.js';
import { eTagOf, setOwn, withETag, withoutETag } from './storedValues.js';

export interface KeyValueStore {
  /** The values stored under `keys`; keys with no value are left out. Objects come back with their `eTag`. */
  read(keys: string[]): Promise<Record<string, unknown>>;
  /**
   * Stores each value with a new eTag. An object whose `eTag` is set, is not '*', and differs from
   * the stored one was read before someone else's write: the write is refused (ETagConflictError).
   * Keys are checked and written one by one: a conflict leaves the keys before it written.
   */
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Removes the items `drop` says (the retention purge, an erasure); how many. */
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

const itemFileSchema = z.object({ key: z.string(), value: z.unknown(), eTag: z.string(), updatedAt: z.string() });
const legacyBucketSchema = z.object({ items: z.record(z.string(), z.object({ value: z.unknown(), eTag: z.string(), updatedAt: z.string() })) });

export interface KeyValueStoreOptions {
  dataDir: string;
  /** items kept in memory, most recently used (default 2,000) */
  cached?: number;
  /** told when a damaged state file is moved aside, and when states cannot be written (once per spell) */
  report?: (line: string) => void;
}

export function createLowdbKeyValueStore({ dataDir, cached = 2000, report = () => undefined }: KeyValueStoreOptions): KeyValueStore {
  // What this process knows of each key: its item, or null for none. One process per DATA_DIR.
  const memory = new Map<string, Item | null>();
  const queue = createKeyedQueue();
  // Keys whose latest state is only in memory: never evicted until written.
  const unsaved = new Set<string>();
  let ready: Promise<void> | undefined;

  /** The 256 shared buckets of earlier versions become one file per key, once. */
  const migrated = () => (ready ??= (async () => {
    for (const bucket of await legacyBucketFiles(dataDir)) {
      let items: Record<string, Item>;
      try {
        items = legacyBucketSchema.parse(JSON.parse(await readFile(bucket, 'utf8'))).items as Record<string, Item>;
      } catch (err) {
        const movedTo = await moveAside(bucket);
        report(`${bucket} was damaged and moved to ${movedTo} (a file of an earlier version: ${(err as Error).message.split('\n')[0]}): the conversations in it start afresh`);
        continue;
      }
      for (const [key, item] of Object.entries(items)) {
        if ((await load(key)) === null) await save(key, item);
      }
      await unlink(bucket);
    }
  })());

  const serially = <R>(key: string, job: () => Promise<R>) => queue.run(key, job);

  function remember(key: string, item: Item | null): void {
    use(memory, key, item);
    dropOver(memory, cached + unsaved.size, { keep: (old) => unsaved.has(old) });
  }

  async function load(key: string): Promise<Item | null> {
    if (memory.has(key)) return memory.get(key)!;
    const file = stateFile(dataDir, key);
    let item: Item | null = null;
    try {
      const parsed = parseStateFile(await readFile(file, 'utf8'));
      // The file name is a hash of the key; the key inside rules out a collision.
      if (parsed.key === key) item = { value: parsed.value, eTag: parsed.eTag, updatedAt: parsed.updatedAt };
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ENOENT') {
        // A damaged file loses this conversation's state (it starts afresh), not every turn of it.
        const movedTo = await moveAside(file).catch(() => '(could not be moved)');
        report(`${file} was damaged and moved to ${movedTo} (${(err as Error).message.split('\n')[0]}): the conversation starts afresh`);
      }
    }
    remember(key, item);
    return item;
  }

  async function save(key: string, item: Item): Promise<void> {
    try {
      await overwrite(stateFile(dataDir, key), `${JSON.stringify({ key, ...item })}\n`);
      unsaved.delete(key);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !DISK_REFUSED.has(code)) throw err;
      if (unsaved.size === 0) report(`conversation state cannot be written (${code}): kept in memory until the disk takes it again`);
      unsaved.add(key);
    }
    remember(key, item);
  }

  async function forget(key: string): Promise<boolean> {
    const had = (await load(key)) !== null;
    await unlink(stateFile(dataDir, key)).catch((err: { code?: string }) => {
      if (err.code !== 'ENOENT') throw err;
    });
    unsaved.delete(key);
    remember(key, null);
    return had;
  }

  return {
    async read(keys) {
      await migrated();
      const result: Record<string, unknown> = {};
      await Promise.all(keys.map((key) => serially(key, async () => {
        const item = await load(key);
        if (item) setOwn(result, key, withETag(structuredClone(item.value), item.eTag));
      })));
      return result;
    },

    async write(changes) {
      await migrated();
      for (const [key, value] of Object.entries(changes)) {
        await serially(key, async () => {
          const expected = eTagOf(value);
          const stored = await load(key);
          if (stored && expected !== undefined && expected !== '*' && expected !== stored.eTag) throw new ETagConflictError(key);
          await save(key, { value: withoutETag(value), eTag: randomUUID(), updatedAt: new Date().toISOString() });
        });
      }
    },

    async removeWhere(drop) {
      await migrated();
      let removed = 0;
      for (const file of await stateFiles(dataDir)) {
        let parsed: z.infer<typeof itemFileSchema>;
        try {
          parsed = parseStateFile(await readFile(file, 'utf8'));
        } catch {
          continue; // gone since the listing, or damaged: the next read of its key deals with it
        }
        if (drop({ key: parsed.key, value: parsed.value, updatedAt: parsed.updatedAt })) {
          if (await serially(parsed.key, () => forget(parsed.key))) removed++;
        }
      }
      return removed;
    },

    async delete(keys) {
      await migrated();
      await Promise.all(keys.map((key) => serially(key, () => forget(key))));
    },
  };
}

const openAsync = promisify(openCallback);

/** A state file's item: its first line (what follows it is the tail of a longer, older state). */
function parseStateFile(text: string): z.infer<typeof itemFileSchema> {
  const end = text.indexOf('\n');
  return itemFileSchema.parse(JSON.parse(end < 0 ? text : text.slice(0, end)));
}

/**
 * Writes `text` over the file's start and cuts the file to its length (creating file and folder).
 * The open runs on the thread pool (creating a file costs far more than writing it); the write
 * and the truncate are two short synchronous calls.
 */
async function overwrite(file: string, text: string): Promise<void> {
  let fd: number;
  try {
    fd = await openAsync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    fd = await openAsync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  }
  try {
    const buffer = Buffer.from(text, 'utf8');
    for (let written = 0; written < buffer.length;) written += writeSync(fd, buffer, written, buffer.length - written, written);
    ftruncateSync(fd, buffer.length);
  } finally {
    closeSync(fd);
  }
}

/** Errors of a disk that refuses writes (full, over quota, read-only), not of a bad key or value. */
const DISK_REFUSED = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);
