// The console shows every time in the business time zone: it learns that zone from the answers it
// already reads at start (signing in, "who am I"), not from the browser.
import { expect } from 'chai';
import { startStaffServer, type StaffServer } from './helpers.js';

describe('the business time zone given to the console', function () {
  this.timeout(30_000);
  let staff: StaffServer;
  before(async () => {
    staff = await startStaffServer({ timeZone: 'America/Montreal' });
    await staff.addAccount('viewer@scriba.example', 'viewer');
  });
  after(() => staff.close());

  it('comes with the sign-in and with every "who am I", as configured', async () => {
    const client = staff.client();
    expect((await client.login('viewer@scriba.example')).body.timeZone).to.equal('America/Montreal');
    expect((await client.get('/api/staff/me')).body.timeZone).to.equal('America/Montreal');
  });
});
