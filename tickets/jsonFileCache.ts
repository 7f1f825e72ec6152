// Open lowdb files, kept in a small least-recently-used cache. Every operation on a file runs
// after the previous one on that file has finished, so a read-change-write never interleaves
// with another and an update resolves only once its data is on disk.
import { rename, unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DataFileError, DurableJsonFile } from './durableJsonFile.js';

export interface JsonFileCache<T> {
  /** Runs `fn` on the file's data (the defaults if the file does not exist) without writing. */
  read<R>(file: string, fn: (data: Readonly<T>) => R): Promise<R>;
  /** Runs `fn` and, if it says it changed the data, writes the file before resolving. */
  update<R>(file: string, fn: (data: T) => { result: R; changed: boolean }): Promise<R>;
  /** Deletes the file (after the operations already queued on it); nothing happens if it is absent. */
  remove(file: string): Promise<void>;
}

export interface JsonFileCacheOptions<T> {
  empty: () => T;
  parse?: (value: unknown) => T;
  /** files kept open at most (default 16) */
  maxOpen?: number;
  /**
   * A damaged file (not JSON, unexpected content) is moved aside to `<file>.damaged-<time>` and this
   * is told, and the file starts empty: one bad file does not block the rest. Without it, a damaged
   * file is refused (DataFileError) and left as it is.
   */
  onDamaged?: (file: string, movedTo: string, problem: string) => void;
}

export function createJsonFileCache<T>(options: JsonFileCacheOptions<T>): JsonFileCache<T> {
  const maxOpen = options.maxOpen ?? 16;
  const open = new Map<string, Low<T>>();
  const queues = new Map<string, Promise<unknown>>();

  async function load(file: string): Promise<Low<T>> {
    const cached = open.get(file);
    if (cached) {
      // Map order is insertion order: re-inserting marks the file as recently used.
      open.delete(file);
      open.set(file, cached);
      return cached;
    }
    const db = new Low<T>(new DurableJsonFile<T>(file, { parse: options.parse }), options.empty());
    try {
      await db.read(); // a DataFileError here leaves nothing cached, so the file is never overwritten
    } catch (err) {
      if (!(err instanceof DataFileError) || !options.onDamaged) throw err;
      const movedTo = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, movedTo);
      options.onDamaged(file, movedTo, err.message);
      db.data = options.empty();
    }
    open.set(file, db);
    return db;
  }

  function closeIdle(): void {
    for (const file of open.keys()) {
      if (open.size <= maxOpen) return;
      if (!queues.has(file)) open.delete(file);
    }
  }

  function serially<R>(file: string, job: () => Promise<R>): Promise<R> {
    const run = (queues.get(file) ?? Promise.resolve()).then(job);
    const settled = run.then(() => undefined, () => undefined);
    queues.set(file, settled);
    void settled.then(() => {
      if (queues.get(file) === settled) queues.delete(file);
      closeIdle();
    });
    return run;
  }

  return {
    remove: (file) => serially(file, async () => {
      open.delete(file);
      await unlink(file).catch((err: { code?: string }) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }),
    read: (file, fn) => serially(file, async () => fn((await load(file)).data)),
    update: (file, fn) => serially(file, async () => {
      const db = await load(file);
      try {
        const { result, changed } = fn(db.data);
        if (changed) await db.write();
        return result;
      } catch (err) {
        // The data in memory may now differ from the file: forget it, the next use reads the disk.
        open.delete(file);
        throw err;
      }
    }),
  };
}
