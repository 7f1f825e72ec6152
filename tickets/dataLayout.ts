// Where each record lives under DATA_DIR. What only grows is appended to JSON Lines files
// (jsonLines.ts), so no write rewrites history: requests and records go in one file per month,
// transcripts in one file per conversation, conversation state in one small file per conversation.
//
//   counters.json                      reference numbers per level
//   requests/2026-11.jsonl             tickets and callbacks created in November 2026 (store's zone),
//                                      then their status changes, one line each
//   feedback/2026-11.jsonl             "did this answer help?"
//   unanswered/2026-11.jsonl           questions the bot could not answer
//   answers/2026-11.jsonl              answers shown (article, confidence, question)
//   lookups/2026-11.jsonl              status lookups refused for wrong contact details
//   kb-edits/2026-11.jsonl             staff edits of the knowledge base (before/after, for revert)
//   outbox/deliveries.jsonl            which request events were delivered to whom (the events
//                                      themselves are the request lines)
//   transcripts/<readable id>-<hash>.jsonl   one conversation's activities
//   state/<aa>/<hash>.json             one conversation's state (bot conversation and user state)
//   attachments/<hash>/<id>.bin|.json  a file a customer sent, and what it is (attachments.ts)
//
// Earlier versions wrote whole JSON files (`2026-11.json`, `transcripts/<id>.json`, 256 state
// buckets `state/<aa>.json`); legacyFiles.ts turns them into these at start.
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TimeRange } from './types.js';

const monthFile = /^(\d{4}-\d{2})\.jsonl$/;
const legacyMonthFile = /^\d{4}-\d{2}\.json$/;

export const folders = {
  requests: 'requests',
  feedback: 'feedback',
  unanswered: 'unanswered',
  answers: 'answers',
  lookups: 'lookups',
  kbEdits: 'kb-edits',
  outbox: 'outbox',
  transcripts: 'transcripts',
  state: 'state',
  attachments: 'attachments',
} as const;

/** `requests/2026-11.jsonl` for a reference dated 20261123. */
export function requestFile(dataDir: string, referenceDate: string): string {
  return join(dataDir, folders.requests, `${referenceDate.slice(0, 4)}-${referenceDate.slice(4, 6)}.jsonl`);
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
  return join(dataDir, folders.transcripts, readable ? `${readable}-${hash}.jsonl` : `${hash}.jsonl`);
}

/** Every transcript file (not the temp or damaged ones). */
export async function transcriptFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, folders.transcripts);
  return (await namesIn(dir)).filter((n) => n.endsWith('.jsonl') && !n.startsWith('.')).map((n) => join(dir, n));
}

/** Transcripts in the format of earlier versions (one JSON document per conversation). */
export async function legacyTranscriptFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, folders.transcripts);
  return (await namesIn(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => join(dir, n));
}

/** `state/a7/a7c3…json`: one file per key, in 256 folders picked by a hash of the key. */
export function stateFile(dataDir: string, key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  return join(dataDir, folders.state, hash.slice(0, 2), `${hash.slice(0, 40)}.json`);
}

/** Every state file. */
export async function stateFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, folders.state);
  const files: string[] = [];
  for (const folder of (await namesIn(root)).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
    for (const name of await namesIn(join(root, folder))) if (/^[0-9a-f]{40}\.json$/.test(name)) files.push(join(root, folder, name));
  }
  return files;
}

/** The state buckets of earlier versions (`state/a7.json`, many conversations each). */
export async function legacyBucketFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, folders.state);
  return (await namesIn(dir)).filter((n) => /^[0-9a-f]{2}\.json$/.test(n)).map((n) => join(dir, n));
}

/** Month files of earlier versions (`2026-11.json`, one JSON document). */
export async function legacyMonthFiles(dir: string): Promise<string[]> {
  return (await namesIn(dir)).filter((n) => legacyMonthFile.test(n)).sort().map((n) => join(dir, n));
}

/** The names in a folder; none when it does not exist (yet). */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT' || (err as { code?: unknown }).code === 'ENOTDIR') return [];
    throw err;
  }
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
    .map((month) => join(dir, `${month}.jsonl`));
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
