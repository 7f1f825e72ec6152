// Files that only grow, as JSON Lines: one record per line, appended. A write costs the same
// whatever the file holds (lowdb rewrote the whole file each time, so costs grew with the data).
//
// A crash can at worst leave the last line cut short: such a line is skipped when read and
// reported with its file and line, the next append starts on a fresh line, and the rest of the
// file keeps working. `durable` files (requests, security records) are fsynced before an append
// resolves; analytics and transcripts are not (a killed process loses nothing the kernel has;
// only a power cut can lose their last lines).
//
// Appends are synchronous writes to a file kept open: a line of a few hundred bytes lands in the
// page cache in microseconds, less than a thread-pool round trip of the promise API would cost
// (measured with npm run bench:load). The fsync of durable files runs off the event loop.
import { closeSync, fdatasync, fstatSync, open as openCallback, readSync, writeSync } from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { replaceFileDurably, syncDirectory } from './durableJsonFile.js';
import { createKeyedQueue } from './keyedQueue.js';
import { dropOver, use } from './recentlyUsed.js';

export interface JsonLines<T> {
  /**
   * Appends the records; resolves once written (and synced, if durable). With `maxBytes`, nothing
   * is written when the file would grow past it, and the answer is false.
   */
  append(file: string, records: readonly T[], options?: { maxBytes?: number }): Promise<boolean>;
  /** The file's records in order ([] when there is no file); lines that cannot be read are skipped and reported. */
  read(file: string): Promise<readonly T[]>;
  /** Replaces the file's records (removing the file when there are none), atomically. */
  rewrite(file: string, records: readonly T[]): Promise<void>;
  remove(file: string): Promise<void>;
}

export interface JsonLinesOptions<T> {
  /** checks one line's value; throws to refuse it */
  parse: (value: unknown) => T;
  durable: boolean;
  /** told of a line skipped, with its file and line number (once per file and process) */
  report?: (line: string) => void;
  /** files whose records are kept in memory, most recently used (default 4) */
  cached?: number;
  /** files kept open for appending, most recently used (default 32) */
  openFiles?: number;
}

const datasync = promisify(fdatasync);
const openAsync = promisify(openCallback);

export function createJsonLines<T>({ parse, durable, report = () => undefined, cached = 4, openFiles = 32 }: JsonLinesOptions<T>): JsonLines<T> {
  const queue = createKeyedQueue();
  const memory = new Map<string, T[]>();
  // Files open for appending, with their size: an append is then one write (no open, stat, close).
  const appending = new Map<string, { fd: number; size: number }>();
  const reported = new Set<string>();

  async function opened(file: string): Promise<{ fd: number; size: number }> {
    const known = appending.get(file);
    if (known) {
      use(appending, file, known);
      return known;
    }
    // Opening (often creating: a new conversation's transcript) costs far more than a write on a
    // journalled disk: done on the thread pool, so the turns of other customers go on meanwhile.
    let fd: number;
    try {
      fd = await openAsync(file, 'a+', 0o600);
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      fd = await openAsync(file, 'a+', 0o600);
    }
    let size: number;
    try {
      size = fstatSync(fd).size;
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        // A line cut short by a crash: start on a fresh line, so only that one line is lost.
        if (last[0] !== 0x0a) size += writeSync(fd, '\n');
      }
      // A new file's name lives in its folder: synced too, or a power cut could lose the file.
      if (durable) await syncDirectory(dirname(file));
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    const entry = { fd, size };
    appending.set(file, entry);
    // A file with an operation queued keeps its descriptor.
    dropOver(appending, openFiles, { keep: (other) => other === file || queue.busy(other), dropped: (old) => closeSync(old.fd) });
    return entry;
  }

  async function closeFile(file: string): Promise<void> {
    const known = appending.get(file);
    if (!known) return;
    appending.delete(file);
    closeSync(known.fd);
  }

  const serially = <R>(file: string, job: () => Promise<R>) => queue.run(file, job);

  function remember(file: string, records: T[]): void {
    use(memory, file, records);
    dropOver(memory, cached);
  }

  async function load(file: string): Promise<T[]> {
    const known = memory.get(file);
    if (known) {
      remember(file, known);
      return known;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return [];
      throw err;
    }
    const records: T[] = [];
    const problems: string[] = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        records.push(parse(JSON.parse(line)));
      } catch (err) {
        problems.push(`${file}:${i + 1}: ${(err as Error).message.split('\n')[0]}`);
      }
    });
    if (problems.length > 0 && !reported.has(file)) {
      reported.add(file);
      report(`${problems.length} unreadable line(s) skipped, the rest of the file is used: ${problems.slice(0, 3).join('; ')}`);
    }
    if (cached > 0) remember(file, records);
    return records;
  }

  return {
    append: (file, records, options = {}) => serially(file, async () => {
      if (records.length === 0) return true;
      const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
      const bytes = Buffer.byteLength(text);
      const target = await opened(file);
      if (options.maxBytes !== undefined && target.size + bytes > options.maxBytes) return false;
      try {
        const buffer = Buffer.from(text, 'utf8');
        for (let written = 0; written < buffer.length;) written += writeSync(target.fd, buffer, written);
        if (durable) await datasync(target.fd);
      } catch (err) {
        // What reached the file is unknown: the next append reopens it and checks its end.
        await closeFile(file);
        throw err;
      }
      target.size += bytes;
      const known = memory.get(file);
      if (known) known.push(...records.map((r) => structuredClone(r)));
      return true;
    }),

    read: (file) => serially(file, async () => load(file)),

    rewrite: (file, records) => serially(file, async () => {
      memory.delete(file);
      await closeFile(file);
      if (records.length === 0) {
        await unlink(file).catch((err: { code?: string }) => {
          if (err.code !== 'ENOENT') throw err;
        });
        return;
      }
      await replaceFileDurably(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }),

    remove: (file) => serially(file, async () => {
      memory.delete(file);
      await closeFile(file);
      await unlink(file).catch((err: { code?: string }) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }),
  };
}
