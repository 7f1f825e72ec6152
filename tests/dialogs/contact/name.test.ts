import { expect } from 'chai';
import { validateName } from '../../../dialogs/contact/name.js';

describe('checking a person\'s name', () => {
  const accepted: Array<[string, string]> = [
    ['Jean Dupont', 'Jean Dupont'],
    ['  Marie-Hélène  ', 'Marie-Hélène'],
    ["Anne-Sophie O'Connor", "Anne-Sophie O'Connor"],
    ['Jean   Dupont', 'Jean Dupont'],
    ['Li', 'Li'],
    ['Jose\u0301', 'José'],
    ['Ζωή Παπαδοπούλου', 'Ζωή Παπαδοπούλου'],
    ['Louis XIV', 'Louis XIV'],
    ['é'.repeat(80), 'é'.repeat(80)],
  ];
  for (const [input, name] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${JSON.stringify(name)}`, () => {
      expect(validateName(input)).to.deep.equal({ ok: true, name });
    });
  }

  it('stores a decomposed accent in its composed form', () => {
    const result = validateName('Jose\u0301');
    expect(result.ok && result.name.length).to.equal(4);
  });

  const refused: Array<[string, string]> = [
    ['', 'empty'],
    [' \t ', 'empty'],
    ['J', 'invalid'],
    ['12', 'invalid'],
    ['--', 'invalid'],
    ['Jean\tDupont', 'invalid'],
    ['Jean\nDupont', 'invalid'],
    ['Jean\u0000', 'invalid'],
    ['a'.repeat(81), 'invalid'],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input)} as ${reason}`, () => {
      expect(validateName(input)).to.deep.equal({ ok: false, reason });
    });
  }
});
