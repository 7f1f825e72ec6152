// Where each record lives under DATA_DIR. lowdb rewrites a whole file on every write, so no file
// may grow with all history: requests and records go in one file per month, transcripts in one
// file per conversation, conversation state in hash buckets.
//
//   counters.json                      reference numbers per level
//   requests/2026-11.json              tickets and callbacks created in November 2026 (store's zone)
//   feedback/2026-11.json              "did this answer help?"
//   unanswered/2026-11.json            questions the bot could not answer
//   answers/2026-11.json               answers shown (article, confidence, question)
//   lookups/2026-11.json               status lookups refused for wrong contact details
//   kb-edits/2026-11.json              staff edits of the knowledge base (before/after, for revert)
//   transcripts/<readable id>-<hash>.json   one conversation's activities
//   state/<bucket>.json                key-value store (bot conversation and user state)
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TimeRange } from './types.js';

const monthFile = /^(\d{4}-\d{2})\.json$/;

export const folders = {
  requests: 'requests',
  feedback: 'feedback',
  unanswered: 'unanswered',
  answers: 'answers',
  lookups: 'lookups',
  kbEdits: 'kb-edits',
  transcripts: 'transcripts',
  state: 'state',
} as const;

/** `requests/2026-11.json` for a reference dated 20261123. */
export function requestFile(dataDir: string, referenceDate: string): string {
  return join(dataDir, folders.requests, `${referenceDate.slice(0, 4)}-${referenceDate.slice(4, 6)}.json`);
}

/**
 * A file name that says whose conversation it is yet cannot leave the folder: the id is reduced to
 * letters, digits, _ and - (no dots, no separators), and a hash of the full id keeps ids that
 * reduce to the same text apart.
 */
export function transcriptFile(dataDir: string, conversationId: string): string {
  const readable = conversationId
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, 48);
  const hash = createHash('sha256').update(conversationId, 'utf8').digest('hex').slice(0, 20);
  return join(dataDir, folders.transcripts, readable ? `${readable}-${hash}.json` : `${hash}.json`);
}

/** Every transcript file (not the temp or damaged ones). */
export async function transcriptFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, folders.transcripts);
  const names = await readdir(dir).catch((err: { code?: string }) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => join(dir, n));
}

/** Every state bucket file. */
export async function bucketFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, folders.state);
  const names = await readdir(dir).catch((err: { code?: string }) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  return names.filter((n) => /^[0-9a-f]{2}\.json$/.test(n)).map((n) => join(dir, n));
}

/** `state/a7.json`: one of 256 buckets, picked by a hash of the key. */
export function stateFile(dataDir: string, key: string): string {
  const bucket = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 2);
  return join(dataDir, folders.state, `${bucket}.json`);
}

/**
 * The month files in `dir` that may hold records in `range`, oldest first. Months are those of the
 * store's zone, so the range is widened by a day each side (no zone is more than 14 h from UTC).
 * Temp files and anything else in the folder are ignored.
 */
export async function monthFiles(dir: string, range: TimeRange = {}): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return [];
    throw err;
  }
  const day = 24 * 3600 * 1000;
  const { from, to } = timeBounds(range);
  const first = Number.isFinite(from) ? new Date(from - day).toISOString().slice(0, 7) : '';
  const last = Number.isFinite(to) ? new Date(to + day).toISOString().slice(0, 7) : '9999-99';
  return names
    .map((name) => monthFile.exec(name)?.[1])
    .filter((month): month is string => month !== undefined && month >= first && month <= last)
    .sort()
    .map((month) => join(dir, `${month}.json`));
}

/** The range as epoch milliseconds (-Infinity / Infinity when open); refuses unreadable times. */
export function timeBounds(range: TimeRange): { from: number; to: number } {
  return { from: toTime(range.from, -Infinity, 'from'), to: toTime(range.to, Infinity, 'to') };
}

function toTime(value: Date | string | undefined, open: number, name: string): number {
  if (value === undefined) return open;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid time (got ${String(value)})`);
  return time;
}

export function inRange(at: string, bounds: { from: number; to: number }): boolean {
  const time = Date.parse(at);
  return time >= bounds.from && time < bounds.to;
}
