import { expect } from 'chai';
import { instantOf, localDate, offsetMinutesAt, toZonedIso, wallTimeOf } from '../../../dialogs/contact/zonedTime.js';

const paris = 'Europe/Paris';

describe('clock times in a time zone', () => {
  const offsets: Array<[string, string, number]> = [
    ['2026-11-24T13:00:00Z', paris, 60],
    ['2026-07-01T12:00:00Z', paris, 120],
    ['2027-03-28T00:59:59Z', paris, 60],
    ['2027-03-28T01:00:00Z', paris, 120],
    ['2026-11-24T13:00:00Z', 'America/New_York', -300],
    ['2026-11-24T13:00:00Z', 'Asia/Kolkata', 330],
    ['2026-11-24T13:00:00Z', 'UTC', 0],
  ];
  for (const [instant, zone, offset] of offsets) {
    it(`finds ${zone} at ${offset} minutes from UTC at ${instant}`, () => {
      expect(offsetMinutesAt(new Date(instant), zone)).to.equal(offset);
    });
  }

  it('reads the wall clock, weekday included', () => {
    expect(wallTimeOf(new Date('2026-11-24T13:05:09Z'), paris)).to.deep.equal({ year: 2026, month: 11, day: 24, weekday: 2, minutes: 14 * 60 + 5, seconds: 9 });
  });

  it('reads midnight as minute 0, not 24:00', () => {
    expect(wallTimeOf(new Date('2026-11-23T23:00:00Z'), paris)).to.include({ day: 24, minutes: 0 });
  });

  it('steps calendar dates over month and year ends', () => {
    expect(localDate(2026, 12, 31, 1)).to.deep.equal({ year: 2027, month: 1, day: 1, weekday: 5 });
  });

  const isoCases: Array<[string, string, string]> = [
    ['2026-11-24T13:00:00Z', paris, '2026-11-24T14:00:00+01:00'],
    ['2026-07-01T12:00:00Z', paris, '2026-07-01T14:00:00+02:00'],
    ['2026-11-24T13:00:00Z', 'America/New_York', '2026-11-24T08:00:00-05:00'],
    ['2026-11-24T13:00:00Z', 'Asia/Kolkata', '2026-11-24T18:30:00+05:30'],
    ['2026-11-24T13:00:00Z', 'UTC', '2026-11-24T13:00:00+00:00'],
  ];
  for (const [instant, zone, iso] of isoCases) {
    it(`writes ${instant} in ${zone} as ${iso}`, () => {
      expect(toZonedIso(new Date(instant), zone)).to.equal(iso);
      expect(new Date(iso).getTime()).to.equal(new Date(instant).getTime());
    });
  }

  describe('turning a wall-clock time back into an instant', () => {
    const at = (date: [number, number, number], hh: number, mm: number, zone = paris): string =>
      toZonedIso(instantOf(localDate(...date), hh * 60 + mm, zone), zone);

    it('uses the winter offset in winter and the summer offset in summer', () => {
      expect(at([2027, 3, 27], 9, 0)).to.equal('2027-03-27T09:00:00+01:00');
      expect(at([2027, 3, 29], 9, 0)).to.equal('2027-03-29T09:00:00+02:00');
    });

    it('pushes a time skipped when clocks go forward past the gap', () => {
      expect(at([2027, 3, 28], 2, 30)).to.equal('2027-03-28T03:30:00+02:00');
    });

    it('takes the first of the two times repeated when clocks go back', () => {
      expect(at([2027, 10, 31], 2, 30)).to.equal('2027-10-31T02:30:00+02:00');
      expect(at([2027, 10, 31], 3, 0)).to.equal('2027-10-31T03:00:00+01:00');
    });

    it('reads minute 1440 as the next midnight', () => {
      expect(at([2026, 11, 24], 24, 0)).to.equal('2026-11-25T00:00:00+01:00');
    });

    it('works west of UTC too', () => {
      expect(at([2027, 3, 14], 9, 0, 'America/New_York')).to.equal('2027-03-14T09:00:00-04:00');
      expect(at([2027, 3, 13], 9, 0, 'America/New_York')).to.equal('2027-03-13T09:00:00-05:00');
    });
  });
});
