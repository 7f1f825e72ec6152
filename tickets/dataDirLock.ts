// One process per DATA_DIR: the embedded store caches files in memory and numbers references from a
// counter file, so two processes on one folder lose tickets and give one reference to two customers.
// An exclusive lock (proper-lockfile: a lock directory whose time the holder refreshes, taken over
// once stale after a crash) makes a second process refuse to start and say who holds the folder.
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { replaceFileDurably } from './durableJsonFile.js';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** how long a lock may go without a refresh before it counts as left by a crashed process */
  staleMs?: number;
  /** how long to wait for a stale lock to be taken over (a restart right after a crash) */
  waitMs?: number;
  /** called if the lock is lost while held (the folder removed, the clock jumped) */
  onCompromised?: (err: Error) => void;
}

const HOLDER = 'lock-holder.json';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is someone else's.
    return (err as { code?: string }).code === 'EPERM';
  }
}

export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stale = options.staleMs ?? 10_000;
  const wait = options.waitMs ?? stale + 2_000;
  const attempt = (retries: number) =>
    lockfile.lock(dir, {
      stale,
      lockfilePath: path.join(dir, '.lock'),
      retries: { retries, minTimeout: 500, maxTimeout: 500, factor: 1 },
      onCompromised: options.onCompromised ?? ((err) => {
        throw err;
      }),
    });
  const refused = (holder: Holder | undefined) =>
    new DataDirLockedError(`DATA_DIR ${dir} is in use by ${holder ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another process'}. One process per data folder: stop it, or give this one another DATA_DIR (or use PostgreSQL for several instances).`);
  let release: () => Promise<void>;
  try {
    release = await attempt(0);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    const holder = await readFile(path.join(dir, HOLDER), 'utf8').then((t) => JSON.parse(t) as Holder, () => undefined);
    // A live holder on this machine: say so now. Otherwise it may have crashed: wait for its lock
    // to go stale (a restart right after a crash), then take it over.
    if (holder && holder.host === os.hostname() && alive(holder.pid)) throw refused(holder);
    try {
      release = await attempt(Math.max(0, Math.ceil(wait / 500)));
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') throw refused(holder);
      throw again;
    }
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  await replaceFileDurably(path.join(dir, HOLDER), JSON.stringify(holder, null, 2) + '\n');
  return { release: () => release() };
}
