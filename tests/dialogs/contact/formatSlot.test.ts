import { expect } from 'chai';
import { formatSlot } from '../../../dialogs/contact/slots.js';

// ICU puts thin or narrow no-break spaces around the dash and before AM/PM,
// and their exact choice varies between Node versions: match any space.
const afternoon = { start: '2026-11-24T14:00:00+01:00', end: '2026-11-24T15:00:00+01:00' };
const aroundNoon = { start: '2026-11-24T11:30:00+01:00', end: '2026-11-24T12:30:00+01:00' };

describe('showing a slot to the user', () => {
  it('writes it in French with a 24-hour clock', () => {
    expect(formatSlot(afternoon, 'fr', 'Europe/Paris')).to.match(/^mardi 24 novembre, 14:00\s*–\s*15:00$/u);
  });

  it('writes it in English, day before month, with a 12-hour clock', () => {
    expect(formatSlot(afternoon, 'en', 'Europe/Paris')).to.match(/^Tuesday 24 November, 2:00\s*–\s*3:00\sPM$/u);
  });

  it('shows both halves of the day when a slot spans noon', () => {
    expect(formatSlot(aroundNoon, 'en', 'Europe/Paris')).to.match(/^Tuesday 24 November, 11:30\sAM\s*–\s*12:30\sPM$/u);
    expect(formatSlot(aroundNoon, 'fr', 'Europe/Paris')).to.match(/^mardi 24 novembre, 11:30\s*–\s*12:30$/u);
  });

  it('writes morning hours in French with two digits', () => {
    const early = { start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T09:30:00+01:00' };
    expect(formatSlot(early, 'fr', 'Europe/Paris')).to.match(/^mardi 24 novembre, 09:00\s*–\s*09:30$/u);
  });

  it('shows the time on the clocks of the zone it is given', () => {
    expect(formatSlot(afternoon, 'en', 'America/New_York')).to.match(/^Tuesday 24 November, 8:00\s*–\s*9:00\sAM$/u);
    expect(formatSlot(afternoon, 'fr', 'Asia/Kolkata')).to.match(/^mardi 24 novembre, 18:30\s*–\s*19:30$/u);
  });

  it('shows the date of the zone, not of UTC, near midnight', () => {
    const lateUtc = { start: '2026-11-24T23:30:00Z', end: '2026-11-25T00:00:00Z' };
    expect(formatSlot(lateUtc, 'fr', 'Europe/Paris')).to.match(/^mercredi 25 novembre, 00:30\s*–\s*01:00$/u);
  });
});
