// A callback time typed in the customer's words, turned into slots: the exact time when it is open
// and far enough ahead, the open slots inside a window ("jeudi matin"), or else the nearest ones.
import type { TimeReading, TimeWish } from '../understand/dateTimes.js';
import type { BusinessHours } from './businessHours.js';
import { isWithinBusinessHours, proposeSlots, type Slot, type SlotOptions } from './slots.js';
import { instantOf, localDate, toZonedIso, wallTimeOf, type LocalDate } from './zonedTime.js';

export type SlotChoice =
  /** the time asked for is open, or the first open slot of the part of a day asked for */
  | { kind: 'exact'; slot: Slot }
  /** nothing asked for is possible (closed, past, too soon): the nearest slots around it */
  | { kind: 'outside'; slots: Slot[] };

const MINUTE = 60_000;
/** A time without a day ("à 11h") is looked for today and in the days after, up to this many. */
const DAYS_FOR_A_TIME = 7;

function dateOf(text: string): LocalDate {
  const [y, m, d] = text.split('-').map(Number);
  return localDate(y!, m!, d!);
}

function daysFor(reading: TimeReading, now: Date, zone: string): LocalDate[] {
  if (reading.date) return [dateOf(reading.date)];
  const today = wallTimeOf(now, zone);
  return Array.from({ length: DAYS_FOR_A_TIME }, (_, i) => localDate(today.year, today.month, today.day, i));
}

/** The slot of `slotMinutes` starting at `minutes` on `day`, if it is open and not too soon. */
function exactSlot(day: LocalDate, minutes: number, earliest: number, hours: BusinessHours, options: SlotOptions): Slot | undefined {
  const start = instantOf(day, minutes, hours.timeZone);
  if (start.getTime() < earliest) return undefined;
  const slot = { start: toZonedIso(start, hours.timeZone), end: toZonedIso(new Date(start.getTime() + options.slotMinutes * MINUTE), hours.timeZone) };
  return isWithinBusinessHours(slot, hours) ? slot : undefined;
}

/** Open slots that start inside [from, to) of `day`. */
function slotsWithin(day: LocalDate, from: number, to: number, now: Date, hours: BusinessHours, options: SlotOptions): Slot[] {
  const zone = hours.timeZone;
  const start = instantOf(day, from, zone);
  const end = instantOf(day, to, zone).getTime();
  return proposeSlots(now, hours, options, start).filter((s) => new Date(s.start).getTime() < end);
}

export function slotsForWish(wish: TimeWish | 'asap', now: Date, hours: BusinessHours, options: SlotOptions): SlotChoice {
  const earliest = now.getTime() + options.minLeadMinutes * MINUTE;
  if (wish === 'asap') {
    const [first] = proposeSlots(now, hours, { ...options, count: 1 });
    return first ? { kind: 'exact', slot: first } : { kind: 'outside', slots: [] };
  }
  let nearestFrom: Date | undefined;
  for (const reading of wish.readings) {
    for (const day of daysFor(reading, now, hours.timeZone)) {
      const from = reading.from ?? 0;
      const windowStart = instantOf(day, from, hours.timeZone);
      // A reading in the past is another reading's "last Thursday": skip it.
      if (reading.date && instantOf(day, reading.to ?? 24 * 60, hours.timeZone).getTime() <= now.getTime()) continue;
      if (reading.exact) {
        const slot = exactSlot(day, from, earliest, hours, options);
        if (slot) return { kind: 'exact', slot };
        if (!reading.date && windowStart.getTime() < earliest) continue; // "11h" already gone today: try tomorrow
      } else {
        // "jeudi matin", "after 3pm", "friday": the first open slot in it; the customer sees it at
        // the consent and the summary, where "other times" or another time changes it.
        const [first] = slotsWithin(day, from, reading.to ?? 24 * 60, now, hours, options);
        if (first) return { kind: 'exact', slot: first };
      }
      // A day alone is nearest to its middle, not to its midnight.
      nearestFrom ??= reading.exact || reading.from !== undefined ? windowStart : instantOf(day, 12 * 60, hours.timeZone);
      if (!reading.date) break;
    }
  }
  return { kind: 'outside', slots: nearestSlots(nearestFrom ?? now, now, hours, options) };
}

/** Half the slots just before the time asked for (when there are), the rest just after it. */
function nearestSlots(asked: Date, now: Date, hours: BusinessHours, options: SlotOptions): Slot[] {
  const dayBefore = new Date(asked.getTime() - 24 * 60 * MINUTE);
  const before = proposeSlots(now, hours, { ...options, count: 48 }, dayBefore)
    .filter((s) => new Date(s.start).getTime() < asked.getTime())
    .slice(-Math.floor(options.count / 2));
  const after = proposeSlots(now, hours, { ...options, count: options.count - before.length }, asked);
  return [...before, ...after];
}
