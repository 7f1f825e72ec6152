import { expect } from 'chai';
import { addBusinessHours } from '../../../dialogs/contact/businessTime.js';
import { parseBusinessHours } from '../../../dialogs/contact/businessHours.js';

describe('time counted in business hours', () => {
  const paris = parseBusinessHours('mon-fri 09:00-12:30,13:30-18:00', 'Europe/Paris');
  // [start (UTC), business hours, due (UTC)]; Paris is UTC+1 in winter, UTC+2 in summer.
  const cases: Array<[string, string, number, string]> = [
    ['within the same morning: 09:00 + 2 h is 11:00', '2026-11-24T08:00:00Z', 2, '2026-11-24T10:00:00.000Z'],
    ['across the lunch break', '2026-11-24T10:30:00Z', 2, '2026-11-24T13:30:00.000Z'],
    ['Friday 17:00 + 8 h is Monday 17:00 (the weekend and lunch left out)', '2026-11-27T16:00:00Z', 8, '2026-11-30T16:00:00.000Z'],
    ['made at night: counts from the next opening', '2026-11-24T21:00:00Z', 1, '2026-11-25T09:00:00.000Z'],
    ['made on Saturday: from Monday 09:00', '2026-11-28T10:00:00Z', 4, '2026-11-30T13:00:00.000Z'],
    ['across the clock change (Sunday 29 March 2026)', '2026-03-27T16:00:00Z', 2, '2026-03-30T08:00:00.000Z'],
    ['ends exactly at closing time, not the next morning', '2026-11-24T16:00:00Z', 1, '2026-11-24T17:00:00.000Z'],
  ];
  for (const [what, start, hours, due] of cases) {
    it(what, () => expect(addBusinessHours(new Date(start), hours, paris).toISOString()).to.equal(due));
  }
});
