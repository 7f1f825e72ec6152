import { expect } from 'chai';
import { parseBusinessHours, type BusinessHours } from '../../../dialogs/contact/businessHours.js';
import { isWithinBusinessHours, proposeSlots, type Slot } from '../../../dialogs/contact/slots.js';

const paris = 'Europe/Paris';
const weekdays = parseBusinessHours('mon-fri 09:00-18:00', paris);
const withLunch = parseBusinessHours('mon-thu 08:30-12:00 14:00-17:00, fri 08:30-12:00', paris);
const hourly = { count: 3, slotMinutes: 60, minLeadMinutes: 60 };
const starts = (slots: Slot[]): string[] => slots.map((s) => s.start);

describe('proposing callback slots', () => {
  it('proposes Monday morning to someone asking on Friday at 17:30', () => {
    const slots = proposeSlots(new Date('2026-11-27T17:30:00+01:00'), weekdays, hourly);
    expect(slots).to.deep.equal([
      { start: '2026-11-30T09:00:00+01:00', end: '2026-11-30T10:00:00+01:00' },
      { start: '2026-11-30T10:00:00+01:00', end: '2026-11-30T11:00:00+01:00' },
      { start: '2026-11-30T11:00:00+01:00', end: '2026-11-30T12:00:00+01:00' },
    ]);
  });

  it('keeps the lead time and stays on the half-hour grid from opening time', () => {
    const slots = proposeSlots(new Date('2026-11-24T10:10:00+01:00'), weekdays, { count: 4, slotMinutes: 30, minLeadMinutes: 60 });
    expect(starts(slots)).to.deep.equal([
      '2026-11-24T11:30:00+01:00',
      '2026-11-24T12:00:00+01:00',
      '2026-11-24T12:30:00+01:00',
      '2026-11-24T13:00:00+01:00',
    ]);
    expect(slots[0]?.end).to.equal('2026-11-24T12:00:00+01:00');
  });

  it('offers a slot that starts exactly when the lead time runs out', () => {
    const slots = proposeSlots(new Date('2026-11-24T10:00:00+01:00'), weekdays, { ...hourly, count: 1 });
    expect(starts(slots)).to.deep.equal(['2026-11-24T11:00:00+01:00']);
  });

  it('counts slots from an opening time that is not on the hour', () => {
    const slots = proposeSlots(new Date('2026-11-23T07:00:00+01:00'), withLunch, hourly);
    expect(starts(slots)).to.deep.equal(['2026-11-23T08:30:00+01:00', '2026-11-23T09:30:00+01:00', '2026-11-23T10:30:00+01:00']);
  });

  it('skips the lunch break and a slot that would run past closing', () => {
    // 08:30 + n hours: 11:30-12:30 would overrun the noon closing.
    const slots = proposeSlots(new Date('2026-11-24T10:00:00+01:00'), withLunch, { count: 2, slotMinutes: 60, minLeadMinutes: 0 });
    expect(starts(slots)).to.deep.equal(['2026-11-24T10:30:00+01:00', '2026-11-24T14:00:00+01:00']);
  });

  it('moves to the next day when the lead time passes closing time', () => {
    const slots = proposeSlots(new Date('2026-11-24T17:10:00+01:00'), weekdays, { count: 1, slotMinutes: 30, minLeadMinutes: 60 });
    expect(starts(slots)).to.deep.equal(['2026-11-25T09:00:00+01:00']);
  });

  it('uses the business time zone, not the zone of the request', () => {
    const newYork = parseBusinessHours('mon-fri 09:00-17:00', 'America/New_York');
    const slots = proposeSlots(new Date('2026-11-24T10:10:00+01:00'), newYork, { count: 1, slotMinutes: 60, minLeadMinutes: 0 });
    expect(starts(slots)).to.deep.equal(['2026-11-24T09:00:00-05:00']);
  });

  it('proposes summer-time slots on the Monday after clocks go forward (Sunday 28 March 2027)', () => {
    const slots = proposeSlots(new Date('2027-03-26T17:30:00+01:00'), weekdays, hourly);
    expect(starts(slots)).to.deep.equal(['2027-03-29T09:00:00+02:00', '2027-03-29T10:00:00+02:00', '2027-03-29T11:00:00+02:00']);
  });

  it('proposes winter-time slots on the Monday after clocks go back (Sunday 31 October 2027)', () => {
    const slots = proposeSlots(new Date('2027-10-29T17:30:00+02:00'), weekdays, hourly);
    expect(starts(slots)).to.deep.equal(['2027-11-01T09:00:00+01:00', '2027-11-01T10:00:00+01:00', '2027-11-01T11:00:00+01:00']);
  });

  for (const night of ['2027-03-27T22:00:00+01:00', '2027-10-30T22:00:00+02:00']) {
    it(`never proposes a stretched, shrunk or overlapping slot over the clock change after ${night}`, () => {
      const always = parseBusinessHours('sun-sat 00:00-24:00', paris);
      const slots = proposeSlots(new Date(night), always, { count: 10, slotMinutes: 60, minLeadMinutes: 0 });
      expect(slots).to.have.length(10);
      for (const [i, slot] of slots.entries()) {
        expect(Date.parse(slot.end) - Date.parse(slot.start)).to.equal(3_600_000);
        const next = slots[i + 1];
        if (next) expect(Date.parse(next.start)).to.be.at.least(Date.parse(slot.end));
      }
    });
  }

  it('never proposes a slot outside business hours or too soon, whenever it is asked', () => {
    const options = { count: 5, slotMinutes: 45, minLeadMinutes: 90 };
    for (let t = Date.parse('2027-03-20T00:00:00Z'); t < Date.parse('2027-04-05T00:00:00Z'); t += 37 * 60_000) {
      const slots = proposeSlots(new Date(t), withLunch, options);
      expect(slots, new Date(t).toISOString()).to.have.length(5);
      for (const slot of slots) {
        expect(isWithinBusinessHours(slot, withLunch), `${slot.start} asked at ${new Date(t).toISOString()}`).to.equal(true);
        expect(Date.parse(slot.start) - t).to.be.at.least(90 * 60_000);
      }
    }
  });

  it('proposes nothing when asked for no slot or when the business never opens', () => {
    expect(proposeSlots(new Date('2026-11-24T10:00:00Z'), weekdays, { ...hourly, count: 0 })).to.deep.equal([]);
    const never: BusinessHours = { timeZone: paris, days: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] } };
    expect(proposeSlots(new Date('2026-11-24T10:00:00Z'), never, hourly)).to.deep.equal([]);
  });

  it('refuses a slot size that is not a positive whole number of minutes', () => {
    expect(() => proposeSlots(new Date(), weekdays, { ...hourly, slotMinutes: 0 })).to.throw(RangeError, /slotMinutes/);
  });
});

describe('re-checking a chosen slot against business hours', () => {
  const cases: Array<[string, Slot, boolean]> = [
    ['a slot inside the morning', { start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T10:00:00+01:00' }, true],
    ['the last slot before closing', { start: '2026-11-24T16:00:00+01:00', end: '2026-11-24T17:00:00+01:00' }, true],
    ['the same slot written in UTC', { start: '2026-11-24T15:00:00Z', end: '2026-11-24T16:00:00Z' }, true],
    ['a slot over the lunch break', { start: '2026-11-24T11:30:00+01:00', end: '2026-11-24T14:30:00+01:00' }, false],
    ['a slot that runs past closing', { start: '2026-11-24T16:30:00+01:00', end: '2026-11-24T17:30:00+01:00' }, false],
    ['a slot that starts before opening', { start: '2026-11-24T08:00:00+01:00', end: '2026-11-24T09:00:00+01:00' }, false],
    ['a Friday afternoon slot', { start: '2026-11-27T14:00:00+01:00', end: '2026-11-27T15:00:00+01:00' }, false],
    ['a Saturday slot', { start: '2026-11-28T09:00:00+01:00', end: '2026-11-28T10:00:00+01:00' }, false],
    ['a slot that ends before it starts', { start: '2026-11-24T10:00:00+01:00', end: '2026-11-24T09:00:00+01:00' }, false],
    ['a slot that is not a date', { start: 'tomorrow', end: 'later' }, false],
  ];
  for (const [what, slot, expected] of cases) {
    it(`says ${expected ? 'yes' : 'no'} to ${what}`, () => {
      expect(isWithinBusinessHours(slot, withLunch)).to.equal(expected);
    });
  }

  it('accepts a slot ending at midnight when the day is open until midnight', () => {
    const late = parseBusinessHours('sat 20:00-24:00', paris);
    expect(isWithinBusinessHours({ start: '2026-11-28T23:00:00+01:00', end: '2026-11-29T00:00:00+01:00' }, late)).to.equal(true);
    expect(isWithinBusinessHours({ start: '2026-11-28T23:00:00+01:00', end: '2026-11-29T00:30:00+01:00' }, late)).to.equal(false);
  });
});
