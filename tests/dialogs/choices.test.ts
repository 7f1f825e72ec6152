import { expect } from 'chai';
import { pickChoiceBy } from '../../dialogs/choices.js';
import type { ControlIntent } from '../../dialogs/understand/controlIntents.js';

describe('picking a button from what the customer typed', () => {
  const flow = ['Yes, Scriba starts', 'No, still not'];
  const french = ['Restauré, Scriba fonctionne', 'Restauré, mais toujours bloqué', 'Rien en quarantaine'];
  const helped = ['Oui', 'Non'];
  const table: Array<[string, readonly string[], ControlIntent | undefined, number | undefined, ('typed' | 'yes-no')?]> = [
    ['2', flow, undefined, 1, 'typed'],
    ['No, still not', flow, undefined, 1, 'typed'],
    ['no still not', flow, undefined, 1, 'typed'],
    ['still not starting', flow, undefined, 1, 'typed'],
    ['yes', flow, 'yes', 0, 'yes-no'],
    ['nope', flow, 'no', 1, 'yes-no'],
    ['nope', flow, undefined, undefined],
    ['No, still not', ['Yes, that fixed it', "No, it still won't start"], undefined, 1, 'yes-no'],
    ['rien en quarantaine', french, undefined, 2, 'typed'],
    ['restaure mais toujours bloque', french, undefined, 1, 'typed'],
    ['Passer', ['Passer'], undefined, 0, 'typed'],
    ['skip', ['Skip'], undefined, 0, 'typed'],
    ['par e-mail (ticket) svp', ['Par e-mail (ticket)', 'Par téléphone (rappel)'], undefined, 0, 'typed'],
    // "Non" read from the first word, so a request for a ticket can still win over it.
    ["non ca ne m'aide pas, ouvrez un ticket", helped, 'ticket', 1, 'yes-no'],
    ['not really, can i talk to a real person', ['Yes', 'No'], 'human', undefined],
    ['7', flow, undefined, undefined],
    ['how do I create a user', flow, undefined, undefined],
    ['oui', french, 'yes', undefined], // no label starts with yes: nothing to guess
  ];
  for (const [typed, labels, intent, expected, by] of table) {
    it(`reads "${typed}"${intent ? ` (${intent})` : ''} as ${expected === undefined ? 'no button' : `"${labels[expected]}"`}`, () => {
      const picked = pickChoiceBy(typed, labels, intent);
      expect(picked?.index).to.equal(expected);
      if (by) expect(picked?.by).to.equal(by);
    });
  }
});
