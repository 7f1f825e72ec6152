import { expect } from 'chai';
import { sampleCallback, sampleTicket } from '../tickets/helpers.js';
import { startStaffServer, type Client, type StaffServer } from './helpers.js';

describe('tickets and callbacks in the staff API', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  let agent: Client;
  let storeTime = '2026-11-20T10:00:00+01:00';
  const refs: Record<string, string> = {};
  before(async () => {
    staff = await startStaffServer({ storeNow: () => new Date(storeTime) });
    await staff.addAccount('agent@scriba.example', 'agent');
    agent = staff.client();
    await agent.login('agent@scriba.example');
    refs.frTicket = (await staff.store.createTicket(sampleTicket())).reference;
    storeTime = '2026-11-22T15:00:00+01:00';
    refs.enExpert = (await staff.store.createTicket(sampleTicket({ level: 3, language: 'en', reason: 'OCR engine crashes on TIFF', conversationId: 'conv-en' }))).reference;
    storeTime = '2026-11-23T09:30:00+01:00';
    refs.callback = (await staff.store.createCallback(sampleCallback({ language: 'fr' }))).reference;
    await staff.store.updateStatus(refs.frTicket, 'resolved');
    storeTime = '2026-11-24T09:00:00+01:00';
  });
  after(() => staff.close());

  const list = async (query: string) => ((await agent.get(`/api/staff/requests${query}`)).body.requests as Array<{ reference: string }>).map((r) => r.reference);

  it('lists every request newest first, with what the user tried', async () => {
    const res = await agent.get('/api/staff/requests');
    expect(res.body.requests.map((r: { reference: string }) => r.reference)).to.deep.equal([refs.callback, refs.enExpert, refs.frTicket]);
    expect(res.body.requests[2].tried.articles[0]).to.include({ id: 'reset-password', feedback: 'not-helpful' });
  });

  it('filters by kind, status, level, language and dates', async () => {
    expect(await list('?kind=callback')).to.deep.equal([refs.callback]);
    expect(await list('?kind=ticket')).to.deep.equal([refs.enExpert, refs.frTicket]);
    expect(await list('?status=open')).to.deep.equal([refs.callback, refs.enExpert]);
    expect(await list('?status=resolved')).to.deep.equal([refs.frTicket]);
    expect(await list('?level=3')).to.deep.equal([refs.enExpert]);
    expect(await list('?level=2')).to.deep.equal([refs.callback]);
    expect(await list('?language=en')).to.deep.equal([refs.enExpert]);
    expect(await list('?from=2026-11-21&to=2026-11-22')).to.deep.equal([refs.enExpert]);
    expect(await list('?from=2026-11-22T15:00:01%2B01:00')).to.deep.equal([refs.callback]);
    expect(await list('?kind=ticket&language=fr&status=resolved&level=1')).to.deep.equal([refs.frTicket]);
  });

  it('answers 400 to a filter it does not know how to read', async () => {
    for (const query of ['?status=done', '?level=5', '?language=de', '?kind=email', '?from=yesterday']) {
      const res = await agent.get(`/api/staff/requests${query}`);
      expect(res.status, query).to.equal(400);
      expect(res.body.error, query).to.match(/^bad filter: \w+: /);
    }
  });

  it('shows one request by its reference, as typed by a person, or 404', async () => {
    const loose = refs.frTicket!.toLowerCase().replace(/-/g, ' ');
    expect((await agent.get(`/api/staff/requests/${encodeURIComponent(loose)}`)).body.request.reference).to.equal(refs.frTicket);
    expect((await agent.get('/api/staff/requests/L1-20261120-9999')).status).to.equal(404);
  });

  it('records a status change with the note and who made it, where the bot reads it', async () => {
    const res = await agent.post(`/api/staff/requests/${refs.enExpert}/status`, { status: 'in-progress', note: 'Escalated to the OCR vendor' });
    expect(res.status).to.equal(200);
    expect(res.body.request.status).to.equal('in-progress');
    const stored = await staff.store.findByReference(refs.enExpert!);
    expect(stored?.status).to.equal('in-progress');
    expect(stored?.statusHistory.at(-1)).to.deep.include({ status: 'in-progress', at: '2026-11-24T09:00:00+01:00', note: 'Escalated to the OCR vendor', by: 'agent@scriba.example' });
    expect(stored?.statusHistory.at(-1), 'an internal note unless said otherwise').to.not.have.property('public');
  });

  it('answers 400 to an unknown status and 404 to an unknown reference', async () => {
    const bad = await agent.post(`/api/staff/requests/${refs.callback}/status`, { status: 'done' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.include('status must be one of open, in-progress, resolved, closed');
    expect((await agent.post('/api/staff/requests/L2-20261123-0999/status', { status: 'closed' })).status).to.equal(404);
  });

  it('returns what a customer typed, markup included, verbatim as JSON text', async () => {
    const script = '<script>alert(1)</script>';
    const image = '<img src=x onerror=alert(1)>';
    storeTime = '2026-11-24T10:00:00+01:00';
    const { reference } = await staff.store.createTicket(sampleTicket({ reason: `${script} ${image}` }));
    await staff.store.recordUnanswered({ conversationId: 'conv-xss', question: image, language: 'fr', kind: 'none' });
    const one = await agent.get(`/api/staff/requests/${reference}`);
    expect(one.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    expect(one.body.request.reason).to.equal(`${script} ${image}`);
    expect(one.text).to.include(JSON.stringify(`${script} ${image}`));
    const groups = (await agent.get('/api/staff/unanswered')).body.groups as Array<{ question: string }>;
    expect(groups.map((g) => g.question)).to.include(image);
  });
});
