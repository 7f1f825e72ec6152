import { expect } from 'chai';
import { isoWithOffset, monthKey } from '../../tickets/zonedTime.js';

describe('times in a time zone', () => {
  const cases: Array<[string, string, string]> = [
    ['2026-11-23T13:05:09Z', 'Europe/Paris', '2026-11-23T14:05:09+01:00'],
    ['2026-07-01T12:00:00Z', 'Europe/Paris', '2026-07-01T14:00:00+02:00'],
    ['2026-03-29T00:59:59Z', 'Europe/Paris', '2026-03-29T01:59:59+01:00'], // last second of winter time
    ['2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00:00+02:00'], // clocks jump from 2:00 to 3:00
    ['2026-10-25T00:59:59Z', 'Europe/Paris', '2026-10-25T02:59:59+02:00'], // last second of summer time
    ['2026-10-25T01:00:00Z', 'Europe/Paris', '2026-10-25T02:00:00+01:00'], // 2:00 to 3:00 again
    // Newfoundland changes at 05:30 UTC, within an hour: before and after, in the same UTC hour.
    ['2026-03-08T05:29:59Z', 'America/St_Johns', '2026-03-08T01:59:59-03:30'],
    ['2026-03-08T05:30:00Z', 'America/St_Johns', '2026-03-08T03:00:00-02:30'],
    ['2026-03-08T05:10:00Z', 'America/St_Johns', '2026-03-08T01:40:00-03:30'],
    ['2026-11-23T13:05:09.999Z', 'Europe/Paris', '2026-11-23T14:05:09+01:00'], // to the second
    ['2026-11-23T13:05:09Z', 'America/New_York', '2026-11-23T08:05:09-05:00'],
    ['2026-11-23T13:05:09Z', 'Asia/Kolkata', '2026-11-23T18:35:09+05:30'],
    ['2026-11-23T13:05:09Z', 'UTC', '2026-11-23T13:05:09+00:00'],
  ];
  for (const [instant, zone, expected] of cases) {
    it(`writes ${instant} in ${zone} as ${expected}`, () => {
      expect(isoWithOffset(new Date(instant), zone)).to.equal(expected);
    });
  }

  it('puts the last half hour of November UTC into December in Paris', () => {
    expect(monthKey(new Date('2026-11-30T23:30:00Z'), 'Europe/Paris')).to.equal('2026-12');
    expect(monthKey(new Date('2026-11-30T23:30:00Z'), 'UTC')).to.equal('2026-11');
  });
});
