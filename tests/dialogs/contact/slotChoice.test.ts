// Callback times typed in the customer's words, read by the Bot Framework's recognizers and turned
// into slots. The clock: Tuesday 24 November 2026, 10:00 in Paris; calls Mon–Fri 09:00–18:00.
import { expect } from 'chai';
import { parseBusinessHours } from '../../../dialogs/contact/businessHours.js';
import { slotsForWish } from '../../../dialogs/contact/slotChoice.js';
import { asksAsap, readTime, warmUpDateTimes } from '../../../dialogs/understand/dateTimes.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const hours = parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris');
const options = { count: 4, slotMinutes: 60, minLeadMinutes: 60 };
const wall = (iso: string) => iso.slice(0, 16);

describe('a callback time typed in words', function () {
  this.timeout(20_000);
  before(() => warmUpDateTimes());

  const exact: Array<[string, 'fr' | 'en', string]> = [
    ['demain 14h', 'fr', '2026-11-25T14:00'],
    ['demain a 14h', 'fr', '2026-11-25T14:00'],
    ['demain après 15h', 'fr', '2026-11-25T15:00'],
    ['jeudi matin', 'fr', '2026-11-26T09:00'],
    ['jeudi aprem', 'fr', '2026-11-26T12:00'],
    ['lundi prochain 10h', 'fr', '2026-11-30T10:00'],
    ['à 11h', 'fr', '2026-11-24T11:00'],
    ['9h', 'fr', '2026-11-25T09:00'], // 9:00 today is gone: tomorrow
    ['tomorrow after 3pm', 'en', '2026-11-25T15:00'],
    ['tmrw 2pm', 'en', '2026-11-25T14:00'],
    ['change the time to friday 10am', 'en', '2026-11-27T10:00'],
  ];
  for (const [typed, lang, start] of exact) {
    it(`"${typed}" is ${start}`, () => {
      const wish = readTime(typed, lang, NOW, 'Europe/Paris');
      expect(wish, 'read as a time').to.not.equal(undefined);
      const choice = slotsForWish(wish!, NOW, hours, options);
      expect(choice.kind).to.equal('exact');
      if (choice.kind === 'exact') expect(wall(choice.slot.start)).to.equal(start);
    });
  }

  const outside: Array<[string, 'fr' | 'en', string[]]> = [
    ['samedi', 'fr', ['2026-11-27T16:00', '2026-11-27T17:00', '2026-11-30T09:00', '2026-11-30T10:00']],
    ['8pm', 'en', ['2026-11-24T16:00', '2026-11-24T17:00', '2026-11-25T09:00', '2026-11-25T10:00']],
    ['17h30', 'fr', ['2026-11-24T16:00', '2026-11-24T17:00', '2026-11-25T09:00', '2026-11-25T10:00']],
  ];
  for (const [typed, lang, starts] of outside) {
    it(`"${typed}" is outside the hours: the nearest times around it`, () => {
      const choice = slotsForWish(readTime(typed, lang, NOW, 'Europe/Paris')!, NOW, hours, options);
      expect(choice.kind).to.equal('outside');
      if (choice.kind === 'outside') expect(choice.slots.map((s) => wall(s.start))).to.deep.equal(starts);
    });
  }

  it('"as soon as possible" is the first open slot', () => {
    expect(asksAsap('le plus tôt possible')).to.equal(true);
    expect(asksAsap('asap please')).to.equal(true);
    expect(asksAsap('demain 14h')).to.equal(false);
    const choice = slotsForWish('asap', NOW, hours, options);
    expect(choice.kind === 'exact' && wall(choice.slot.start)).to.equal('2026-11-24T11:00');
  });

  it('reads no time in a name, a yes or a question', () => {
    for (const typed of ['Paul Martin', 'oui', 'mon scanner ne marche plus', 'the first one']) expect(readTime(typed, 'fr', NOW, 'Europe/Paris'), typed).to.equal(undefined);
  });
});
