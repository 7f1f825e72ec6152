import { expect } from 'chai';
import { validatePhone } from '../../../dialogs/contact/phone.js';

describe('checking a callback phone number', () => {
  const accepted: Array<[string, string, string]> = [
    ['06 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['0612345678', '+33612345678', '+33 6 12 34 56 78'],
    ['06.12.34.56.78', '+33612345678', '+33 6 12 34 56 78'],
    ['06-12-34-56-78', '+33612345678', '+33 6 12 34 56 78'],
    ['  07 98 76 54 32 ', '+33798765432', '+33 7 98 76 54 32'],
    ['+33 6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['+33 (0)6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['0033 6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['01 23 45 67 89', '+33123456789', '+33 1 23 45 67 89'],
    ['04.78.12.34.56', '+33478123456', '+33 4 78 12 34 56'],
    ['0800 12 34 56', '+33800123456', '+33 800 12 34 56'],
    ['+49 30 901820', '+4930901820', '+49 30 901820'],
    ['0044 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
    ['+1 212 555 1234', '+12125551234', '+1 212 555 1234'],
    ['mon numéro : 06 12 34 56 78', '+33612345678', '+33 6 12 34 56 78'],
    ['call me on +44 20 7946 0958 please', '+442079460958', '+44 20 7946 0958'],
    ['rappelez-moi au 06 12 34 56 78 entre 14h et 16h', '+33612345678', '+33 6 12 34 56 78'],
  ];
  for (const [input, e164, international] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${e164}`, () => {
      expect(validatePhone(input)).to.deep.equal({ ok: true, e164, international });
    });
  }

  it('reads a national number in the region it is given', () => {
    expect(validatePhone('030 901820', 'DE')).to.deep.equal({ ok: true, e164: '+4930901820', international: '+49 30 901820' });
  });

  const refused: Array<[string, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['08 92 12 34 56', 'premium-rate'],
    ['0899123456', 'premium-rate'],
    ['+44 870 123 4567', 'premium-rate'],
    ['0810 12 34 56', 'not-callable'],
    ['08 20 12 34 56', 'not-callable'],
    ['+44 55 1234 5678', 'not-callable'],
    ['+44 7640 123456', 'not-callable'],
    ['abc', 'invalid'],
    ['12', 'invalid'],
    ['06 12 34', 'invalid'],
    ['06 12 34 56 78 90', 'invalid'],
    ['06 12 34 56 78 9', 'invalid'],
    ['06 12 34 56 78 / 79', 'invalid'],
    ['au 06 12 34 56 78 - 9', 'invalid'],
    ['00 00 00 00 00', 'invalid'],
    ['+33612345678abc', 'invalid'],
    ['06 12 34 56 78 ou 01 23 45 67 89', 'invalid'],
    ['3949', 'invalid'],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input)} as ${reason}`, () => {
      expect(validatePhone(input)).to.deep.equal({ ok: false, reason });
    });
  }
});
