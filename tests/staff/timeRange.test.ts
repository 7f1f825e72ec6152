import { expect } from 'chai';
import { daysBetween, isoTimeText, rangeOf } from '../../staff/timeRange.js';

describe('time ranges in staff queries', () => {
  it('reads a date alone as whole days in Paris, `to` included', () => {
    const range = rangeOf({ from: '2026-11-01', to: '2026-11-30' }, 'Europe/Paris');
    expect(range.from?.toISOString()).to.equal('2026-10-31T23:00:00.000Z');
    expect(range.to?.toISOString()).to.equal('2026-11-30T23:00:00.000Z');
  });

  it('finds midnight on the day summer time ends', () => {
    expect(rangeOf({ from: '2026-10-25' }, 'Europe/Paris').from?.toISOString()).to.equal('2026-10-24T22:00:00.000Z');
  });

  it('takes a full ISO time as it is', () => {
    expect(rangeOf({ from: '2026-11-23T09:00:00+01:00' }, 'Europe/Paris').from?.toISOString()).to.equal('2026-11-23T08:00:00.000Z');
  });

  it('refuses a time without its zone and text that is not a time', () => {
    for (const bad of ['2026-11-23T09:00:00', 'yesterday', '2026-13-45', '23/11/2026']) expect(isoTimeText.safeParse(bad).success, bad).to.equal(false);
  });

  it('lists the calendar days a range touches', () => {
    expect(daysBetween(new Date('2026-10-24T22:00:00Z'), new Date('2026-10-27T10:00:00Z'), 'Europe/Paris'))
      .to.deep.equal(['2026-10-25', '2026-10-26', '2026-10-27']);
  });
});
