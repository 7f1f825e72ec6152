/** 0 = Sunday … 6 = Saturday, as in Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Minutes since local midnight; an end may be 1440 (24:00). */
export type OpeningRange = { start: number; end: number };
export type BusinessHours = {
  timeZone: string;
  days: Record<Weekday, OpeningRange[]>;
};

export class BusinessHoursError extends Error {
  override name = 'BusinessHoursError';
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function fail(message: string): never {
  throw new BusinessHoursError(`BUSINESS_HOURS: ${message}`);
}

function dayIndex(name: string): Weekday | undefined {
  const i = DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
  return i < 0 ? undefined : WEEKDAYS[i];
}

/** "mon", "mon-fri", or a wrapping range such as "fri-mon". */
function parseDays(token: string): Weekday[] {
  const parts = token.split('-');
  const first = dayIndex(parts[0] ?? '');
  if (parts.length === 1) {
    if (first === undefined) fail(`'${token}' is not a day (use ${DAY_NAMES.join(', ')})`);
    return [first];
  }
  const last = dayIndex(parts[1] ?? '');
  if (parts.length !== 2 || first === undefined || last === undefined) fail(`'${token}' is not a day range`);
  const days: Weekday[] = [];
  for (let d = first; ; d = ((d + 1) % 7) as Weekday) {
    days.push(d);
    if (d === last) return days;
  }
}

function parseTime(text: string): number | undefined {
  const m = /^(\d{1,2})[:h](\d{2})$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

function parseRange(token: string): OpeningRange {
  const [from, to, extra] = token.split('-');
  const start = parseTime(from ?? '');
  const end = parseTime(to ?? '');
  if (extra !== undefined || start === undefined || end === undefined || start === 24 * 60) {
    fail(`'${token}' is not a time range (expected HH:MM-HH:MM)`);
  }
  if (end <= start) fail(`'${token}' ends before it starts`);
  return { start, end };
}

/** Checks the zone with Intl and returns its canonical spelling. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return fail(`unknown time zone '${timeZone}'`);
  }
}

function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Parses opening hours such as "mon-fri 09:00-18:00" or
 * "mon-thu 08:30-12:00 14:00-17:00, fri 08:30-12:00". A group is one or more
 * days or day ranges followed by one or more time ranges; groups are separated
 * by commas or simply follow each other. Throws a BusinessHoursError naming
 * the offending part.
 */
export function parseBusinessHours(spec: string, timeZone: string): BusinessHours {
  const zone = checkTimeZone(timeZone);
  const tokens = spec.toLowerCase().split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) fail('no opening hours given (example: mon-fri 09:00-18:00)');

  const days: Record<Weekday, OpeningRange[]> = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  let groupDays: Weekday[] = [];
  let groupLabel = '';
  let groupHasTimes = false;

  for (const token of tokens) {
    if (/^\d/.test(token)) {
      if (groupDays.length === 0) fail(`'${token}' has no day before it`);
      const range = parseRange(token);
      for (const d of groupDays) days[d].push({ ...range });
      groupHasTimes = true;
    } else if (groupDays.length > 0 && !groupHasTimes) {
      // "mon, wed, fri 09:00-12:00": listed days share the times that follow.
      groupDays.push(...parseDays(token));
      groupLabel += `, ${token}`;
    } else {
      groupDays = parseDays(token);
      groupLabel = token;
      groupHasTimes = false;
    }
  }
  if (!groupHasTimes) fail(`'${groupLabel}' has no opening hours after it`);

  for (const d of WEEKDAYS) {
    let previous: OpeningRange | undefined;
    for (const range of days[d].sort((a, b) => a.start - b.start)) {
      if (previous && range.start < previous.end) {
        fail(`${DAY_NAMES[d]} ${formatTime(range.start)}-${formatTime(range.end)} overlaps ${formatTime(previous.start)}-${formatTime(previous.end)}`);
      }
      previous = range;
    }
  }
  return { timeZone: zone, days };
}
