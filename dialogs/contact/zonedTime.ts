import type { Weekday } from './businessHours.js';

/** A calendar date as printed on a wall calendar in some zone (month 1–12). */
export type LocalDate = { year: number; month: number; day: number; weekday: Weekday };
/** What a clock in the zone shows: the date plus minutes since local midnight. */
export type WallTime = LocalDate & { minutes: number; seconds: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Building a DateTimeFormat costs far more than using one, and slot search
// converts hundreds of times; formatters are immutable, so sharing them is safe.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? NaN;
  const month = parts.month ?? NaN;
  const day = parts.day ?? NaN;
  return {
    ...localDate(year, month, day),
    minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
    seconds: parts.second ?? 0,
  };
}

/** The calendar date `days` after (year, month, day), with its weekday. */
export function localDate(year: number, month: number, day: number, days = 0): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() as Weekday };
}

/** Minutes to add to UTC to get the wall time in `timeZone` at `instant` (+60 for Paris in winter). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallTimeOf(instant, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes, w.seconds);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / MINUTE);
}

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

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 with the zone's offset at that instant: 2026-11-24T14:00:00+01:00. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const time = `${pad(Math.floor(w.minutes / 60))}:${pad(w.minutes % 60)}:${pad(w.seconds)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
