// Account management through the staff API: admins list accounts, change a role, disable, enable
// and remove one; each change applies at the account's next request; the console never loses its
// last active admin.
import { expect } from 'chai';
import { Client, STAFF_TOKEN, startStaffServer, type StaffServer } from './helpers.js';
import { sampleTicket } from '../tickets/helpers.js';

const ADMIN = 'admin@scriba.example';
const AGENT = 'agent@scriba.example';
const VIEWER = 'viewer@scriba.example';
const at = (email: string) => `/api/staff/accounts/${encodeURIComponent(email)}`;

describe('managing staff accounts through the API', function () {
  this.timeout(60_000);
  let staff: StaffServer;
  let admin: Client;
  let reference = '';

  before(async () => {
    staff = await startStaffServer();
    reference = (await staff.store.createTicket(sampleTicket())).reference;
  });
  after(() => staff.close());
  beforeEach(async () => {
    // Every test starts from the same three accounts, all enabled.
    for (const [email, role] of [[ADMIN, 'admin'], [AGENT, 'agent'], [VIEWER, 'viewer']] as const) await staff.addAccount(email, role);
    const token = new Client(staff.url, { authorization: `Bearer ${STAFF_TOKEN}` });
    for (const email of [ADMIN, AGENT, VIEWER]) await token.post(`${at(email)}/enable`, {});
    admin = staff.client();
    expect((await admin.login(ADMIN)).status).to.equal(200);
  });

  describe('who may', () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/staff/accounts'],
      ['POST', `${at(AGENT)}/role`, { role: 'viewer' }],
      ['POST', `${at(AGENT)}/disable`, {}],
      ['POST', `${at(AGENT)}/enable`, {}],
      ['POST', `${at(AGENT)}/remove`, {}],
      ['GET', '/api/staff/audit'],
    ];
    for (const [method, route, body] of routes) {
      it(`${method} ${route}: 401 without a session, 403 for a viewer and for an agent, and nothing changes`, async () => {
        const call = (client: Client) => (method === 'GET' ? client.get(route) : client.post(route, body));
        const none = await call(staff.client());
        expect([none.status, none.body]).to.deep.equal([401, { error: 'sign in required' }]);
        for (const email of [VIEWER, AGENT]) {
          const client = staff.client();
          await client.login(email);
          const res = await call(client);
          expect([res.status, res.body], email).to.deep.equal([403, { error: 'forbidden' }]);
        }
        const agent = (await admin.get('/api/staff/accounts')).body.accounts.find((a: { email: string }) => a.email === AGENT);
        expect(agent).to.include({ role: 'agent' }).and.not.have.property('disabledAt');
      });
    }

    it('refuses a change without the CSRF token', async () => {
      const res = await admin.request('POST', `${at(AGENT)}/disable`, {});
      expect([res.status, res.body]).to.deep.equal([403, { error: 'csrf' }]);
    });
  });

  it('lists every account with its role, creation and last sign-in, never a password hash', async () => {
    const res = await admin.get('/api/staff/accounts');
    expect(res.status).to.equal(200);
    expect(res.body.accounts.map((a: { email: string }) => a.email)).to.deep.equal([ADMIN, AGENT, VIEWER]);
    const mine = res.body.accounts[0];
    expect(mine).to.include({ email: ADMIN, role: 'admin' });
    expect(Date.parse(mine.createdAt)).to.be.a('number').and.not.NaN;
    expect(Date.parse(mine.lastSignInAt)).to.be.closeTo(Date.now(), 60_000);
    expect(res.text).to.not.include('argon2').and.not.include('passwordHash');
  });

  it('disables an account: its open session fails at its next request, its sign-in is refused, enabling it again needs a new sign-in', async () => {
    const agent = staff.client();
    await agent.login(AGENT);
    expect((await agent.get('/api/staff/requests')).status).to.equal(200);

    const res = await admin.post(`${at(AGENT)}/disable`, {});
    expect(res.status).to.equal(200);
    expect(res.body.account).to.include({ email: AGENT, role: 'agent' });
    expect(res.body.account.disabledAt).to.be.a('string');

    expect((await agent.get('/api/staff/requests')).status).to.equal(401);
    expect((await agent.post(`/api/staff/requests/${reference}/status`, { status: 'closed' })).status).to.equal(401);
    const again = await staff.client().login(AGENT);
    expect([again.status, again.body]).to.deep.equal([403, { error: 'account disabled' }]);
    expect(again.headers.get('set-cookie')).to.equal(null);
    // A wrong password says no more than for anyone.
    expect((await staff.client().login(AGENT, 'not the password')).status).to.equal(401);

    expect((await admin.post(`${at(AGENT)}/enable`, {})).body.account).to.not.have.property('disabledAt');
    expect((await agent.get('/api/staff/requests')).status, 'the session opened before it was disabled').to.equal(401);
    const fresh = staff.client();
    expect((await fresh.login(AGENT)).status).to.equal(200);
    expect((await fresh.get('/api/staff/requests')).status).to.equal(200);
  });

  it('changes a role, which applies at the account’s next request', async () => {
    const agent = staff.client();
    await agent.login(AGENT);
    const res = await admin.post(`${at(AGENT)}/role`, { role: 'viewer' });
    expect([res.status, res.body.account.role, res.body.changed]).to.deep.equal([200, 'viewer', true]);
    expect((await agent.get('/api/staff/me')).body.role).to.equal('viewer');
    expect((await agent.post(`/api/staff/requests/${reference}/status`, { status: 'closed' })).status).to.equal(403);
    expect((await staff.store.findByReference(reference))?.status).to.equal('open');

    await admin.post(`${at(AGENT)}/role`, { role: 'admin' });
    expect((await agent.get('/api/staff/accounts')).status).to.equal(200);
  });

  it('removes an account: its session ends, it is no longer listed, and a second removal is 404', async () => {
    const viewer = staff.client();
    await viewer.login(VIEWER);
    expect((await admin.post(`${at(VIEWER)}/remove`, {})).status).to.equal(204);
    expect((await viewer.get('/api/staff/requests')).status).to.equal(401);
    expect((await admin.get('/api/staff/accounts')).body.accounts.map((a: { email: string }) => a.email)).to.deep.equal([ADMIN, AGENT]);
    expect((await admin.post(`${at(VIEWER)}/remove`, {})).status).to.equal(404);
  });

  it('answers 404 for every change of an unknown account, and 400 for an unknown role', async () => {
    for (const action of ['disable', 'enable', 'remove']) {
      const res = await admin.post(`${at('nobody@scriba.example')}/${action}`, {});
      expect([res.status, res.body], action).to.deep.equal([404, { error: 'account not found' }]);
    }
    expect((await admin.post(`${at('nobody@scriba.example')}/role`, { role: 'agent' })).status).to.equal(404);
    const bad = await admin.post(`${at(AGENT)}/role`, { role: 'boss' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.include('role must be one of viewer, agent, admin');
  });

  it('finds the account whatever the case of the email in the address', async () => {
    expect((await admin.post(`${at('Agent@Scriba.EXAMPLE')}/role`, { role: 'viewer' })).body.account.email).to.equal(AGENT);
  });

  it('refuses with 409 to disable, demote or remove the last active admin, even for the admin themselves or the token', async () => {
    const token = new Client(staff.url, { authorization: `Bearer ${STAFF_TOKEN}` });
    for (const [client, who] of [[admin, 'the admin'], [token, 'the token']] as const) {
      for (const [action, body] of [['disable', {}], ['role', { role: 'agent' }], ['remove', {}]] as const) {
        const res = await client.post(`${at(ADMIN)}/${action}`, body);
        expect(res.status, `${who} ${action}`).to.equal(409);
        expect(res.body.error).to.equal('last active admin');
        expect(res.body.message).to.match(/only active admin account: make another account admin/);
      }
    }
    expect((await admin.get('/api/staff/me')).body.role).to.equal('admin');
  });

  it('lets an admin step down once another admin is active, and a disabled admin does not count', async () => {
    await admin.post(`${at(AGENT)}/role`, { role: 'admin' });
    await admin.post(`${at(AGENT)}/disable`, {});
    expect((await admin.post(`${at(ADMIN)}/role`, { role: 'agent' })).status, 'the other admin is disabled').to.equal(409);
    await admin.post(`${at(AGENT)}/enable`, {});
    const res = await admin.post(`${at(ADMIN)}/role`, { role: 'agent' });
    expect([res.status, res.body.account.role]).to.deep.equal([200, 'agent']);
    expect((await admin.get('/api/staff/accounts')).status, 'no longer an admin, at the next request').to.equal(403);
    // Put back for the next tests, by the other admin.
    const other = staff.client();
    await other.login(AGENT);
    await other.post(`${at(ADMIN)}/role`, { role: 'admin' });
    await other.post(`${at(AGENT)}/role`, { role: 'agent' });
  });

  it('answers 200 with changed: false to a change already made, and records nothing for it', async () => {
    const first = await admin.post(`${at(VIEWER)}/role`, { role: 'viewer' });
    expect([first.status, first.body.changed]).to.deep.equal([200, false]);
    const audit = await admin.get(`/api/staff/audit?action=account-role-changed&actor=${encodeURIComponent(ADMIN)}`);
    expect(audit.body.entries.filter((e: { target?: string }) => e.target === VIEWER)).to.deep.equal([]);
  });
});
