// Where a message goes when nothing waits for it, from the turn's understanding: no bot needed.
import { expect } from 'chai';
import { buttonMeanings } from '../../dialogs/conversation.js';
import { route, type Route } from '../../dialogs/route.js';
import { startLanguage } from '../../dialogs/understand/language.js';
import { understand } from '../../dialogs/understand/turn.js';
import { bundled, bundledControl } from '../helpers/bundledKb.js';

async function routed(text: string, lang: 'fr' | 'en', supportOffered = false): Promise<Route> {
  const { matcher } = await bundled();
  const { understanding } = understand(text, { language: { ...startLanguage(undefined, lang), settled: true }, offered: [] }, {
    matcher, control: await bundledControl(), now: () => new Date('2026-11-24T09:00:00Z'), timeZone: 'Europe/Paris', labels: buttonMeanings(),
  });
  return route(understanding, { supportOffered });
}

describe('routing a new message', function () {
  this.timeout(20_000);
  const table: Array<[string, 'fr' | 'en', Partial<Route> & { kind: Route['kind'] }]> = [
    ['mot de passe oublié', 'fr', { kind: 'answer', articleId: 'reset-password' }],
    ['how do i cancel my subscription', 'en', { kind: 'answer', articleId: 'cancel-subscription' }],
    ['comment annuler mon abonnement', 'fr', { kind: 'answer', articleId: 'cancel-subscription' }], // a question, not the "cancel" command
    ['i need a person', 'en', { kind: 'request' }],
    ['un humain svp', 'fr', { kind: 'request' }],
    ['call me back', 'en', { kind: 'request', channel: 'callback' }],
    ['rappelez moi au 06 12 34 56 78 svp', 'fr', { kind: 'request', channel: 'callback' }],
    ['open a ticket', 'en', { kind: 'request', channel: 'ticket' }],
    ['where is my ticket', 'en', { kind: 'status' }],
    ['mon ticket', 'fr', { kind: 'status' }],
    ['L1-20261124-0001', 'fr', { kind: 'status' }],
    ['slt', 'fr', { kind: 'say', what: 'hello' }],
    ['merci beaucoup', 'fr', { kind: 'say', what: 'youAreWelcome' }],
    ['quel temps fait il a paris', 'fr', { kind: 'covers', why: 'offtopic' }],
    ["t'es nul", 'fr', { kind: 'covers', why: 'abuse' }],
    ['🙂', 'fr', { kind: 'covers', why: 'symbols' }],
    ['annuler', 'fr', { kind: 'say', what: 'nothingToCancel' }],
    ['what can you do', 'en', { kind: 'help' }],
  ];
  for (const [typed, lang, expected] of table) {
    it(`"${typed}" → ${expected.kind}${'articleId' in expected ? ` ${expected.articleId}` : ''}`, async () => {
      expect(await routed(typed, lang)).to.deep.include(expected);
    });
  }

  it('after support was offered, a yes asks for support and a no asks to rephrase', async () => {
    expect(await routed('oui je veux bien parler a qqn', 'fr', true)).to.deep.include({ kind: 'request' });
    expect(await routed('non', 'fr', true)).to.deep.include({ kind: 'say', what: 'pleaseRephrase' });
  });
});
