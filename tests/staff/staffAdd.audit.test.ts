// What `npm run staff:add` does goes into the staff audit, as done by `staff:add`, in the store the
// bot reads: files under DATA_DIR, or PostgreSQL with STORAGE=postgres.
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAccountStore } from '../../staff/accounts.js';
import { createPgStaffRecords } from '../../tickets/postgres/pgStaffRecords.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { usePostgres } from '../helpers/postgres.js';
import { runScript } from '../helpers/processes.js';

describe('npm run staff:add and the staff audit', function () {
  this.timeout(30_000);

  it('records the account created, then a new password and a change of role', async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'staff-add-audit-')), 'data');
    const env = { DATA_DIR: dataDir, STAFF_PASSWORD: 'un mot de passe long' };
    expect((await runScript('scripts/staffAdd.ts', ['anne@scriba.example', '--role', 'agent'], { cwd: os.tmpdir(), env })).code).to.equal(0);
    expect((await runScript('scripts/staffAdd.ts', ['anne@scriba.example', '--role', 'admin'], { cwd: os.tmpdir(), env: { ...env, STAFF_PASSWORD: 'un autre mot de passe' } })).code).to.equal(0);

    const entries = await createFileStaffRecords(dataDir).allAudit();
    expect(entries.map(({ actor, action, target, details }) => ({ actor, action, target, details }))).to.deep.equal([
      { actor: 'staff:add', action: 'account-created', target: 'anne@scriba.example', details: 'role agent' },
      { actor: 'staff:add', action: 'account-password-set', target: 'anne@scriba.example', details: undefined },
      { actor: 'staff:add', action: 'account-role-changed', target: 'anne@scriba.example', details: 'agent → admin' },
    ]);
    expect(JSON.stringify(entries)).to.not.include('mot de passe');
  });
});

describe('npm run staff:add with STORAGE=postgres', function () {
  this.timeout(30_000);
  const db = usePostgres('TRUNCATE staff_accounts, staff_audit');

  it('creates the account in the database the bot reads, and audits it there, writing no file', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${db.schema()}`);
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'staff-add-pg-')), 'data');
    const env = { STORAGE: 'postgres', DATABASE_URL: url.href, DATA_DIR: dataDir, STAFF_PASSWORD: 'un mot de passe long' };
    const run = await runScript('scripts/staffAdd.ts', ['Anne@Scriba.example', '--role', 'admin'], { cwd: os.tmpdir(), env });
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.include('created anne@scriba.example (admin), data in PostgreSQL');
    expect(run.stdout).to.not.include('app@');

    const records = createPgStaffRecords(db.shared());
    expect((await createAccountStore({ records }).verifyPassword('anne@scriba.example', 'un mot de passe long'))?.role).to.equal('admin');
    expect((await records.allAudit()).map((e) => [e.actor, e.action, e.target])).to.deep.equal([['staff:add', 'account-created', 'anne@scriba.example']]);
    expect(await createFileStaffRecords(dataDir).allAccounts()).to.deep.equal([]);
  });

  it('refuses STORAGE=postgres without DATABASE_URL', async () => {
    const run = await runScript('scripts/staffAdd.ts', ['anne@scriba.example'], { cwd: os.tmpdir(), env: { STORAGE: 'postgres', STAFF_PASSWORD: 'un mot de passe long' } });
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include('DATABASE_URL is required when STORAGE is postgres');
  });
});
