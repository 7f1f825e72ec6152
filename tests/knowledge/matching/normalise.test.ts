import { expect } from 'chai';
import { cleanText, normalise, words, expandSynonyms } from '../../../knowledge/matching/normalise.js';

describe('normalising a message', () => {
  const table: Array<[string, 'fr' | 'en', string[]]> = [
    ["J'ai oublié mon mot de passe", 'fr', ['ai', 'oublie', 'mon', 'mot', 'de', 'passe']],
    ["L'appli ne démarre pas, qu'est-ce que je fais ?", 'fr', ['appli', 'ne', 'demarre', 'pas', 'est', 'ce', 'que', 'je', 'fais']],
    ['Où est l’option « sauvegarde » ?', 'fr', ['ou', 'est', 'option', 'sauvegarde']],
    ["jusqu'à quand d'abord", 'fr', ['a', 'quand', 'abord']],
    ["I can't sign in, it's broken", 'en', ['i', 'can', 'not', 'sign', 'in', 'it', 'broken']],
    ["Scriba doesn't start", 'en', ['scriba', 'does', 'not', 'start']],
    ['ＳＣＲＩＢＡ full-width', 'en', ['scriba', 'full', 'width']],
    ['tab\there\u0000and\u0007bell', 'en', ['tab', 'here', 'and', 'bell']],
  ];
  for (const [input, lang, expected] of table) {
    it(`splits ${JSON.stringify(input)} (${lang}) into ${expected.join(' ')}`, () => {
      expect(words(input, lang)).to.deep.equal(expected);
    });
  }

  it('keeps accents in cleaned text for display and language detection', () => {
    expect(cleanText('Réinitialiser')).to.equal('réinitialiser');
  });

  it('stems French and English words the same way with or without accents', () => {
    const [a] = normalise('réinitialisation', 'fr');
    const [b] = normalise('reinitialisation', 'fr');
    expect(a!.stem).to.equal(b!.stem);
    expect(normalise('passwords', 'en')[0]!.stem).to.equal(normalise('password', 'en')[0]!.stem);
  });

  it('keeps negations, which other stop-word lists drop', () => {
    const tokens = normalise('je ne peux pas me connecter', 'fr');
    expect(tokens.find((t) => t.surface === 'pas')!.stop).to.equal(false);
    expect(tokens.find((t) => t.surface === 'je')!.stop).to.equal(true);
  });

  it('expands abbreviations from the synonyms file', () => {
    expect(expandSynonyms(['mdp', 'perdu'], { mdp: 'mot de passe' }, 'fr')).to.deep.equal(['mot', 'de', 'passe', 'perdu']);
    expect(normalise('pwd reset', 'en', { pwd: 'password' }).map((t) => t.surface)).to.deep.equal(['password', 'reset']);
  });

  it('does not mistake an inherited object key for a synonym', () => {
    expect(expandSynonyms(['constructor', 'tostring'], {}, 'en')).to.deep.equal(['constructor', 'tostring']);
  });
});

describe('French "plus": the edition, or "no longer"', () => {
  // How customers type it: the "ne" of the negation dropped, typos around the edition's name.
  const cases: Array<[string, 'edition' | 'negation']> = [
    ['activer scriba plus', 'edition'],
    ['activer scirba plus', 'edition'],
    ['passer de standard a plus', 'edition'],
    ["j'ai acheté plus comment l'activer", 'edition'],
    ['difference entre standard et plus', 'edition'],
    ['comment on active la clé plus ?', 'edition'],
    ['le scanner ne marche plus', 'negation'],
    ["l'appli n'affiche plus les factures", 'negation'],
    ['la connexion sso marche plus', 'negation'],
    ['ca fonctionne plus depuis la maj', 'negation'],
    ["l'imprimante imprime plus rien", 'negation'],
    ["scriba s'ouvre plus", 'negation'],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected === 'edition' ? 'the edition' : 'a negation'}`, () => {
      const plus = normalise(text, 'fr').find((t) => t.surface === 'plus' || t.surface === 'ne-plus');
      expect(plus?.stop ? 'negation' : 'edition').to.equal(expected);
    });
  }

  // A short French message is often taken for English: that reading must not find the edition either.
  for (const text of ['teams marche plus en visio', 'scanner marche plus']) {
    it(`reads "${text}" as a negation when normalised as English too`, () => {
      expect(normalise(text, 'en').find((t) => t.surface === 'ne-plus')?.stop).to.equal(true);
    });
  }
  it('leaves the English "plus" alone ("scriba plus license")', () => {
    expect(normalise('scriba plus license', 'en').find((t) => t.surface === 'plus')?.stop).to.equal(false);
  });
});
