// Request references: L1-20261123-0042 (level-1 ticket, created on 23 Nov 2026 in the store's time
// zone, 42nd level-1 number). Tickets for queues 3 and 4 are numbered as L1 too; callbacks are L2.
import type { CallbackRequest, SupportLevel, Ticket } from './types.js';
import { compactDate } from './zonedTime.js';

export type ReferenceLevel = 1 | 2;

export interface ParsedReference {
  level: ReferenceLevel;
  /** YYYYMMDD, the creation date in the store's time zone */
  date: string;
  counter: number;
  /** the reference as the store writes it, e.g. L1-20261123-0042 */
  reference: string;
}

export function formatReference(level: ReferenceLevel, date: Date, counter: number, timeZone = 'Europe/Paris'): string {
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`counter must be a whole number from 1 (got ${counter})`);
  return `L${level}-${compactDate(date, timeZone)}-${String(counter).padStart(4, '0')}`;
}

// Separators people type or that word processors substitute: space, - _ . /, and the Unicode dashes.
const sep = '[\\s\\-_./\\u2010-\\u2015]*';
const pattern = new RegExp(`(?<![\\p{L}\\p{N}])L${sep}([12])${sep}(\\d{8})${sep}(\\d{1,9})(?!\\d)`, 'giu');

/**
 * Finds the first reference in free text ("où en est mon dossier l1 20261123 42 ?") and returns it
 * normalised, or undefined. The date part must be a real calendar date.
 */
export function parseReference(text: string): ParsedReference | undefined {
  for (const match of text.matchAll(pattern)) {
    const [, levelText, date, counterText] = match;
    if (!levelText || !date || !counterText || !isCalendarDate(date)) continue;
    const counter = Number(counterText);
    if (counter < 1) continue;
    const level = levelText === '1' ? 1 : 2;
    return { level, date, counter, reference: `L${level}-${date}-${String(counter).padStart(4, '0')}` };
  }
  return undefined;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The number of a stored reference (L1-20261123-0042 → 42): what orders requests made in one second. */
export function referenceCounter(reference: string): number {
  return Number(reference.slice(12));
}

/** The level staff see a request at: its queue for a ticket, 2 for a callback. */
export function supportLevel(r: Pick<Ticket, 'kind' | 'level'> | Pick<CallbackRequest, 'kind'>): SupportLevel {
  return r.kind === 'callback' ? 2 : r.level;
}
