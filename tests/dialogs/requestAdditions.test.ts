import { expect } from 'chai';
import { additionOf } from '../../dialogs/requestAdditions.js';
import { newSession, noteStaffMessage, type Session } from '../../dialogs/session.js';
import type { ControlIntent } from '../../dialogs/understand/controlIntents.js';
import { findEntities } from '../../dialogs/understand/entities.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const MINE = 'L1-20261124-0001';

function session(options: { staffWrote?: Date } = {}): Session {
  const s = newSession('fr');
  s.requests.push({ reference: MINE, kind: 'ticket' });
  if (options.staffWrote) noteStaffMessage(s, MINE, options.staffWrote);
  return s;
}

const typed = (text: string, intent?: ControlIntent) => ({ text, entities: findEntities(text), ...(intent ? { intent } : {}) });

describe('what the customer adds to a request from the chat', () => {
  const cases: Array<[string, ReturnType<typeof typed>, Session, ReturnType<typeof additionOf>]> = [
    ['an explicit addition, reference as written', typed(`ajoute à mon ticket ${MINE}: le poste est sous Windows 11`), session(), { kind: 'add', reference: MINE, text: 'le poste est sous Windows 11' }],
    ['typed loosely, lower case and spaces', typed('add to ticket l1 20261124 1 - the printer is an HP M404'), session(), { kind: 'add', reference: MINE, text: 'the printer is an HP M404' }],
    ['no accents, sms style', typed(`rajoute ds ${MINE} ca marche tjrs pas`), session(), { kind: 'add', reference: MINE, text: 'ca marche tjrs pas' }],
    ['nothing after the reference: ask what', typed(`je voudrais compléter ma demande ${MINE}`), session(), { kind: 'ask', reference: MINE }],
    ['a reference of another conversation: not here (the status lookup checks who asks)', typed('ajoute à L1-20261124-0007: urgent'), session(), { kind: 'none' }],
    ['just a reference: a status question, not an addition', typed(`ou en est ${MINE} ?`), session(), { kind: 'none' }],
    ['after a staff message: an answer goes to the request', typed('non toujours pas, meme apres redemarrage'), session({ staffWrote: new Date('2026-11-24T09:00:00Z') }), { kind: 'add', reference: MINE, text: 'non toujours pas, meme apres redemarrage' }],
    ['after a staff message: "oui" answers the staff too', typed('oui', 'yes'), session({ staffWrote: new Date('2026-11-24T09:00:00Z') }), { kind: 'add', reference: MINE, text: 'oui' }],
    ['after a staff message: a command stays a command', typed('parler a un humain', 'human'), session({ staffWrote: new Date('2026-11-24T09:00:00Z') }), { kind: 'none' }],
    ['a day after the staff message: a question is the bot\'s again', typed('comment exporter en pdf'), session({ staffWrote: new Date('2026-11-23T09:59:00Z') }), { kind: 'none' }],
    ['no staff message: a plain message is a question for the bot', typed('comment exporter en pdf'), session(), { kind: 'none' }],
  ];
  for (const [what, u, s, expected] of cases) {
    it(what, () => expect(additionOf(u, s, NOW)).to.deep.equal(expected));
  }

  it('"recommencer" after a staff message ends the exchange', () => {
    const s = session({ staffWrote: new Date('2026-11-24T09:00:00Z') });
    expect(additionOf(typed('recommencer', 'restart'), s, NOW)).to.deep.equal({ kind: 'none' });
    expect(additionOf(typed('comment exporter en pdf'), s, NOW)).to.deep.equal({ kind: 'none' });
  });
});
