// The staff audit through the API: sign-ins, failed sign-ins (with the email typed and the caller's
// address), sign-outs and the changes made from the console are recorded, and an admin pages them
// newest first, filtered by action, actor and time.
import { expect } from 'chai';
import { Client, PASSWORD, STAFF_TOKEN, startStaffServer, type StaffServer } from './helpers.js';
import { sampleTicket } from '../tickets/helpers.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import type { StaffAuditEntry } from '../../tickets/types.js';

const ADMIN = 'admin@scriba.example';
const AGENT = 'agent@scriba.example';

interface Page {
  entries: StaffAuditEntry[];
  total: number;
  actions: string[];
}

describe('the staff audit through the API', function () {
  this.timeout(60_000);
  let staff: StaffServer;
  let admin: Client;
  const audit = async (query = '') => (await admin.get<Page>(`/api/staff/audit${query}`)).body;

  before(async () => {
    staff = await startStaffServer();
    await staff.addAccount(ADMIN, 'admin');
    await staff.addAccount(AGENT, 'agent');
    admin = staff.client();
    await admin.login(ADMIN);
  });
  after(() => staff.close());

  it('records a sign-in, a failed sign-in with the email typed and the address, and a sign-out; never the password', async () => {
    const agent = staff.client();
    await agent.login('Agent@Scriba.example', 'the wrong password typed');
    await agent.login(AGENT);
    await agent.post('/api/staff/logout', {});

    const { entries } = await audit(`?actor=${encodeURIComponent(AGENT)}`);
    expect(entries.map((e) => [e.action, e.actor, e.address])).to.deep.equal([
      ['sign-out', AGENT, '127.0.0.1'],
      ['sign-in', AGENT, '127.0.0.1'],
      ['sign-in-failed', AGENT, '127.0.0.1'],
    ]);
    expect(entries[2]?.details).to.equal('wrong password or unknown account');
    const everything = JSON.stringify(await audit('?limit=200'));
    expect(everything).to.not.include('the wrong password typed').and.not.include(PASSWORD);
  });

  it('records a failed sign-in for an email that has no account', async () => {
    await staff.client().login('nobody@scriba.example', 'some password');
    const { entries } = await audit('?action=sign-in-failed&actor=nobody@scriba.example');
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ actor: 'nobody@scriba.example', details: 'wrong password or unknown account' });
  });

  it('records a status change with the request’s reference, and who made it, the token included', async () => {
    const { reference } = await staff.store.createTicket(sampleTicket());
    const agent = staff.client();
    await agent.login(AGENT);
    await agent.post(`/api/staff/requests/${reference}/status`, { status: 'in-progress', note: 'Rappelé Mme Marchand au 06 12 34 56 78' });
    await new Client(staff.url, { authorization: `Bearer ${STAFF_TOKEN}` }).post(`/api/staff/requests/${reference}/status`, { status: 'resolved' });

    const { entries } = await audit('?action=request-status-changed');
    expect(entries.map((e) => [e.actor, e.target, e.details])).to.deep.equal([
      ['token', reference, 'resolved'],
      [AGENT, reference, 'in-progress'],
    ]);
    // The note may hold the customer's personal data: it stays on the request, not in the audit.
    expect(JSON.stringify(entries)).to.not.include('Marchand').and.not.include('06 12');
  });

  it('records a knowledge base edit with the article it changed', async () => {
    const agent = staff.client();
    await agent.login(AGENT);
    const res = await agent.post('/api/staff/articles/approval-workflow/questions', { question: 'le tampon numérique refuse de signer', lang: 'fr' });
    expect(res.status).to.equal(200);
    const { entries } = await audit('?action=knowledge-edited');
    expect(entries.map((e) => [e.actor, e.target, e.details])).to.deep.equal([[AGENT, 'approval-workflow', 'add-question (fr)']]);
  });

  it('records account changes made from the console', async () => {
    await admin.post(`/api/staff/accounts/${encodeURIComponent(AGENT)}/role`, { role: 'viewer' });
    await admin.post(`/api/staff/accounts/${encodeURIComponent(AGENT)}/disable`, {});
    await admin.post(`/api/staff/accounts/${encodeURIComponent(AGENT)}/enable`, {});
    await admin.post(`/api/staff/accounts/${encodeURIComponent(AGENT)}/role`, { role: 'agent' });
    const { entries } = await audit(`?actor=${encodeURIComponent(ADMIN)}&limit=4`);
    expect(entries.map((e) => [e.action, e.target, e.details ?? null])).to.deep.equal([
      ['account-role-changed', AGENT, 'viewer → agent'],
      ['account-enabled', AGENT, null],
      ['account-disabled', AGENT, null],
      ['account-role-changed', AGENT, 'agent → viewer'],
    ]);
  });

  it('pages newest first with the total, and says which actions there are', async () => {
    const all = await audit('?limit=200');
    expect(all.total).to.equal(all.entries.length).and.be.above(10);
    const times = all.entries.map((e) => Date.parse(e.at));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const second = await audit('?limit=3&offset=3');
    expect(second.entries).to.deep.equal(all.entries.slice(3, 6));
    expect(second.total).to.equal(all.total);
    expect(all.actions).to.include.members(['sign-in', 'sign-in-failed', 'account-disabled', 'request-status-changed', 'knowledge-edited']);
  });

  it('filters by time: `from` included, `to` excluded', async () => {
    const all = (await audit('?limit=200')).entries;
    const middle = all[Math.floor(all.length / 2)]!;
    const after = await audit(`?from=${encodeURIComponent(middle.at)}&limit=200`);
    expect(after.entries.every((e) => e.at >= middle.at)).to.equal(true);
    expect(after.entries).to.deep.include(middle);
    const before = await audit(`?to=${encodeURIComponent(middle.at)}&limit=200`);
    expect(before.entries.every((e) => e.at < middle.at)).to.equal(true);
    expect(after.total + before.total).to.equal(all.length);
    expect((await audit('?from=2999-01-01')).total).to.equal(0);
  });

  it('answers 400 to an action that is not in the list', async () => {
    const res = await admin.get('/api/staff/audit?action=password-shown');
    expect(res.status).to.equal(400);
    expect(res.body.error).to.include('action must be one of sign-in, sign-in-failed');
  });

  it('keeps what it recorded on disk, for the next start', async () => {
    const kept = await createFileStaffRecords(staff.dataDir).allAudit();
    expect(kept.length).to.equal((await audit('?limit=200')).total);
  });
});

describe('the staff audit behind a reverse proxy (STAFF_TRUST_PROXY=true)', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  before(async () => {
    staff = await startStaffServer({ trustProxy: true });
    await staff.addAccount(ADMIN, 'admin');
  });
  after(() => staff.close());

  it('records the address the proxy forwarded, not the proxy’s', async () => {
    await staff.client().login(ADMIN, 'wrong password here', { 'x-forwarded-for': '10.0.0.1, 203.0.113.9' });
    const admin = staff.client();
    await admin.login(ADMIN);
    const { entries } = (await admin.get<Page>('/api/staff/audit?action=sign-in-failed')).body;
    expect(entries.map((e) => e.address)).to.deep.equal(['203.0.113.9']);
  });
});
