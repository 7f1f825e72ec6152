// Wall-clock dates in an IANA time zone, with Intl only (no date library).

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is the slow part; one per zone is plenty.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function partsFromIntl(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const get = (type: string): number => parts[type] ?? 0;
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// formatToParts is slow next to the rest of a turn (and a dashboard dates thousands of records).
// A zone's offset changes a few times a year: for each zone and hour, the offsets at its first and
// last second are asked once; when they agree, that is the offset of the whole hour. An hour with
// a change in it is asked each time.
const hourOffsets = new Map<string, Map<number, number | 'changes'>>();
const HOUR_MS = 3600_000;

function exactOffset(ms: number, timeZone: string): number {
  const p = partsFromIntl(new Date(ms), timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** Minutes east of UTC at `date` in `timeZone` (+60 for Paris in winter). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  let hours = hourOffsets.get(timeZone);
  if (!hours) hourOffsets.set(timeZone, (hours = new Map()));
  let known = hours.get(hour);
  if (known === undefined) {
    const [first, last] = [exactOffset(hour * HOUR_MS, timeZone), exactOffset((hour + 1) * HOUR_MS - 1000, timeZone)];
    known = first === last ? first : 'changes';
    if (hours.size >= 100_000) hours.clear();
    hours.set(hour, known);
  }
  return known === 'changes' ? exactOffset(date.getTime(), timeZone) : known;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMinutes(date, timeZone) * 60000);
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-23T14:05:09+01:00`: local time in `timeZone` with its offset, to the second. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const offset = offsetMinutes(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`
    + `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `20261123`: the calendar date in `timeZone`. */
export function compactDate(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}${two(p.month)}${two(p.day)}`;
}

/** `2026-11`: the calendar month in `timeZone`. */
export function monthKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${two(p.month)}`;
}
