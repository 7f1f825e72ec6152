// The customers are in France (GDPR): what is kept for analysis is purged after RETENTION_DAYS, and
// a person can be erased everywhere on request (npm run privacy:erase). Both go through the stores;
// only files a damaged write left aside are searched directly, as they cannot be read as records.
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Erasable, Erased, HelpdeskStore } from './helpdeskStore.js';
import type { KeyValueStore } from './keyValueStore.js';

const DAY_MS = 24 * 3600 * 1000;

export interface Purged {
  transcripts: number;
  records: number;
  states: number;
  files: number;
}

/** Removes transcripts, analysis records, conversation state and files older than `days`. Requests stay, with their files. */
export async function purgeExpired(store: HelpdeskStore, state: KeyValueStore, days: number, now = new Date()): Promise<Purged> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const { transcripts, records, files } = await store.purgeBefore(cutoff);
  const states = await state.removeWhere((item) => Date.parse(item.updatedAt) < cutoff.getTime());
  return { transcripts, records, states, files };
}

/** The ways a number is written: +33612345678, +33 6 12 34 56 78, 06 12 34 56 78, 0612345678. */
function phoneSpellings(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [e164];
  const national = parsed.formatNational();
  return [...new Set([parsed.number, parsed.formatInternational(), national, national.replace(/\s/g, '')])];
}

export interface ErasedEverywhere extends Erased {
  states: number;
  /** damaged files (moved aside after a bad write) that held the person's data, deleted */
  damagedFiles: string[];
}

async function damagedFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) if (e.isFile() && e.name.includes('.damaged-')) out.push(path.join(e.parentPath, e.name));
  return out;
}

/** Removes a person from every store under DATA_DIR; says what it removed. */
export async function erasePerson(dataDir: string, store: HelpdeskStore, state: KeyValueStore, who: Erasable): Promise<ErasedEverywhere> {
  if (!who.email && !who.phone && !who.conversationId) throw new RangeError('give an email, a phone number or a conversation id');
  const erased = await store.erase(who);
  const email = who.email?.trim().toLowerCase();
  const phones = who.phone ? phoneSpellings(who.phone) : [];
  const mentions = (text: string) => {
    const lower = text.toLowerCase();
    return (email !== undefined && lower.includes(email)) || phones.some((p) => lower.includes(p));
  };
  const conversations = new Set(erased.conversations);
  const states = await state.removeWhere((item) =>
    [...conversations].some((id) => item.key.includes(`/conversations/${id}/`)) || mentions(JSON.stringify(item.value)));
  const removedDamaged: string[] = [];
  for (const file of await damagedFiles(dataDir)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (mentions(text) || [...conversations].some((id) => text.includes(id))) {
      await unlink(file);
      removedDamaged.push(path.relative(dataDir, file));
    }
  }
  return { ...erased, states, damagedFiles: removedDamaged };
}
