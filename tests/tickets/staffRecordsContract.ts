// What every backend of the staff records does (files under DATA_DIR and PostgreSQL).
import { expect } from 'chai';
import type { StaffRecords } from '../../tickets/staffRecords.js';
import type { StaffAuditEntry } from '../../tickets/types.js';

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

  it('keeps whether an account is disabled and since when its sessions are over', async () => {
    const disabled = { ...anne, disabledAt: '2026-11-24T10:00:00.000Z', sessionsEndedAt: '2026-11-24T10:00:00.000Z' };
    await open().putAccount(disabled);
    expect(await open().findAccount(anne.email)).to.deep.equal(disabled);
    const { disabledAt: _, ...enabled } = disabled;
    await open().putAccount(enabled);
    expect(await open().findAccount(anne.email)).to.deep.equal(enabled);
  });

  describe('changing an account', () => {
    const sam = { ...anne, email: 'sam@scriba.example', role: 'admin' as const };

    it('keeps the account decide returns, seeing every account as it is', async () => {
      await open().putAccount(anne);
      await open().putAccount(sam);
      let seen: string[] = [];
      const decision = await open().changeAccount(anne.email, (account, all) => {
        seen = all.map((a) => a.email).sort();
        return { keep: { ...account, role: 'viewer' } };
      });
      expect(decision).to.deep.equal({ keep: { ...anne, role: 'viewer' } });
      expect(seen).to.deep.equal([anne.email, sam.email]);
      expect(await open().findAccount(anne.email)).to.deep.equal({ ...anne, role: 'viewer' });
    });

    it('removes it, and it is gone from the list', async () => {
      await open().putAccount(anne);
      await open().putAccount(sam);
      expect(await open().changeAccount(anne.email, () => ({ remove: true }))).to.deep.equal({ remove: true });
      expect(await open().findAccount(anne.email)).to.equal(undefined);
      expect(await open().allAccounts()).to.deep.equal([sam]);
    });

    it('changes nothing when decide refuses, and says nothing for an unknown email', async () => {
      await open().putAccount(anne);
      expect(await open().changeAccount(anne.email, () => ({ refuse: 'last-admin' }))).to.deep.equal({ refuse: 'last-admin' });
      expect(await open().findAccount(anne.email)).to.deep.equal(anne);
      let asked = false;
      expect(await open().changeAccount('nobody@scriba.example', () => ((asked = true), { remove: true }))).to.equal(undefined);
      expect(asked).to.equal(false);
    });

    it('makes concurrent changes one after the other: each sees the one before', async () => {
      await open().putAccount(anne);
      await open().putAccount(sam);
      const records = open();
      // Two admins demoting each other at once: the second sees the first's change.
      const demoteUnlessLast = (email: string) => records.changeAccount(email, (account, all) =>
        all.filter((a) => a.role === 'admin' && a.email !== email).length === 0 ? { refuse: 'last-admin' } : { keep: { ...account, role: 'agent' } });
      await open().changeAccount(anne.email, (a) => ({ keep: { ...a, role: 'admin' } }));
      const results = await Promise.all([demoteUnlessLast(anne.email), demoteUnlessLast(sam.email)]);
      expect(results.filter((r) => r && 'refuse' in r)).to.have.length(1);
      expect((await open().allAccounts()).filter((a) => a.role === 'admin')).to.have.length(1);
    });
  });

  describe('the staff audit', () => {
    const entry = (at: string, action: StaffAuditEntry['action'], actor = 'anne@scriba.example', extra: Partial<StaffAuditEntry> = {}): StaffAuditEntry => ({ at, actor, action, ...extra });
    const signIn = entry('2026-11-23T09:00:00.000Z', 'sign-in', 'anne@scriba.example', { address: '192.0.2.10' });
    const failed = entry('2026-11-23T09:05:00.000Z', 'sign-in-failed', 'sam@scriba.example', { details: 'wrong password or unknown account', address: '198.51.100.7' });
    const status = entry('2026-11-30T23:30:00.000Z', 'request-status-changed', 'anne@scriba.example', { target: 'L1-20261123-0001', details: 'in-progress' });
    const disabled = entry('2026-12-01T08:00:00.000Z', 'account-disabled', 'token', { target: 'sam@scriba.example' });

    async function keep(...entries: StaffAuditEntry[]): Promise<void> {
      for (const e of entries) await open().appendAudit(e);
    }

    it('pages newest first with the total, across months', async () => {
      await keep(signIn, failed, status, disabled);
      expect(await open().pageAudit({}, { offset: 0, limit: 3 })).to.deep.equal({ entries: [disabled, status, failed], total: 4 });
      expect(await open().pageAudit({}, { offset: 3, limit: 3 })).to.deep.equal({ entries: [signIn], total: 4 });
    });

    it('filters by action, by actor and by time (from included, to excluded)', async () => {
      await keep(signIn, failed, status, disabled);
      expect((await open().pageAudit({ action: 'sign-in-failed' }, { offset: 0, limit: 10 })).entries).to.deep.equal([failed]);
      expect(await open().pageAudit({ actor: 'anne@scriba.example' }, { offset: 0, limit: 10 })).to.deep.equal({ entries: [status, signIn], total: 2 });
      expect(await open().pageAudit({ from: '2026-11-23T09:05:00Z', to: '2026-12-01T08:00:00Z' }, { offset: 0, limit: 10 })).to.deep.equal({ entries: [status, failed], total: 2 });
      expect(await open().pageAudit({ action: 'sign-in', actor: 'sam@scriba.example' }, { offset: 0, limit: 10 })).to.deep.equal({ entries: [], total: 0 });
    });

    it('keeps entries of the same millisecond in the order they were written', async () => {
      const first = entry('2026-11-23T09:00:00.000Z', 'account-role-changed', 'token', { target: 'anne@scriba.example', details: 'agent → admin' });
      const second = entry('2026-11-23T09:00:00.000Z', 'account-disabled', 'token', { target: 'anne@scriba.example' });
      await keep(first, second);
      expect((await open().pageAudit({}, { offset: 0, limit: 10 })).entries).to.deep.equal([second, first]);
      expect(await open().allAudit()).to.deep.equal([first, second]);
    });

    it('keeps times in UTC to the millisecond, whatever offset they were given with', async () => {
      await keep({ ...signIn, at: '2026-11-23T10:00:00+01:00' });
      expect((await open().allAudit())[0]?.at).to.equal('2026-11-23T09:00:00.000Z');
    });

    it('refuses an action that is not in the list, and keeps nothing', async () => {
      let refused: unknown;
      await open().appendAudit({ ...signIn, action: 'password-shown' as StaffAuditEntry['action'] }).catch((err: unknown) => (refused = err));
      expect(refused).to.be.instanceOf(Error);
      expect(await open().allAudit()).to.deep.equal([]);
    });

    it('knows when each account last signed in', async () => {
      await keep(signIn, failed, entry('2026-11-25T09:00:00.000Z', 'sign-in'), entry('2026-11-26T09:00:00.000Z', 'sign-out'));
      expect(await open().lastSignIns(['anne@scriba.example', 'sam@scriba.example', 'lea@scriba.example'])).to.deep.equal({ 'anne@scriba.example': '2026-11-25T09:00:00.000Z' });
    });
  });
}
