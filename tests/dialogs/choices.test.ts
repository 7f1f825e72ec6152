import { expect } from 'chai';
import { pickChoice } from '../../dialogs/choices.js';

describe('picking a button from what the user typed', () => {
  const flow = ['Yes, Scriba starts', 'No, still not'];
  const french = ['Restauré, Scriba fonctionne', 'Restauré, mais toujours bloqué', 'Rien en quarantaine'];
  const table: Array<[string, readonly string[], number | undefined]> = [
    ['2', flow, 1],
    ['No, still not', flow, 1],
    ['no still not', flow, 1],
    ['still not starting', flow, 1],
    ['yes', flow, 0],
    ['nope', flow, 1],
    ['No, still not', ['Yes, that fixed it', "No, it still won't start"], 1],
    ['rien en quarantaine', french, 2],
    ['restaure mais toujours bloque', french, 1],
    ['Passer', ['Passer'], 0],
    ['skip', ['Skip'], 0],
    ['7', flow, undefined],
    ['how do I create a user', flow, undefined],
    ['oui', french, undefined], // no label starts with yes: nothing to guess
  ];
  for (const [typed, labels, expected] of table) {
    it(`reads "${typed}" as ${expected === undefined ? 'no button' : `"${labels[expected]}"`}`, () => {
      expect(pickChoice(typed, labels)).to.equal(expected);
    });
  }
});
