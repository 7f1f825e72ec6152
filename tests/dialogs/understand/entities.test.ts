import { expect } from 'chai';
import { findEntities } from '../../../dialogs/understand/entities.js';

describe('values found in any message', () => {
  const table: Array<[string, Partial<ReturnType<typeof findEntities>>]> = [
    ['rappelez moi au 06 12 34 56 78 svp', { phones: [{ e164: '+33612345678', international: '+33 6 12 34 56 78' }], rest: 'rappelez moi au svp' }],
    ['call me back on +44 20 7946 0958', { phones: [{ e164: '+442079460958', international: '+44 20 7946 0958' }] }],
    ["non c'est le 07 81 23 45 67", { phones: [{ e164: '+33781234567', international: '+33 7 81 23 45 67' }] }],
    ['06 12 34 56', { phones: [], badPhone: 'invalid' }],
    ['0899 123 456', { phones: [], badPhone: 'premium-rate' }],
    ['mon mail: Jane.Smith@Example.COM', { emails: ['Jane.Smith@example.com'], rest: 'mon mail:' }],
    ['jane@', { emails: [], badEmail: true }],
    ['ou en est L1-20261124-0001 ?', { references: ['L1-20261124-0001'], phones: [], rest: 'ou en est ?' }],
    ['l1 20261124 1 et marc@exemple.fr', { references: ['L1-20261124-0001'], emails: ['marc@exemple.fr'], phones: [] }],
    ['le 24/11/2026', { phones: [] }],
    ['👍', { reaction: 'up', symbolsOnly: true }],
    ['👎', { reaction: 'down', symbolsOnly: true }],
    ['???', { symbolsOnly: true }],
  ];
  for (const [typed, expected] of table) {
    it(`"${typed}"`, () => {
      const found = findEntities(typed);
      for (const [key, value] of Object.entries(expected)) expect(found[key as keyof typeof found], key).to.deep.equal(value);
    });
  }

  it('takes no reaction from an emoji inside a sentence', () => {
    expect(findEntities('👍👍 merci beaucoup').reaction).to.equal(undefined);
  });
});
