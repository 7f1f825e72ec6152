import { expect } from 'chai';
import { BusinessHoursError, parseBusinessHours, type OpeningRange, type Weekday } from '../../../dialogs/contact/businessHours.js';

const h = (hh: number, mm = 0): number => hh * 60 + mm;
const closed: OpeningRange[] = [];

describe('reading business hours from configuration', () => {
  it('reads a plain working week', () => {
    const hours = parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris');
    const day = [{ start: h(9), end: h(18) }];
    expect(hours).to.deep.equal({ timeZone: 'Europe/Paris', days: { 0: closed, 1: day, 2: day, 3: day, 4: day, 5: day, 6: closed } });
  });

  it('reads a shorter Friday given as a second group', () => {
    const hours = parseBusinessHours('mon-thu 08:30-17:00, fri 08:30-12:00', 'Europe/Paris');
    expect(hours.days[4]).to.deep.equal([{ start: h(8, 30), end: h(17) }]);
    expect(hours.days[5]).to.deep.equal([{ start: h(8, 30), end: h(12) }]);
    expect(hours.days[6]).to.deep.equal([]);
  });

  it('reads a lunch break as two ranges on the same days', () => {
    const hours = parseBusinessHours('mon-fri 09:00-12:00 14:00-18:00', 'Europe/Paris');
    expect(hours.days[3]).to.deep.equal([{ start: h(9), end: h(12) }, { start: h(14), end: h(18) }]);
  });

  it('reads a list of days, in any case, with French-style 9h00 times', () => {
    const hours = parseBusinessHours('Mon, WED, fri 9h00-12h30; sat 10:00-12:00', 'Europe/Paris');
    expect(([1, 3, 5] as Weekday[]).map((d) => hours.days[d])).to.deep.equal([
      [{ start: h(9), end: h(12, 30) }],
      [{ start: h(9), end: h(12, 30) }],
      [{ start: h(9), end: h(12, 30) }],
    ]);
    expect(hours.days[2]).to.deep.equal([]);
    expect(hours.days[6]).to.deep.equal([{ start: h(10), end: h(12) }]);
  });

  it('reads a day range that wraps over the weekend', () => {
    const hours = parseBusinessHours('fri-mon 10:00-16:00', 'UTC');
    const open = ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).filter((d) => hours.days[d].length > 0);
    expect(open).to.deep.equal([0, 1, 5, 6]);
  });

  it('reads a day open until midnight', () => {
    expect(parseBusinessHours('sat 20:00-24:00', 'UTC').days[6]).to.deep.equal([{ start: h(20), end: h(24) }]);
  });

  it('keeps ranges of a day in order whatever order they were given in', () => {
    const hours = parseBusinessHours('mon 14:00-18:00, mon 09:00-12:00', 'UTC');
    expect(hours.days[1].map((r) => r.start)).to.deep.equal([h(9), h(14)]);
  });

  it('stores the time zone under its canonical name', () => {
    expect(parseBusinessHours('mon 09:00-10:00', 'europe/paris').timeZone).to.equal('Europe/Paris');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['mon-fro 09:00-18:00', 'Europe/Paris', /^BUSINESS_HOURS: 'mon-fro' is not a day range$/],
    ['mon-tue-wed 09:00-18:00', 'Europe/Paris', /^BUSINESS_HOURS: 'mon-tue-wed' is not a day range$/],
    ['monday 09:00-18:00', 'Europe/Paris', /^BUSINESS_HOURS: 'monday' is not a day \(use sun, mon, tue, wed, thu, fri, sat\)$/],
    ['mon-fri 9-18', 'Europe/Paris', /^BUSINESS_HOURS: '9-18' is not a time range \(expected HH:MM-HH:MM\)$/],
    ['mon-fri 09:00-25:00', 'Europe/Paris', /^BUSINESS_HOURS: '09:00-25:00' is not a time range/],
    ['mon-fri 09:75-18:00', 'Europe/Paris', /^BUSINESS_HOURS: '09:75-18:00' is not a time range/],
    ['mon-fri 09:00', 'Europe/Paris', /^BUSINESS_HOURS: '09:00' is not a time range/],
    ['mon-fri 18:00-09:00', 'Europe/Paris', /^BUSINESS_HOURS: '18:00-09:00' ends before it starts$/],
    ['mon-fri 09:00-09:00', 'Europe/Paris', /^BUSINESS_HOURS: '09:00-09:00' ends before it starts$/],
    ['09:00-18:00 mon-fri', 'Europe/Paris', /^BUSINESS_HOURS: '09:00-18:00' has no day before it$/],
    ['mon-fri', 'Europe/Paris', /^BUSINESS_HOURS: 'mon-fri' has no opening hours after it$/],
    ['mon-fri 09:00-18:00, sat', 'Europe/Paris', /^BUSINESS_HOURS: 'sat' has no opening hours after it$/],
    ['mon-fri 09:00-18:00, sat, sun', 'Europe/Paris', /^BUSINESS_HOURS: 'sat, sun' has no opening hours after it$/],
    ['mon-fri 09:00-18:00, wed 12:00-20:00', 'Europe/Paris', /^BUSINESS_HOURS: wed 12:00-20:00 overlaps 09:00-18:00$/],
    ['', 'Europe/Paris', /^BUSINESS_HOURS: no opening hours given \(example: mon-fri 09:00-18:00\)$/],
    ['mon-fri 09:00-18:00', 'Europe/Pariss', /^BUSINESS_HOURS: unknown time zone 'Europe\/Pariss'$/],
    ['mon-fri 09:00-18:00', '', /^BUSINESS_HOURS: unknown time zone ''$/],
  ];
  for (const [spec, zone, message] of bad) {
    it(`refuses ${JSON.stringify(spec)} in ${JSON.stringify(zone)} with a message naming the fault`, () => {
      expect(() => parseBusinessHours(spec, zone)).to.throw(BusinessHoursError, message);
    });
  }

  it('throws an ordinary Error subclass, so a config loader can catch it as such', () => {
    expect(() => parseBusinessHours('nope', 'UTC')).to.throw(Error);
  });
});
