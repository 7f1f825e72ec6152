// Earlier versions kept each month, transcript and state bucket as one JSON document, rewritten
// whole on every write. At start, each such file is turned into the JSON Lines (or per-key) files
// of dataLayout.ts: the new file is written completely first, then the old one is removed, and
// records already in the new file are not added twice, so a crash in between only repeats the work.
// A legacy file that cannot be read is moved aside and reported, as any damaged file.
import { readFile, rename, unlink } from 'node:fs/promises';
import type { JsonLines } from './jsonLines.js';

/** `<file>.damaged-<time>`: kept for a person to look at, out of the way of the store. */
export async function moveAside(file: string): Promise<string> {
  const movedTo = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, movedTo);
  return movedTo;
}

/**
 * Moves the records of a legacy JSON file into `target` (a JSON Lines file), then removes it.
 * `recordsOf` reads the legacy document (throws when it is not one).
 */
export async function migrateToLines<T>(
  legacy: string,
  target: string,
  lines: JsonLines<T>,
  recordsOf: (value: unknown) => readonly T[],
  report: (line: string) => void,
): Promise<void> {
  let records: readonly T[];
  try {
    records = recordsOf(JSON.parse(await readFile(legacy, 'utf8')));
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return;
    const movedTo = await moveAside(legacy);
    report(`${legacy} was damaged and moved to ${movedTo} (a file of an earlier version: ${(err as Error).message.split('\n')[0]})`);
    return;
  }
  const existing = await lines.read(target);
  const seen = new Set(existing.map((r) => JSON.stringify(r)));
  const added = records.filter((r) => !seen.has(JSON.stringify(r)));
  if (added.length > 0) await lines.rewrite(target, [...added, ...existing]);
  await unlink(legacy);
}
