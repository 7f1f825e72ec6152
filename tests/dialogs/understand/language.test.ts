import { expect } from 'chai';
import { nextLanguage, runningWords, startLanguage, SUBSTANTIAL_WORDS, type LanguageSignal, type LanguageState } from '../../../dialogs/understand/language.js';

const fr = (settled = true, otherInARow = 0): LanguageState => ({ lang: 'fr', settled, otherInARow });
const said = (lang: 'fr' | 'en', words: number, reliable = true): LanguageSignal => ({ detected: { lang, reliable }, substantial: words >= SUBSTANTIAL_WORDS });

describe("the conversation's language", () => {
  it('starts from the client locale, unsettled', () => {
    expect(startLanguage('fr-CA', 'en')).to.deep.equal({ lang: 'fr', settled: false, otherInARow: 0 });
    expect(startLanguage('en-GB', 'fr')).to.deep.equal({ lang: 'en', settled: false, otherInARow: 0 });
    expect(startLanguage('de-DE', 'fr').lang).to.equal('fr');
  });

  const table: Array<[string, LanguageState, LanguageSignal, { lang: 'fr' | 'en'; changed: boolean; settled?: boolean; otherInARow?: number }]> = [
    ['the first clear message settles it, even against the locale', fr(false), said('en', 7), { lang: 'en', changed: true, settled: true }],
    ['a first clear message in the same language settles it', fr(false), said('fr', 5), { lang: 'fr', changed: false, settled: true }],
    ['"pb nas synology" says nothing: too few words', fr(false), said('en', 2), { lang: 'fr', changed: false, settled: false }],
    ['"ok" says nothing', fr(), said('en', 1), { lang: 'fr', changed: false, otherInARow: 0 }],
    ['an English-looking name says nothing', fr(), said('en', 2), { lang: 'fr', changed: false }],
    ['an unreliable reading says nothing', fr(), said('en', 6, false), { lang: 'fr', changed: false }],
    ['one English sentence in a French conversation is counted, not followed', fr(), said('en', 6), { lang: 'fr', changed: false, otherInARow: 1 }],
    ['the second in a row switches', fr(true, 1), said('en', 6), { lang: 'en', changed: true, otherInARow: 0 }],
    ['a French sentence in between starts the count again', fr(true, 1), said('fr', 6), { lang: 'fr', changed: false, otherInARow: 0 }],
    ['a short reply in between does not', fr(true, 1), said('fr', 1), { lang: 'fr', changed: false, otherInARow: 1 }],
    ['asking switches at once', fr(), { asked: 'en', substantial: false }, { lang: 'en', changed: true, settled: true }],
    ['asking for the current language changes nothing', fr(), { asked: 'fr', substantial: false }, { lang: 'fr', changed: false }],
  ];
  for (const [what, state, signal, expected] of table) {
    it(what, () => {
      const next = nextLanguage(state, signal);
      expect(next.state.lang).to.equal(expected.lang);
      expect(next.changed).to.equal(expected.changed);
      if (expected.settled !== undefined) expect(next.state.settled).to.equal(expected.settled);
      if (expected.otherInARow !== undefined) expect(next.state.otherInARow).to.equal(expected.otherInARow);
    });
  }

  it('counts running words, not what the entities left behind', () => {
    expect(runningWords('mon scanner ne marche plus')).to.equal(5);
    expect(runningWords('rappelez moi au svp')).to.equal(4);
    expect(runningWords('👍 ok')).to.equal(1);
    expect(runningWords('')).to.equal(0);
  });
});
