import type { BusinessHours } from './businessHours.js';
import { instantOf, localDate, toZonedIso, wallTimeOf } from './zonedTime.js';

/** A callback appointment; both ends are ISO 8601 with the business zone's offset. */
export type Slot = { start: string; end: string };
export type SlotOptions = { count: number; slotMinutes: number; minLeadMinutes: number };

const MINUTE = 60_000;
// Enough to get past any run of closed days (holidays are not modelled here).
const MAX_DAYS_AHEAD = 366;

/**
 * The next `count` slots of `slotMinutes`, counted from each opening time,
 * that start at least `minLeadMinutes` after `now` and lie inside business
 * hours in the business time zone. A slot that a clock change would stretch
 * or shrink is left out, so every slot lasts exactly `slotMinutes`.
 */
export function proposeSlots(now: Date, hours: BusinessHours, options: SlotOptions, notBefore?: Date): Slot[] {
  const { count, slotMinutes, minLeadMinutes } = options;
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError(`slotMinutes must be a positive whole number (got ${slotMinutes})`);
  if (!(minLeadMinutes >= 0)) throw new RangeError(`minLeadMinutes must not be negative (got ${minLeadMinutes})`);

  const zone = hours.timeZone;
  const earliest = Math.max(now.getTime() + minLeadMinutes * MINUTE, notBefore?.getTime() ?? -Infinity);
  const today = wallTimeOf(new Date(earliest), zone);
  const slots: Slot[] = [];

  for (let i = 0; i <= MAX_DAYS_AHEAD && slots.length < count; i++) {
    const date = localDate(today.year, today.month, today.day, i);
    const ranges = [...hours.days[date.weekday]].sort((a, b) => a.start - b.start);
    for (const range of ranges) {
      for (let t = range.start; t + slotMinutes <= range.end && slots.length < count; t += slotMinutes) {
        const start = instantOf(date, t, zone);
        const end = instantOf(date, t + slotMinutes, zone);
        if (start.getTime() < earliest) continue;
        if (end.getTime() - start.getTime() !== slotMinutes * MINUTE) continue;
        slots.push({ start: toZonedIso(start, zone), end: toZonedIso(end, zone) });
      }
    }
  }
  return slots;
}

/**
 * True when the whole slot falls inside one opening range of its day, read in
 * the business time zone. Used to re-check a slot chosen earlier before saving.
 */
export function isWithinBusinessHours(slot: Slot, hours: BusinessHours): boolean {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) return false;

  const from = wallTimeOf(start, hours.timeZone);
  const to = wallTimeOf(end, hours.timeZone);
  const fromMinutes = from.minutes + from.seconds / 60;
  const sameDay = to.year === from.year && to.month === from.month && to.day === from.day;
  const nextMidnight = to.minutes === 0 && to.seconds === 0 && end.getTime() - start.getTime() <= 24 * 60 * MINUTE;
  if (!sameDay && !nextMidnight) return false;
  const toMinutes = sameDay ? to.minutes + to.seconds / 60 : 24 * 60;

  return hours.days[from.weekday].some((range) => range.start <= fromMinutes && toMinutes <= range.end);
}

/**
 * A slot as a user reads it, in the business time zone:
 * fr "mardi 24 novembre, 14:00 – 15:00", en "Tuesday 24 November, 2:00 – 3:00 PM"
 * (the exact spaces around the dash are ICU's).
 */
export function formatSlot(slot: Slot, lang: 'fr' | 'en', timeZone: string): string {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  // en-GB gives "Tuesday 24 November"; en-US gives the 12-hour times users expect.
  const dateLocale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const timeLocale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const day = new Intl.DateTimeFormat(dateLocale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(start);
  const times = new Intl.DateTimeFormat(timeLocale, {
    timeZone,
    hour: lang === 'fr' ? '2-digit' : 'numeric',
    minute: '2-digit',
  }).formatRange(start, end);
  return `${day}, ${times}`;
}
