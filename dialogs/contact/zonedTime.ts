// Calendar arithmetic for callback slots, on top of the store's zone helpers (tickets/zonedTime.ts).
import { isoWithOffset, offsetMinutes, zonedParts } from '../../tickets/zonedTime.js';
import type { Weekday } from './businessHours.js';

/** A calendar date as printed on a wall calendar in some zone (month 1–12). */
export type LocalDate = { year: number; month: number; day: number; weekday: Weekday };
/** What a clock in the zone shows: the date plus minutes since local midnight. */
export type WallTime = LocalDate & { minutes: number; seconds: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The wall-clock reading in `timeZone` at `instant` (the store's zonedParts, as minutes of the day). */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const p = zonedParts(instant, timeZone);
  return { ...localDate(p.year, p.month, p.day), minutes: p.hour * 60 + p.minute, seconds: p.second };
}

/** The calendar date `days` after (year, month, day), with its weekday. */
export function localDate(year: number, month: number, day: number, days = 0): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() as Weekday };
}

/** Minutes to add to UTC to get the wall time in `timeZone` at `instant` (+60 for Paris in winter). */
export const offsetMinutesAt = offsetMinutes;

/**
 * The instant at which clocks in `timeZone` show `minutes` past midnight on
 * `date` (minutes may reach 1440, meaning the next midnight). Around clock
 * changes it behaves like Temporal's "compatible" rule: a time repeated in
 * autumn gives the first occurrence; a time skipped in spring is pushed
 * forward by the gap (02:30 becomes 03:30).
 */
export function instantOf(date: LocalDate, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // Offsets a day either side of the wall time bracket any clock change near it.
  const before = offsetMinutesAt(new Date(wall - DAY), timeZone);
  const after = offsetMinutesAt(new Date(wall + DAY), timeZone);
  const fits = [before, after]
    .map((offset) => ({ offset, at: wall - offset * MINUTE }))
    .filter(({ offset, at }) => offsetMinutesAt(new Date(at), timeZone) === offset)
    .map(({ at }) => at);
  return new Date(fits.length > 0 ? Math.min(...fits) : wall - before * MINUTE);
}

/** ISO 8601 with the zone's offset at that instant: 2026-11-24T14:00:00+01:00. */
export const toZonedIso = isoWithOffset;
