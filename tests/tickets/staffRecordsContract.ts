// What every backend of the staff records does (files under DATA_DIR and PostgreSQL).
import { expect } from 'chai';
import type { StaffRecords } from '../../tickets/staffRecords.js';

/** `open()`: the records as a restarted process (or another instance) sees them. Each test starts empty. */
export function staffRecordsContract(open: () => StaffRecords): void {
  const anne = { email: 'anne@scriba.example', role: 'agent' as const, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', createdAt: '2026-11-23T10:00:00.000Z' };

  it('finds an account it kept, and nothing for an unknown email', async () => {
    await open().putAccount(anne);
    expect(await open().findAccount('anne@scriba.example')).to.deep.equal(anne);
    expect(await open().findAccount('sam@scriba.example')).to.equal(undefined);
    expect(await open().allAccounts()).to.deep.equal([anne]);
  });

  it('replaces an account with the same email (a new password or role)', async () => {
    await open().putAccount(anne);
    await open().putAccount({ ...anne, role: 'admin', passwordHash: 'other', updatedAt: '2026-11-24T10:00:00.000Z' });
    expect(await open().findAccount('anne@scriba.example')).to.deep.equal({ ...anne, role: 'admin', passwordHash: 'other', updatedAt: '2026-11-24T10:00:00.000Z' });
  });

  it('remembers a signed-out session until it would have expired, and forgets the expired ones', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    await open().revoke('sid-old', now + 1000, now);
    await open().revoke('sid-new', now + 8 * 3600_000, now + 2000);
    expect(await open().revokedUntil('sid-new')).to.equal(now + 8 * 3600_000);
    expect(await open().revokedUntil('sid-old')).to.equal(undefined);
    expect(await open().revokedUntil('sid-never')).to.equal(undefined);
  });
}
