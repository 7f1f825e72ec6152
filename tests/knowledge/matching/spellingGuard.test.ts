import { expect } from 'chai';
import { createIntentIndex } from '../../../knowledge/matching/intentIndex.js';
import { generalDictionary, type Dictionary } from '../../../knowledge/matching/dictionary.js';

describe('the speller leaves real words alone', () => {
  const examples = [
    { text: 'enter my activation key', label: 'activate', lang: 'en' as const },
    { text: 'where is the activation code', label: 'activate', lang: 'en' as const },
    { text: 'download an invoice', label: 'invoice', lang: 'en' as const },
    { text: 'pay an invoice', label: 'invoice', lang: 'en' as const },
  ];
  const realWords: Dictionary = { has: (word) => ['motivation', 'activations', 'letter'].includes(word) };
  const guarded = createIntentIndex(examples, { dictionary: realWords });
  const unguarded = createIntentIndex(examples, { dictionary: { has: () => false } });
  const top = (index: typeof guarded, text: string) => index.rank(text, 'en', 1)[0];

  it('does not turn a real word into a KB word ("motivation" is not "activation")', () => {
    expect(top(unguarded, 'motivation')?.label, 'without the guard').to.equal('activate');
    expect(top(guarded, 'motivation')?.score ?? 0).to.equal(0);
  });

  it('still joins an inflection of a KB word to it, as fully known', () => {
    const inflected = top(guarded, 'activations')!;
    expect(inflected.label).to.equal('activate');
    expect(inflected.score).to.be.closeTo(top(guarded, 'activation')!.score, 0.05);
  });

  it('still corrects a typo, with less confidence than the word spelt right', () => {
    const typo = top(guarded, 'activaton')!;
    expect(typo.label).to.equal('activate');
    expect(typo.score).to.be.lessThan(top(guarded, 'activation')!.score);
  });

  it('knows French and English words from the general word lists, accents or not', () => {
    const dictionary = generalDictionary();
    const table: Array<[string, 'fr' | 'en', boolean]> = [
      ['motivation', 'en', true],
      ['translate', 'en', true],
      ['demenager', 'fr', true],
      ['sauvegarde', 'fr', true],
      ['sauvegrades', 'fr', false],
      ['paiment', 'fr', false],
      ['pasword', 'en', false],
    ];
    for (const [word, lang, known] of table) expect(dictionary.has(word, lang), `${word} (${lang})`).to.equal(known);
  });
});
