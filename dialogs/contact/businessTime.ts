// Time counted in business hours (BUSINESS_HOURS): "first reply within 8 business hours" of a
// request made on Friday at 17:00 is due on Monday at 16:00, not on Saturday at 01:00.
import type { BusinessHours } from './businessHours.js';
import { instantOf, localDate, wallTimeOf } from './zonedTime.js';

/** The instant `hours` business hours after `start`; a start outside opening hours counts from the next opening. */
export function addBusinessHours(start: Date, hours: number, business: BusinessHours): Date {
  let left = Math.round(hours * 60);
  const wall = wallTimeOf(start, business.timeZone);
  // Minutes are whole: a request at 10:00:30 counts from 10:00 (a due time a few seconds early, never late).
  for (let days = 0; days <= 366; days++) {
    const date = localDate(wall.year, wall.month, wall.day, days);
    const from = days === 0 ? wall.minutes : 0;
    for (const range of business.days[date.weekday] ?? []) {
      const begin = Math.max(range.start, from);
      if (begin >= range.end) continue;
      if (left <= range.end - begin) return instantOf(date, begin + left, business.timeZone);
      left -= range.end - begin;
    }
  }
  throw new RangeError('no business hours within a year: check BUSINESS_HOURS');
}
