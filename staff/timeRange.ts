// Time ranges from query strings. A full ISO time is taken as it is; a date alone (2026-11-23) is
// a day in the store's zone: `from` its first instant, `to` the end of that day, so ?from=2026-11-01
// &to=2026-11-30 covers all of November in Paris. `to` is exclusive, as in the store.
import { z } from 'zod';
import { offsetMinutes } from '../tickets/zonedTime.js';

const DAY_MS = 24 * 3600_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const isoTimeText = z.string().refine(
  (s) => (DATE_ONLY.test(s) || DATE_TIME.test(s)) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)),
  'must be an ISO 8601 date or time with its zone, like 2026-11-23 or 2026-11-23T09:00:00+01:00',
);

export const rangeFields = { from: isoTimeText.optional(), to: isoTimeText.optional() };

/** The first instant of a calendar day in `timeZone`. */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let at = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  // The offset at midnight may differ from the one at the guess (a DST change that day).
  at = wall - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}

export function toInstant(text: string, edge: 'from' | 'to', timeZone: string): Date {
  const m = DATE_ONLY.exec(text);
  if (!m) return new Date(text);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return startOfDay(year, month, edge === 'to' ? day + 1 : day, timeZone);
}

export interface Range {
  from?: Date;
  to?: Date;
}

export function rangeOf(query: { from?: string | undefined; to?: string | undefined }, timeZone: string): Range {
  return {
    ...(query.from ? { from: toInstant(query.from, 'from', timeZone) } : {}),
    ...(query.to ? { to: toInstant(query.to, 'to', timeZone) } : {}),
  };
}

/** `2026-11-23`: the calendar day of `date` in `timeZone`. */
export function dayKey(date: Date, timeZone: string): string {
  // The wall clock's day number, named once (dashboards date thousands of records).
  const day = Math.floor((date.getTime() + offsetMinutes(date, timeZone) * 60_000) / DAY_MS);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size >= 100_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}
const dayNames = new Map<number, string>();

/** Every calendar day from the one holding `from` to the one holding the last instant before `to`. */
export function daysBetween(from: Date, to: Date, timeZone: string, max = 400): string[] {
  const days: string[] = [];
  const last = dayKey(new Date(to.getTime() - 1), timeZone);
  let [y, m, d] = dayKey(from, timeZone).split('-').map(Number) as [number, number, number];
  while (days.length < max) {
    const key = dayKey(startOfDay(y, m, d, timeZone), timeZone);
    if (key > last) break;
    days.push(key);
    [y, m, d] = dayKey(startOfDay(y, m, d + 1, timeZone), timeZone).split('-').map(Number) as [number, number, number];
  }
  return days;
}
