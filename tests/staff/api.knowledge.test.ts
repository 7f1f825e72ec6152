import { expect } from 'chai';
import { startStaffServer, type Client, type StaffServer } from './helpers.js';

describe('editing the knowledge base through the staff API', function () {
  this.timeout(60_000);
  let staff: StaffServer;
  let agent: Client;
  let viewer: Client;
  before(async () => {
    staff = await startStaffServer();
    await staff.addAccount('agent@scriba.example', 'agent');
    await staff.addAccount('viewer@scriba.example', 'viewer');
    agent = staff.client();
    await agent.login('agent@scriba.example');
    viewer = staff.client();
    await viewer.login('viewer@scriba.example');
  });
  after(() => staff.close());

  const question = 'le tampon encreur numérique refuse de signer';

  it('adds a question to an article, and the bot answers it with that article at once', async () => {
    expect(staff.live.matcher.match(question).matches[0]?.id).to.not.equal('approval-workflow');
    const res = await agent.post('/api/staff/articles/approval-workflow/questions', { question, lang: 'fr' });
    expect([res.status, res.body]).to.deep.equal([200, { article: { id: 'approval-workflow' }, reloaded: true }]);
    expect(staff.live.text('approval-workflow')).to.include(`    - ${question}\n`);
    const answer = staff.live.matcher.match(question);
    expect([answer.decision, answer.matches[0]?.id]).to.deep.equal(['answer', 'approval-workflow']);
  });

  it('refuses a viewer editing the knowledge base', async () => {
    const res = await viewer.post('/api/staff/articles/install/questions', { question: 'installer scriba sur mac', lang: 'fr' });
    expect([res.status, res.body]).to.deep.equal([403, { error: 'forbidden' }]);
  });

  it('answers 400 to a question on several lines or in another language, 404 to an unknown article', async () => {
    expect((await agent.post('/api/staff/articles/install/questions', { question: 'deux\nlignes', lang: 'fr' })).status).to.equal(400);
    expect((await agent.post('/api/staff/articles/install/questions', { question: 'installieren', lang: 'de' })).status).to.equal(400);
    expect((await agent.post('/api/staff/articles/no-such-article/questions', { question: 'bonjour', lang: 'fr' })).status).to.equal(404);
  });

  it('refuses a broken new article with 422 and its problems, and keeps nothing', async () => {
    const before = await staff.store.listKbEdits();
    const res = await agent.post('/api/staff/articles', {
      id: 'scanner-not-found', level: 2, related: ['no-such-article'],
      title: { fr: 'Scanner introuvable', en: 'Scanner not found' },
      questions: { fr: ['scanner introuvable', 'le scanner a disparu', 'Scriba ne voit plus le scanner'], en: ['scanner not found'] },
      answer: { fr: 'Vérifiez le câble USB.', en: 'Check the USB cable.' },
    });
    expect(res.status).to.equal(422);
    expect(res.body).to.deep.equal({ error: 'kb', problems: ["knowledge/articles/scanner-not-found.md:14: 'questions.en' needs at least 3 questions (has 1)"] });
    expect(await staff.store.listKbEdits()).to.deep.equal(before);
    expect(staff.live.text('scanner-not-found')).to.equal(null);
  });

  it('reports an empty title and answer of a new article as the checker does, with 422', async () => {
    const res = await agent.post('/api/staff/articles', {
      id: 'empty-draft', level: 1, title: { fr: '', en: 'Draft' },
      questions: { fr: ['un', 'deux', 'trois'], en: ['one', 'two', 'three'] }, answer: { fr: '', en: '' },
    });
    expect(res.status).to.equal(422);
    expect(res.body.problems).to.have.length.above(1);
    for (const problem of res.body.problems) expect(problem).to.match(/^knowledge\/articles\/empty-draft\.md:\d+: /);
    expect(res.body.problems.join('\n')).to.include('answer in French is empty');
  });

  it('creates a valid article (201), then answers 409 for the same id', async () => {
    const article = {
      id: 'scanner-not-found', level: 2, tags: ['scan'], related: ['scan-documents'],
      title: { fr: 'Scanner introuvable', en: 'Scanner not found' },
      questions: { fr: ['scanner introuvable', 'le scanner a disparu', 'Scriba ne voit plus le scanner'], en: ['scanner not found', 'the scanner disappeared', 'Scriba no longer sees the scanner'] },
      answer: { fr: 'Vérifiez le câble USB.', en: 'Check the USB cable.' },
    };
    const res = await agent.post('/api/staff/articles', article);
    expect([res.status, res.body]).to.deep.equal([201, { article: { id: 'scanner-not-found' } }]);
    expect(staff.live.matcher.match('the scanner disappeared').matches[0]?.id).to.equal('scanner-not-found');
    expect((await agent.post('/api/staff/articles', article)).status).to.equal(409);
  });

  it('refuses a question of another article with 409 naming it, and moves it when the agent confirms', async () => {
    const lost = 'Mot de passe perdu, que faire ?'; // reset-password's
    const refused = await agent.post('/api/staff/articles/login-problem/questions', { question: lost, lang: 'fr' });
    expect([refused.status, refused.body]).to.deep.equal([409, { error: 'question belongs to another article', article: { id: 'reset-password' } }]);
    const moved = await agent.post('/api/staff/articles/login-problem/questions', { question: lost, lang: 'fr', move: true });
    expect(moved.status).to.equal(200);
    expect(staff.live.kb().articles.find((a) => a.id === 'reset-password')!.questions.fr).to.not.include(lost);
  });

  it('lists the history of edits for a viewer, and lets an agent (not a viewer) revert one', async () => {
    const history = await viewer.get('/api/staff/articles/history?article=reset-password');
    expect(history.status).to.equal(200);
    const [move] = history.body.edits as Array<{ id: string; action: string; by: string; reverted: boolean; changes: Array<{ articleId: string; before: string; after: string }> }>;
    expect(move).to.deep.include({ action: 'move-question', by: 'agent@scriba.example', reverted: false });
    expect(move!.changes.map((c) => c.articleId)).to.deep.equal(['reset-password', 'login-problem']);

    expect((await viewer.post(`/api/staff/articles/history/${move!.id}/revert`, {})).status).to.equal(403);
    const reverted = await agent.post(`/api/staff/articles/history/${move!.id}/revert`, {});
    expect(reverted.status).to.equal(200);
    expect(staff.live.kb().articles.find((a) => a.id === 'reset-password')!.questions.fr).to.include('Mot de passe perdu, que faire ?');
    expect(staff.live.text('login-problem')).to.equal(move!.changes[1]!.before);

    const after = (await viewer.get('/api/staff/articles/history')).body;
    expect(after.edits[0]).to.deep.include({ action: 'revert', revertOf: move!.id });
    expect(after.edits.find((e: { id: string }) => e.id === move!.id).reverted).to.equal(true);
    expect((await agent.post(`/api/staff/articles/history/${move!.id}/revert`, {})).status).to.equal(409);
    expect((await agent.post('/api/staff/articles/history/nope/revert', {})).status).to.equal(404);
  });

  it('searches articles by title, id or question, typos and accents aside', async () => {
    const found = (await agent.get('/api/staff/articles?q=mot%20de%20pase&lang=fr')).body.articles as Array<{ id: string; questions: number }>;
    expect(found[0]).to.deep.include({ id: 'reset-password', questions: 18 });
    const all = (await agent.get('/api/staff/articles')).body.articles as Array<{ id: string; title: { fr: string; en: string }; level: number }>;
    expect(all.length).to.equal(staff.live.kb().articles.length);
    expect(all.find((a) => a.id === 'install')).to.have.keys('id', 'title', 'level', 'questions');
  });

  it('tries a question on the live matcher and says why', async () => {
    const res = await viewer.post('/api/staff/try', { question: 'mot de pase oublié' });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ question: 'mot de pase oublié', language: 'fr', decision: 'answer', thresholds: staff.live.matcher.thresholds });
    expect(res.body.matches[0].id).to.equal('reset-password');
    const none = await viewer.post('/api/staff/try', { question: '???', lang: 'en' });
    expect(none.body).to.deep.include({ decision: 'none', reason: 'no-words', language: 'en' });
  });
});
