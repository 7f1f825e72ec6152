import { expect } from 'chai';
import { createSpeller, editDistance } from '../../../knowledge/matching/speller.js';

describe('correcting a misspelt word against the KB vocabulary', () => {
  const speller = createSpeller(new Map([['password', 10], ['passport', 1], ['install', 5], ['invoice', 4], ['database', 6], ['reinitialiser', 3]]));

  const table: Array<[string, string]> = [
    ['pasword', 'password'], // deletion
    ['passwrod', 'password'], // swap
    ['instal', 'install'],
    ['invocie', 'invoice'],
    ['databsae', 'database'],
    ['reinitalisser', 'reinitialiser'], // two edits in a long word
    ['password', 'password'], // known words stay
    ['weather', 'weather'], // nothing close: left alone
    ['bdd', 'bdd'], // too short to correct safely
  ];
  for (const [typo, expected] of table) {
    it(`reads "${typo}" as "${expected}"`, () => expect(speller.correct(typo)).to.equal(expected));
  }

  it('prefers the commoner word when two are as close', () => {
    const s = createSpeller(new Map([['card', 1], ['care', 9]]));
    expect(s.correct('carx')).to.equal('care');
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('form', 'from', 2)).to.equal(1);
    expect(editDistance('abc', 'xyz', 1)).to.be.greaterThan(1);
  });
});
