import { expect } from 'chai';
import { Client, PASSWORD, STAFF_TOKEN, startStaffServer, type StaffServer } from './helpers.js';
import { sampleTicket } from '../tickets/helpers.js';

describe('signing in to the staff API', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  let reference = '';
  before(async () => {
    staff = await startStaffServer();
    await staff.addAccount('agent@scriba.example', 'agent');
    await staff.addAccount('viewer@scriba.example', 'viewer');
    reference = (await staff.store.createTicket(sampleTicket())).reference;
  });
  after(() => staff.close());

  it('answers 401 "sign in required" to a caller with no session', async () => {
    for (const route of ['/api/staff/requests', '/api/staff/dashboard', '/api/staff/unanswered', '/api/staff/export/tickets.csv']) {
      const res = await staff.client().get(route);
      expect([res.status, res.body], route).to.deep.equal([401, { error: 'sign in required' }]);
    }
    expect((await staff.client().get('/api/staff/me')).status).to.equal(401);
  });

  it('answers 401 "invalid credentials" alike for a wrong password and an unknown email', async () => {
    const wrong = await staff.client().login('agent@scriba.example', 'not the password');
    const unknown = await staff.client().login('nobody@scriba.example', PASSWORD);
    expect([wrong.status, wrong.body]).to.deep.equal([401, { error: 'invalid credentials' }]);
    expect([unknown.status, unknown.body]).to.deep.equal([401, { error: 'invalid credentials' }]);
    expect(wrong.headers.get('set-cookie')).to.equal(null);
  });

  it('answers 400 to a sign-in without a password', async () => {
    const res = await staff.client().request('POST', '/api/staff/login', { email: 'agent@scriba.example' });
    expect(res.status).to.equal(400);
    expect(res.body.error).to.include('password');
  });

  it('signs in with any case of the email and sets a strict, HttpOnly session cookie', async () => {
    const client = staff.client();
    const res = await client.login('Agent@Scriba.example');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ email: 'agent@scriba.example', role: 'agent' });
    expect(res.body.csrfToken).to.be.a('string').with.length.above(20);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).to.match(/^staff_session=v1\.[\w-]+\.[\w-]+; Path=\/; Max-Age=(28800|2879\d); HttpOnly; SameSite=Strict$/);
    expect((await client.get('/api/staff/requests')).status).to.equal(200);
    expect((await client.get('/api/staff/me')).body).to.deep.equal({ email: 'agent@scriba.example', role: 'agent', csrfToken: res.body.csrfToken, timeZone: 'Europe/Paris' });
  });

  it('marks the cookie Secure when the request came over https (through a TLS proxy)', async () => {
    const res = await staff.client().request('POST', '/api/staff/login', { email: 'agent@scriba.example', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).to.match(/; Secure$/);
  });

  it('refuses a state-changing request without the CSRF token with 403', async () => {
    const client = staff.client();
    await client.login('agent@scriba.example');
    const none = await client.request('POST', `/api/staff/requests/${reference}/status`, { status: 'in-progress' });
    const wrong = await client.request('POST', `/api/staff/requests/${reference}/status`, { status: 'in-progress' }, { 'x-csrf-token': 'forged' });
    expect([none.status, none.body, wrong.status]).to.deep.equal([403, { error: 'csrf' }, 403]);
    expect((await staff.store.findByReference(reference))?.status).to.equal('open');
  });

  it('refuses a viewer changing a status with 403 "forbidden"', async () => {
    const client = staff.client();
    await client.login('viewer@scriba.example');
    expect((await client.get('/api/staff/requests')).status).to.equal(200);
    const res = await client.post(`/api/staff/requests/${reference}/status`, { status: 'closed' });
    expect([res.status, res.body]).to.deep.equal([403, { error: 'forbidden' }]);
  });

  it('lets a script in with the bearer STAFF_TOKEN as admin, without CSRF, and not with another token', async () => {
    const script = new Client(staff.url, { authorization: `Bearer ${STAFF_TOKEN}` });
    expect((await script.get('/api/staff/requests')).status).to.equal(200);
    expect((await script.post(`/api/staff/requests/${reference}/status`, { status: 'in-progress' })).status).to.equal(200);
    expect((await staff.store.findByReference(reference))?.statusHistory.at(-1)?.by).to.equal('staff-token');
    const forged = new Client(staff.url, { authorization: `Bearer ${STAFF_TOKEN.slice(0, -1)}x` });
    expect((await forged.get('/api/staff/requests')).status).to.equal(401);
  });

  it('signs out: 204, the cookie is cleared, and the old cookie no longer works', async () => {
    const client = staff.client();
    await client.login('agent@scriba.example');
    const stolen = client.cookie!;
    const out = await client.post('/api/staff/logout', {});
    expect(out.status).to.equal(204);
    expect(out.headers.get('set-cookie')).to.include('Max-Age=0');
    expect((await new Client(staff.url).request('GET', '/api/staff/requests', undefined, { cookie: stolen })).status).to.equal(401);
  });

  it('ends sessions opened with a password that has since been changed', async () => {
    const client = staff.client();
    await client.login('viewer@scriba.example');
    await staff.addAccount('viewer@scriba.example', 'viewer', 'a brand new password');
    expect((await client.get('/api/staff/requests')).status).to.equal(401);
  });
});

describe('the sign-in rate limit over HTTP', function () {
  this.timeout(60_000);
  let staff: StaffServer;
  before(async () => {
    staff = await startStaffServer();
    await staff.addAccount('agent@scriba.example', 'agent');
  });
  after(() => staff.close());

  it('answers the 6th attempt within 15 minutes with 429 and when to retry, even with the right password', async () => {
    for (let i = 1; i <= 5; i++) expect((await staff.client().login('agent@scriba.example', `wrong password ${i}`)).status, `attempt ${i}`).to.equal(401);
    const sixth = await staff.client().login('agent@scriba.example');
    expect(sixth.status).to.equal(429);
    expect(sixth.body.error).to.equal('too many attempts');
    expect(sixth.body.retryAfterSeconds).to.be.within(880, 900);
    expect(sixth.headers.get('retry-after')).to.equal(String(sixth.body.retryAfterSeconds));
  });

  it('checks at most 5 passwords of 30 wrong sign-ins sent at once', async () => {
    await staff.addAccount('other@scriba.example', 'agent');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => staff.client().login('other@scriba.example', `wrong ${i}`)));
    expect(answers.filter((a) => a.status === 401)).to.have.length(5);
    expect(answers.filter((a) => a.status === 429)).to.have.length(25);
  });
});

describe('behind a reverse proxy (STAFF_TRUST_PROXY=true)', function () {
  this.timeout(60_000);
  let staff: StaffServer;
  before(async () => {
    staff = await startStaffServer({ trustProxy: true });
    await staff.addAccount('agent@scriba.example', 'agent');
  });
  after(() => staff.close());

  it('counts each forwarded address apart, and slows an account attacked from rotating addresses', async () => {
    const from = (ip: string, password = 'wrong') => staff.client().login('agent@scriba.example', password, { 'x-forwarded-for': `10.9.9.9, ${ip}` });
    // Six failures from one forwarded address: its sixth is refused, another address is not.
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7')).status).to.equal(401);
    expect((await from('203.0.113.7')).status).to.equal(429);
    // Rotating the address escapes the per-address count, not the account's: after 20 failures
    // its attempts are spaced.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await from(`198.51.100.${i}`)).status);
    expect(statuses.filter((s) => s === 429).length).to.be.above(0);
  });
});
