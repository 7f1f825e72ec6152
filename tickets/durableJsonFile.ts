// A lowdb adapter that survives crashes and power loss, used instead of lowdb's JSONFile (which
// renames a temp file but never fsyncs, so a power cut can leave an empty or old file).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Adapter } from 'lowdb';

/** A data file that cannot be used as it is. The file is left untouched for a person to look at. */
export class DataFileError extends Error {
  override name = 'DataFileError';
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}. The file was left as it is; repair it or move it away.`);
  }
}

export interface DurableJsonFileOptions<T> {
  /** Checks what was read (throw to refuse it); the default accepts any JSON object or array. */
  parse?: (value: unknown) => T;
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #parse: (value: unknown) => T;
  // Writes to this file, one after the other: a later write never lands before an earlier one.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, options: DurableJsonFileOptions<T> = {}) {
    this.file = resolve(file);
    this.#parse = options.parse ?? requireObject<T>;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if (isCode(err, 'ENOENT')) return null;
      throw err;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new DataFileError(this.file, `not valid JSON (${(err as Error).message})`);
    }
    try {
      return this.#parse(value);
    } catch (err) {
      throw new DataFileError(this.file, `unexpected content: ${(err as Error).message}`);
    }
  }

  write(data: T): Promise<void> {
    // Serialised now: the file gets the data as it was at the call, whatever happens to it later.
    const text = JSON.stringify(data, null, 2) + '\n';
    const run = this.#queue.then(() => this.#replace(text));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #replace(text: string): Promise<void> {
    return replaceFileDurably(this.file, text);
  }
}

/**
 * Replaces `file` with `text` (or bytes) so that a crash leaves either the old file or the new one, never a
 * mix: write a temp file beside it, fsync, rename over the target, fsync the folder. `mode` is
 * the new file's permissions (before the umask): data files are private by default.
 */
export async function replaceFileDurably(file: string, text: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = dirname(file);
  await makeDirectory(dir);
  // Unique name: a temp file left by a crash is never reused, and the target is only ever
  // replaced by a complete, synced file.
  const temp = `${dir}${sep}.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/**
 * The same without the fsyncs: a crash of the process still leaves the old file or the new one
 * (the kernel has both), a power cut may leave an empty one. For data a restart can do without,
 * such as one conversation's state.
 */
export async function replaceFileAtomically(file: string, text: string, mode = 0o600): Promise<void> {
  // Synchronous on purpose: without fsync, writing a few KB and renaming stay in the page cache and
  // take microseconds, less than the four thread-pool round trips of the promise API (measured
  // with npm run bench:load: a tenth of a turn's CPU went to those round trips).
  const dir = dirname(file);
  const temp = `${dir}${sep}.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    try {
      writeFileSync(temp, text, { encoding: 'utf8', mode, flag: 'wx' });
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, text, { encoding: 'utf8', mode, flag: 'wx' });
    }
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    throw err;
  }
}

function requireObject<T>(value: unknown): T {
  if (typeof value !== 'object' || value === null) throw new Error(`expected a JSON object, found ${JSON.stringify(value)}`);
  return value as T;
}

/** mkdir -p, then fsync the parents of what was created so the new folders survive a power cut. */
async function makeDirectory(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (first === undefined) return;
  // Each created folder's entry lives in its parent: sync from the first one's parent down.
  const chain = [dirname(first)];
  for (let current = dir; current !== dirname(first) && current !== dirname(current); current = dirname(current)) {
    chain.push(current);
  }
  for (const folder of chain) await syncDirectory(folder);
}

export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is then as durable as it gets.
    if (!isCode(err, 'EISDIR') && !isCode(err, 'EPERM') && !isCode(err, 'EINVAL')) throw err;
  } finally {
    await handle?.close();
  }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}
