import { expect } from 'chai';
import { sampleCallback, sampleTicket } from '../tickets/helpers.js';
import { startStaffServer, type Client, type StaffServer } from './helpers.js';

describe('dashboard, unanswered questions, transcripts and exports in the staff API', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  let viewer: Client;
  let storeTime = '2026-11-23T11:05:00+01:00';
  let reference = '';
  before(async () => {
    staff = await startStaffServer({ storeNow: () => new Date(storeTime), now: () => new Date('2026-11-25T12:00:00+01:00') });
    await staff.addAccount('viewer@scriba.example', 'viewer');
    viewer = staff.client();
    await viewer.login('viewer@scriba.example');
    const s = staff.store;
    const shown = (conversationId: string, at: string, articleId = 'reset-password') =>
      s.recordAnswerShown({ at, conversationId, articleId, confidence: 0.9, language: 'fr', question: 'mot de passe oublié' });
    // 23 Nov: confirmed, assumed, escalated; 24 Nov: abandoned (asked again).
    await shown('c-confirmed', '2026-11-23T09:00:00+01:00');
    await s.recordFeedback({ at: '2026-11-23T09:01:00+01:00', conversationId: 'c-confirmed', articleId: 'reset-password', helpful: true, language: 'fr', question: 'mot de passe oublié' });
    await shown('c-assumed', '2026-11-23T10:00:00+01:00', 'install');
    await shown('c-escalated', '2026-11-23T11:00:00+01:00');
    reference = (await s.createTicket(sampleTicket({ conversationId: 'c-escalated', reason: "=cmd|' /C calc'!A0" }))).reference;
    await shown('c-again', '2026-11-24T09:00:00+01:00');
    await s.recordUnanswered({ at: '2026-11-24T09:02:00+01:00', conversationId: 'c-again', question: 'mot de pase oublie', language: 'fr', kind: 'none' });
    await s.recordUnanswered({ at: '2026-11-24T09:03:00+01:00', conversationId: 'c-other', question: "j'ai oublié mon mot de passe", language: 'fr', kind: 'clarify-no-pick' });
    await s.recordUnanswered({ at: '2026-11-24T09:04:00+01:00', conversationId: 'c-other', question: 'facture en double', language: 'fr', kind: 'none' });
    storeTime = '2026-11-24T14:00:00+01:00';
    await s.createCallback(sampleCallback({ conversationId: 'c-call', contact: { name: '@SUM(A1)', phone: '+33612345678' } }));
    for (const [at, direction, text] of [
      ['2026-11-23T11:00:00+01:00', 'in', 'Je voudrais une facture CORRIGÉE'],
      ['2026-11-23T11:00:01+01:00', 'out', 'Voici comment faire corriger une facture.'],
      ['2026-11-23T11:03:00+01:00', 'out', `Votre numéro de dossier est ${reference}.`],
    ] as const) await s.appendTranscript({ at, conversationId: 'c-escalated', direction, activity: { type: 'message', text } });
    await s.appendTranscript({ at: '2026-11-24T09:00:00+01:00', conversationId: 'c-again', direction: 'in', activity: { type: 'message', text: 'mot de passe oublié' } });
  });
  after(() => staff.close());

  it('computes the dashboard from what the store recorded', async () => {
    const res = await viewer.get('/api/staff/dashboard?from=2026-11-23&to=2026-11-24');
    expect(res.status).to.equal(200);
    expect(res.body.range).to.deep.equal({ from: '2026-11-22T23:00:00.000Z', to: '2026-11-24T23:00:00.000Z' });
    expect(res.body.totals).to.deep.equal({ conversations: 5, questions: 7, answers: 4, articleViews: 0, pageHelpful: 0, pageNotHelpful: 0, confirmed: 1, assumed: 1, escalated: 1, abandoned: 2 });
    expect(res.body.perDay.map((d: { day: string; conversations: number }) => [d.day, d.conversations])).to.deep.equal([['2026-11-23', 3], ['2026-11-24', 2]]);
    expect(res.body.escalationsByLevel).to.deep.equal({ '1': 1, '2': 1, '3': 0, '4': 0 });
    expect(res.body.perArticle[0]).to.deep.equal({ id: 'reset-password', title: 'Réinitialiser votre mot de passe', shown: 3, helpful: 1, notHelpful: 0, helpfulRate: 1, views: 0, pageHelpful: 0, pageNotHelpful: 0, pageHelpfulRate: null });
    expect(res.body.topUnanswered).to.deep.equal([{ question: "j'ai oublié mon mot de passe", count: 2 }, { question: 'facture en double', count: 1 }]);
    expect(res.body.formulas).to.have.keys('en', 'fr');
  });

  it('covers the last 30 days by default and refuses a backwards range', async () => {
    const res = await viewer.get('/api/staff/dashboard');
    expect(res.body.range).to.deep.equal({ from: '2026-10-26T11:00:00.000Z', to: '2026-11-25T11:00:00.000Z' });
    expect(res.body.perDay).to.have.length(31);
    expect((await viewer.get('/api/staff/dashboard?from=2026-11-24&to=2026-11-01')).status).to.equal(400);
  });

  it('groups unanswered questions and suggests articles for each group', async () => {
    const { groups } = (await viewer.get('/api/staff/unanswered')).body;
    expect(groups).to.have.length(2);
    expect(groups[0]).to.deep.include({ count: 2, languages: ['fr'], kinds: { none: 1, 'clarify-no-pick': 1, 'not-helpful': 0 } });
    expect(groups[0].questions).to.have.members(['mot de pase oublie', "j'ai oublié mon mot de passe"]);
    expect(groups[0].suggestions[0]).to.include({ id: 'reset-password' });
    expect(groups[0].suggestions).to.have.length(3);
  });

  it('finds conversations by text (case and accents aside) and by reference', async () => {
    const byText = (await viewer.get('/api/staff/transcripts?q=facture%20corrigee')).body.conversations;
    expect(byText).to.deep.equal([{ conversationId: 'c-escalated', firstAt: '2026-11-23T11:00:00+01:00', lastAt: '2026-11-23T11:03:00+01:00', messages: 3, title: 'Je voudrais une facture CORRIGÉE', snippet: 'Je voudrais une facture CORRIGÉE' }]);
    const byReference = (await viewer.get(`/api/staff/transcripts?reference=${reference}`)).body.conversations;
    expect(byReference.map((c: { conversationId: string }) => c.conversationId)).to.deep.equal(['c-escalated']);
    const all = (await viewer.get('/api/staff/transcripts')).body.conversations;
    expect(all.map((c: { conversationId: string }) => c.conversationId)).to.deep.equal(['c-again', 'c-escalated']);
    const before24 = (await viewer.get('/api/staff/transcripts?to=2026-11-23')).body.conversations;
    expect(before24.map((c: { conversationId: string }) => c.conversationId)).to.deep.equal(['c-escalated']);
  });

  it('shows one conversation with its messages and the requests opened in it', async () => {
    const res = await viewer.get('/api/staff/transcripts/c-escalated');
    expect(res.body.requests).to.deep.equal([reference]);
    expect(res.body.entries[0]).to.deep.equal({ at: '2026-11-23T11:00:00+01:00', from: 'user', text: 'Je voudrais une facture CORRIGÉE' });
    expect((await viewer.get('/api/staff/transcripts/no-such-conversation')).status).to.equal(404);
  });

  it('exports tickets as CSV with a BOM and the formula in the reason made harmless', async () => {
    const res = await viewer.get('/api/staff/export/tickets.csv');
    expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).to.equal('attachment; filename="tickets.csv"');
    const bytes = new Uint8Array(await (await fetch(`${staff.url}/api/staff/export/tickets.csv`, { headers: { cookie: viewer.cookie! } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const [header, row] = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).to.equal('reference,createdAt,status,language,channel,reason,articleId,conversationId,lastNote,level,name,email');
    expect(row).to.include(`,'=cmd|' /C calc'!A0,`);
  });

  it('exports callbacks with phone numbers and names that cannot run as formulas, and unanswered questions', async () => {
    const callbacks = (await viewer.get('/api/staff/export/callbacks.csv?language=en')).text;
    expect(callbacks).to.include(",'@SUM(A1),'+33612345678,");
    const unanswered = (await viewer.get('/api/staff/export/unanswered.csv?from=2026-11-24')).text.split('\r\n');
    expect(unanswered[0]).to.equal('at,question,language,kind,group,topMatch,topScore');
    expect(unanswered.slice(1, -1)).to.have.length(3);
    expect((await viewer.get('/api/staff/export/tickets.csv?status=nope')).status).to.equal(400);
  });
});
