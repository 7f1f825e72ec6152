import { expect } from 'chai';
import { parseCommand, parseYesNo } from '../../dialogs/commands.js';

describe('telling commands and small talk from questions', () => {
  const table: Array<[string, string | undefined]> = [
    ['annuler', 'cancel'],
    ['Cancel', 'cancel'],
    ['stop please', 'cancel'],
    ['laisse tomber', 'cancel'],
    ['aide', 'help'],
    ['menu', 'help'],
    ['talk to a human', 'human'],
    ['I want to speak to someone from support', 'human'],
    ['parler à un conseiller', 'human'],
    ["je veux parler à quelqu'un", 'human'],
    ['where is my ticket L1-20261123-0042', 'status'],
    ['statut de ma demande', 'status'],
    ['où en est mon dossier ?', 'status'],
    ['l2-20261123-0007', 'status'],
    ['in English please', 'language:en'],
    ['en français', 'language:fr'],
    ['merci !', 'thanks'],
    ['thank you', 'thanks'],
    ['au revoir', 'goodbye'],
    ['bonjour', 'greeting'],
    ['hi', 'greeting'],
    // Questions that merely contain a command word stay questions.
    ['how do I cancel my subscription', undefined],
    ['comment annuler mon abonnement', undefined],
    ['aide pour installer scriba', undefined],
    ['bonjour, mon mot de passe ne marche plus', undefined],
    ['merci de me dire comment importer', undefined],
  ];
  for (const [message, expected] of table) {
    it(`reads "${message}" as ${expected ?? 'a question'}`, () => {
      const c = parseCommand(message);
      const got = c === undefined ? undefined : c.kind === 'language' ? `language:${c.lang}` : c.kind;
      expect(got).to.equal(expected);
    });
  }
});

describe('reading a typed yes or no', () => {
  const table: Array<[string, boolean | undefined]> = [
    ['oui', true],
    ['Oui !', true],
    ['yes', true],
    ['yep', true],
    ["d'accord", true],
    ['non', false],
    ['nope', false],
    ['pas vraiment', false],
    ['No.', false],
    ['not really', false],
    ['non merci', false],
    ['peut-être', undefined],
    ['comment faire une sauvegarde', undefined],
  ];
  for (const [message, expected] of table) {
    it(`reads "${message}" as ${String(expected)}`, () => expect(parseYesNo(message)).to.equal(expected));
  }
});
