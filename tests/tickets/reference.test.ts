import { expect } from 'chai';
import { formatReference, parseReference } from '../../tickets/reference.js';

describe('request references', () => {
  describe('formatting', () => {
    it('writes the level, the date and a four-digit number', () => {
      expect(formatReference(1, new Date('2026-11-23T13:05:09Z'), 42, 'Europe/Paris')).to.equal('L1-20261123-0042');
      expect(formatReference(2, new Date('2026-11-23T13:05:09Z'), 7, 'Europe/Paris')).to.equal('L2-20261123-0007');
    });

    it('uses more digits once the number passes 9999', () => {
      expect(formatReference(1, new Date('2026-11-23T13:05:09Z'), 12345, 'Europe/Paris')).to.equal('L1-20261123-12345');
    });

    const days: Array<[string, string, string]> = [
      ['2026-11-23T23:30:00Z', 'Europe/Paris', '20261124'], // already past midnight in Paris
      ['2026-11-23T22:59:59Z', 'Europe/Paris', '20261123'], // 23:59:59 in Paris
      ['2026-06-30T22:30:00Z', 'Europe/Paris', '20260701'], // summer time, UTC+2
      ['2026-11-24T03:00:00Z', 'America/New_York', '20261123'], // still the evening before
      ['2026-11-23T23:30:00Z', 'UTC', '20261123'],
    ];
    for (const [instant, zone, date] of days) {
      it(`dates ${instant} as ${date} in ${zone}`, () => {
        expect(formatReference(1, new Date(instant), 1, zone)).to.equal(`L1-${date}-0001`);
      });
    }

    it('dates in Paris when no zone is given', () => {
      expect(formatReference(1, new Date('2026-11-23T23:30:00Z'), 1)).to.equal('L1-20261124-0001');
    });

    it('refuses a number that cannot come from the counter', () => {
      expect(() => formatReference(1, new Date(), 0)).to.throw(RangeError, /from 1/);
      expect(() => formatReference(1, new Date(), 1.5)).to.throw(RangeError);
    });
  });

  describe('finding one in what a user wrote', () => {
    const found: Array<[string, string]> = [
      ['where is my ticket l1-20261123-0042 please', 'L1-20261123-0042'],
      ['L1-20261123-0042', 'L1-20261123-0042'],
      ['mon dossier L2 20261123 7 ?', 'L2-20261123-0007'],
      ['ref: l1_20261123_42.', 'L1-20261123-0042'],
      ['réf. L1‑20261123‑0042 (copied from Word)', 'L1-20261123-0042'], // non-breaking hyphens
      ['(L1-20261123-12345)', 'L1-20261123-12345'],
      ['first L2-20261124-0003 then L1-20261123-0042', 'L2-20261124-0003'],
      ['not a date L1-20261399-0001 but L1-20261123-0002 is', 'L1-20261123-0002'],
    ];
    for (const [text, reference] of found) {
      it(`finds ${reference} in "${text}"`, () => {
        expect(parseReference(text)?.reference).to.equal(reference);
      });
    }

    it('splits it into level, date and number', () => {
      expect(parseReference('l2-20261123-0007')).to.deep.equal({ level: 2, date: '20261123', counter: 7, reference: 'L2-20261123-0007' });
    });

    const notFound = [
      'no reference here',
      'L3-20261123-0042', // no such prefix: levels 3 and 4 are numbered as L1
      'L1-20260230-0001', // 30 February
      'L1-20261123-0000',
      'HTML1-20261123-0042', // part of a longer word
      'L1-2026112',
    ];
    for (const text of notFound) {
      it(`finds nothing in "${text}"`, () => {
        expect(parseReference(text)).to.equal(undefined);
      });
    }
  });
});
