import { expect } from 'chai';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAccountStore } from '../../staff/accounts.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';

describe('staff accounts', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'staff-accounts-')), 'data');
  });

  it('stores a lower-cased email and an argon2id hash, never the password', async () => {
    const { account, created } = await createAccountStore({ records: createFileStaffRecords(dataDir) }).upsert(' Anne.Martin@Example.COM ', 'un mot de passe long', 'viewer');
    expect(created).to.equal(true);
    expect(account).to.include({ email: 'anne.martin@example.com', role: 'viewer' });
    const text = await readFile(path.join(dataDir, 'staff', 'accounts.json'), 'utf8');
    expect(text).to.include('$argon2id$').and.not.include('un mot de passe long');
  });

  it('verifies the right password from a fresh store (read back from disk)', async () => {
    await createAccountStore({ records: createFileStaffRecords(dataDir) }).upsert('anne@example.com', 'un mot de passe long', 'agent');
    const reopened = createAccountStore({ records: createFileStaffRecords(dataDir) });
    expect((await reopened.verifyPassword('ANNE@example.com', 'un mot de passe long'))?.role).to.equal('agent');
    expect(await reopened.verifyPassword('anne@example.com', 'un mot de passe faux')).to.equal(undefined);
    expect(await reopened.verifyPassword('nobody@example.com', 'un mot de passe long')).to.equal(undefined);
  });

  it('updates the password of an existing account and keeps its role unless one is given', async () => {
    const store = createAccountStore({ records: createFileStaffRecords(dataDir) });
    await store.upsert('anne@example.com', 'premier mot de passe', 'admin');
    const { created, account } = await store.upsert('anne@example.com', 'second mot de passe');
    expect([created, account.role]).to.deep.equal([false, 'admin']);
    expect(await store.verifyPassword('anne@example.com', 'premier mot de passe')).to.equal(undefined);
    expect(await store.verifyPassword('anne@example.com', 'second mot de passe')).to.not.equal(undefined);
    expect((await store.upsert('anne@example.com', 'second mot de passe', 'viewer')).account.role).to.equal('viewer');
  });

  it('refuses a password shorter than 12 characters and a malformed email', async () => {
    const store = createAccountStore({ records: createFileStaffRecords(dataDir) });
    try {
      await store.upsert('anne@example.com', 'trop court');
      expect.fail('accepted a short password');
    } catch (err) {
      expect((err as Error).message).to.include('at least 12 characters');
    }
    try {
      await store.upsert('not-an-email', 'un mot de passe long');
      expect.fail('accepted a malformed email');
    } catch (err) {
      expect((err as Error).message).to.include('not an email address');
    }
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const store = createAccountStore({ records: createFileStaffRecords(dataDir) });
    await store.upsert('anne@example.com', 'un mot de passe long');
    await store.verifyPassword('warm-up@example.com', 'x'); // the dummy hash is made once
    const time = async (email: string) => {
      const start = performance.now();
      await store.verifyPassword(email, 'wrong password!');
      return performance.now() - start;
    };
    const known = await time('anne@example.com');
    const unknown = await time('nobody@example.com');
    expect(unknown).to.be.greaterThan(known / 4);
  });
});
