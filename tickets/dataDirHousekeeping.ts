// What the embedded store does for the process that holds DATA_DIR: clean temp files a crash left
// behind, keep the local Direct Line's token secret, and tell whether the folder can be written.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { replaceFileDurably } from './durableJsonFile.js';

// replaceFileDurably's temp files: `.<name>.<pid>.<hex>.tmp`
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;

/** Removes temp files left by a crash mid-write (only the lock holder may: nobody else writes). */
export async function removeLeftoverTempFiles(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.lock')) await walk(full);
      else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        await unlink(full).catch(() => undefined);
        removed.push(path.relative(dataDir, full));
      }
    }
  }
  await walk(path.resolve(dataDir));
  return removed;
}

const SECRET_FILE = 'directline-secret';

/**
 * The local Direct Line's token secret: generated once into DATA_DIR (mode 0600) when none is
 * configured, so a restart does not strand the chats open in browsers.
 */
export async function persistentSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SECRET_FILE);
  const existing = await readFile(file, 'utf8').then((t) => t.trim(), () => '');
  if (existing.length >= 32) return existing;
  const secret = randomBytes(48).toString('base64url');
  await replaceFileDurably(file, secret + '\n', 0o600);
  return secret;
}

/** Can the store write a file now? (a full disk, a read-only folder, a lost mount say no) */
export async function storageWritable(dataDir: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  try {
    await replaceFileDurably(path.join(dataDir, '.health'), `${new Date().toISOString()}\n`);
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: (err as { code?: string }).code ?? (err as Error).message };
  }
}
