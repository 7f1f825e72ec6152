import { expect } from 'chai';
import { validateEmail } from '../../../dialogs/contact/email.js';

describe('checking an email address', () => {
  const accepted: Array<[string, string]> = [
    ['jean.dupont@exemple.fr', 'jean.dupont@exemple.fr'],
    ['  marie@exemple.fr  ', 'marie@exemple.fr'],
    ['Jean.Dupont@Exemple.FR', 'Jean.Dupont@exemple.fr'],
    ['support+vpn@mairie-lyon.fr', 'support+vpn@mairie-lyon.fr'],
    ['a.b-c_d@sous.domaine.example.com', 'a.b-c_d@sous.domaine.example.com'],
    ['mailto:Paul@Exemple.com', 'Paul@exemple.com'],
    ['<paul@exemple.com>', 'paul@exemple.com'],
  ];
  for (const [input, email] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${email}`, () => {
      expect(validateEmail(input)).to.deep.equal({ ok: true, email });
    });
  }

  const refused: Array<[string, string]> = [
    ['', 'empty'],
    ['  ', 'empty'],
    ['jean.dupont', 'invalid'],
    ['jean@', 'invalid'],
    ['@exemple.fr', 'invalid'],
    ['jean@exemple', 'invalid'],
    ['jean dupont@exemple.fr', 'invalid'],
    ['jean@@exemple.fr', 'invalid'],
    ['jean..dupont@exemple.fr', 'invalid'],
    ['jean@exemple.fr.', 'invalid'],
    ['mon mail est jean@exemple.fr', 'invalid'],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input)} as ${reason}`, () => {
      expect(validateEmail(input)).to.deep.equal({ ok: false, reason });
    });
  }
});
