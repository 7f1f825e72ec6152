// The unanswered questions page as the API serves it, over records kept before the bot knew small
// talk: "mdr" and "ok super" are gone, and a question asked in French and in English is one group.
import { expect } from 'chai';
import { startStaffServer, type Client, type StaffServer } from './helpers.js';

describe('the unanswered questions page, small talk and languages', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  let viewer: Client;
  before(async () => {
    staff = await startStaffServer({ now: () => new Date('2026-11-25T12:00:00+01:00') });
    await staff.addAccount('viewer@scriba.example', 'viewer');
    viewer = staff.client();
    await viewer.login('viewer@scriba.example');
    const kept: Array<[string, 'fr' | 'en', 'none' | 'not-helpful']> = [
      ['mdr', 'fr', 'none'], ['ok super', 'fr', 'none'], ['lol', 'en', 'none'], ['génial merci', 'fr', 'none'], ['top', 'fr', 'none'],
      ['mot de passe oublié impossible de me connecter', 'fr', 'not-helpful'],
      ['mot de passe oublié impossible de me connecter', 'fr', 'none'],
      ['forgot my password cant log in', 'en', 'not-helpful'],
      ['imprimante', 'fr', 'none'],
    ];
    for (const [i, [question, language, kind]] of kept.entries()) {
      await staff.store.recordUnanswered({ at: `2026-11-24T09:0${i}:00+01:00`, conversationId: `c-${i}`, question, language, kind });
    }
  });
  after(() => staff.close());

  it('lists the real questions only, the French and English wordings of one question together', async () => {
    const { total, groups } = (await viewer.get('/api/staff/unanswered')).body;
    expect(total).to.equal(2);
    expect(groups[0]).to.deep.include({
      questions: ['mot de passe oublié impossible de me connecter', 'forgot my password cant log in'],
      count: 3,
      languages: ['fr', 'en'],
    });
    expect(groups[0].suggestions[0]).to.include({ id: 'reset-password' });
    expect(groups[1]).to.deep.include({ questions: ['imprimante'], languages: ['fr'] });
  });

  it('leaves small talk out of the dashboard’s most asked unanswered questions too', async () => {
    const { topUnanswered } = (await viewer.get('/api/staff/dashboard?from=2026-11-24&to=2026-11-24')).body;
    expect(topUnanswered).to.deep.equal([{ question: 'mot de passe oublié impossible de me connecter', count: 3 }, { question: 'imprimante', count: 1 }]);
  });
});
