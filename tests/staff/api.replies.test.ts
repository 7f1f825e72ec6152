// Staff answer, own and prioritise requests from the console; the inbox finds them by words, by
// owner, and shows what is due first.
import { expect } from 'chai';
import { sampleCallback, sampleTicket } from '../tickets/helpers.js';
import { startStaffServer, type Client, type StaffServer } from './helpers.js';

describe('replies, owners, priorities and due times in the staff API', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  let agent: Client;
  let viewer: Client;
  let clock = '2026-11-27T17:00:00+01:00'; // a Friday, 17:00 in Paris
  const refs: Record<string, string> = {};
  before(async () => {
    // The console's clock is Monday 17:30 (the Friday ticket's 8 business hours ran out at 17:00); requests are made earlier.
    staff = await startStaffServer({ storeNow: () => new Date(clock), now: () => new Date('2026-11-30T17:30:00+01:00') });
    await staff.addAccount('anne@scriba.example', 'agent');
    await staff.addAccount('marc@scriba.example', 'agent');
    await staff.addAccount('vera@scriba.example', 'viewer');
    agent = staff.client();
    await agent.login('anne@scriba.example');
    viewer = staff.client();
    await viewer.login('vera@scriba.example');
    refs.friday = (await staff.store.createTicket(sampleTicket())).reference;
    clock = '2026-11-30T09:30:00+01:00';
    refs.monday = (await staff.store.createTicket(sampleTicket({ reason: 'Export PDF bloqué', language: 'en', contact: { name: 'Sam Taylor', email: 'sam@example.com' }, tried: { articles: [], flowSteps: [], transcript: [] } }))).reference;
    refs.callback = (await staff.store.createCallback(sampleCallback())).reference;
    clock = '2026-11-30T17:30:00+01:00'; // Monday 17:30: the Friday ticket's 8 business hours ran out at 17:00
  });
  after(() => staff.close());

  it('stores a public reply and an internal note, each with its author, and says which one the customer sees', async () => {
    const internal = await agent.post(`/api/staff/requests/${refs.friday}/replies`, { text: 'Client migré en 2024, voir L1-20261020-0003', visibility: 'internal' });
    expect(internal.status).to.equal(201);
    expect(internal.body.request.firstReplyAt, 'an internal note is no reply').to.equal(undefined);
    const reply = await agent.post(`/api/staff/requests/${refs.friday}/replies`, { text: 'Bonjour, je vous ai renvoyé un lien.', visibility: 'public' });
    expect(reply.body.request.messages.map((m: { by: string; visibility: string }) => [m.by, m.visibility])).to.deep.equal([['anne@scriba.example', 'internal'], ['anne@scriba.example', 'public']]);
    // Friday 17:00 + 8 business hours (09:00-18:00 by default): Monday 16:00, and the reply came at 17:30.
    expect(reply.body.request.due).to.deep.equal({ at: '2026-11-30T16:00:00+01:00', state: 'late' });
  });

  it('refuses an empty reply or one without a visibility, with a clear message', async () => {
    const empty = await agent.post(`/api/staff/requests/${refs.monday}/replies`, { text: '   ', visibility: 'public' });
    expect(empty.status).to.equal(400);
    expect(empty.body.error).to.include('the reply is empty');
    const unsaid = await agent.post(`/api/staff/requests/${refs.monday}/replies`, { text: 'Bonjour' });
    expect(unsaid.status).to.equal(400);
    expect(unsaid.body.error).to.include("visibility must be 'public'");
  });

  it('tells the customer a status change\'s note only when asked to', async () => {
    const res = await agent.post(`/api/staff/requests/${refs.callback}/status`, { status: 'in-progress', note: 'Appel prévu avec Marc', public: false });
    expect(res.body.request.statusHistory.at(-1)).to.not.have.property('public');
    expect(res.body.request.due.state, 'a callback moved on is answered').to.equal('met');
  });

  it('assigns to me, to a colleague, refuses a viewer or an unknown address, and lists my requests', async () => {
    expect((await agent.post(`/api/staff/requests/${refs.friday}/assignee`, { assignee: 'me' })).body.request.assignee).to.equal('anne@scriba.example');
    expect((await agent.post(`/api/staff/requests/${refs.monday}/assignee`, { assignee: 'Marc@Scriba.example' })).body.request.assignee).to.equal('marc@scriba.example');
    for (const assignee of ['vera@scriba.example', 'nobody@scriba.example']) {
      const refused = await agent.post(`/api/staff/requests/${refs.callback}/assignee`, { assignee });
      expect(refused.status, assignee).to.equal(422);
      expect(refused.body.error).to.include('not an active agent or admin');
    }
    const mine = await agent.get('/api/staff/requests?assignee=me');
    expect(mine.body.requests.map((r: { reference: string }) => r.reference)).to.deep.equal([refs.friday]);
    const nobodys = await agent.get('/api/staff/requests?assignee=none');
    expect(nobodys.body.requests.map((r: { reference: string }) => r.reference)).to.deep.equal([refs.callback]);
    expect((await agent.get('/api/staff/assignees')).body.assignees).to.deep.equal(['anne@scriba.example', 'marc@scriba.example']);
    expect((await agent.post(`/api/staff/requests/${refs.monday}/assignee`, { assignee: null })).body.request).to.not.have.property('assignee');
  });

  it('sets a priority and filters by it', async () => {
    expect((await agent.post(`/api/staff/requests/${refs.monday}/priority`, { priority: 'urgent' })).body.request.priority).to.equal('urgent');
    expect((await agent.get('/api/staff/requests?priority=urgent')).body.requests.map((r: { reference: string }) => r.reference)).to.deep.equal([refs.monday]);
    expect((await agent.post(`/api/staff/requests/${refs.monday}/priority`, { priority: 'asap' })).status).to.equal(400);
  });

  it('searches the inbox by words typed without accents, an email or a reference', async () => {
    const found = async (q: string) => (await agent.get(`/api/staff/requests?q=${encodeURIComponent(q)}`)).body.requests.map((r: { reference: string }) => r.reference);
    expect(await found('bloque')).to.deep.equal([refs.monday]);
    expect(await found('sam@example')).to.deep.equal([refs.monday]);
    expect(await found('renvoye un lien'), 'a reply').to.deep.equal([refs.friday]);
    expect(await found(refs.callback!.toLowerCase())).to.deep.equal([refs.callback]);
  });

  it('puts what is waiting first, the most overdue on top, and says when each is due', async () => {
    const res = await agent.get('/api/staff/requests?sort=due&todo=true');
    const rows = res.body.requests.map((r: { reference: string; due: { at: string; state: string } }) => [r.reference, r.due.state, r.due.at]);
    expect(rows).to.deep.equal([
      [refs.monday, 'due', '2026-11-30T17:30:00+01:00'], // Monday 09:30 + 8 business hours: not late yet at 17:30
      [refs.callback, 'met', '2026-11-24T09:00:00+01:00'], // a callback is due at its booked time
      [refs.friday, 'late', '2026-11-30T16:00:00+01:00'],
    ]);
  });

  it('lists only what is overdue when asked: not answered in time, and still not answered', async () => {
    expect((await agent.get('/api/staff/requests?overdue=true')).body.requests, 'the Friday ticket was answered, if late').to.deep.equal([]);
    clock = '2026-11-27T09:00:00+01:00'; // Friday 09:00: due Friday 17:00, still unanswered on Monday 17:30
    const missed = await staff.store.createTicket(sampleTicket({ reason: 'Licence expirée sur le serveur TSE' }));
    clock = '2026-11-30T17:30:00+01:00';
    const overdue = await agent.get('/api/staff/requests?overdue=true');
    expect(overdue.body.requests.map((r: { reference: string; due: { state: string } }) => [r.reference, r.due.state])).to.deep.equal([[missed.reference, 'overdue']]);
    expect(overdue.body.total).to.equal(1);
  });

  it('lets a viewer read but not reply, assign or prioritise; and nobody without a session', async () => {
    const anonymous = staff.client();
    for (const [route, body] of [['replies', { text: 'x', visibility: 'public' }], ['assignee', { assignee: 'me' }], ['priority', { priority: 'high' }], ['status', { status: 'closed' }]] as const) {
      expect((await viewer.post(`/api/staff/requests/${refs.monday}/${route}`, body)).status, `viewer ${route}`).to.equal(403);
      expect((await anonymous.post(`/api/staff/requests/${refs.monday}/${route}`, body)).status, `anonymous ${route}`).to.equal(401);
    }
    expect((await anonymous.get('/api/staff/assignees')).status).to.equal(401);
    expect((await viewer.get(`/api/staff/requests/${refs.monday}`)).body.request.due.state).to.equal('due');
  });

  it('audits every reply, assignment and priority change', async () => {
    const audit = await staff.client();
    await staff.addAccount('root@scriba.example', 'admin');
    await audit.login('root@scriba.example');
    const entries = (await audit.get('/api/staff/audit?limit=100')).body.entries as Array<{ action: string; actor: string; target: string }>;
    const actions = entries.filter((e) => e.actor === 'anne@scriba.example' && e.action.startsWith('request-')).map((e) => e.action);
    expect(new Set(actions)).to.deep.equal(new Set(['request-replied', 'request-status-changed', 'request-assigned', 'request-prioritised']));
  });
});
