import { expect } from 'chai';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAccountStore } from '../../staff/accounts.js';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { runScript } from '../helpers/processes.js';

/** Runs `npm run staff:add -- …` as npm would (tsx), in `cwd`, with no terminal on stdin. */
async function staffAdd(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const run = await runScript('scripts/staffAdd.ts', args, { cwd, env });
  return { code: run.code, output: run.stdout + run.stderr };
}

describe('npm run staff:add', function () {
  this.timeout(30_000);
  let cwd = '';
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'staff-add-'));
    await writeFile(path.join(cwd, '.env'), 'DATA_DIR=./from-dotenv\n');
  });

  it('creates an account with the password from STAFF_PASSWORD, in the DATA_DIR of .env', async () => {
    const run = await staffAdd(cwd, ['Anne@Scriba.example', '--role', 'admin'], { STAFF_PASSWORD: 'un mot de passe long' });
    expect(run.code, run.output).to.equal(0);
    expect(run.output).to.include('created anne@scriba.example (admin)');
    const store = createAccountStore({ records: createFileStaffRecords(path.join(cwd, 'from-dotenv')) });
    expect((await store.verifyPassword('anne@scriba.example', 'un mot de passe long'))?.role).to.equal('admin');
  });

  it('sets a new password for an existing account and keeps its role', async () => {
    await staffAdd(cwd, ['anne@scriba.example', '--role', 'viewer'], { STAFF_PASSWORD: 'un mot de passe long' });
    const run = await staffAdd(cwd, ['anne@scriba.example'], { STAFF_PASSWORD: 'un autre mot de passe' });
    expect(run.output).to.include('updated anne@scriba.example (viewer)');
    const store = createAccountStore({ records: createFileStaffRecords(path.join(cwd, 'from-dotenv')) });
    expect(await store.verifyPassword('anne@scriba.example', 'un autre mot de passe')).to.not.equal(undefined);
  });

  it('prefers DATA_DIR from the environment over .env', async () => {
    const dataDir = path.join(cwd, 'from-env');
    await staffAdd(cwd, ['anne@scriba.example'], { STAFF_PASSWORD: 'un mot de passe long', DATA_DIR: dataDir });
    expect(await createAccountStore({ records: createFileStaffRecords(dataDir) }).find('anne@scriba.example')).to.not.equal(undefined);
    expect(await createAccountStore({ records: createFileStaffRecords(path.join(cwd, 'from-dotenv')) }).find('anne@scriba.example')).to.equal(undefined);
  });

  const refusals: Array<[string, string[], Record<string, string>, string]> = [
    ['a password under 12 characters', ['anne@scriba.example'], { STAFF_PASSWORD: 'trop court' }, 'at least 12 characters'],
    ['no password and no terminal to type it', ['anne@scriba.example'], {}, 'set STAFF_PASSWORD'],
    ['an unknown role', ['anne@scriba.example', '--role', 'boss'], { STAFF_PASSWORD: 'un mot de passe long' }, '--role must be one of viewer, agent, admin'],
    ['a malformed email', ['anne'], { STAFF_PASSWORD: 'un mot de passe long' }, "'anne' is not an email address"],
    ['no email', [], {}, 'usage: npm run staff:add'],
  ];
  for (const [what, args, env, message] of refusals) {
    it(`refuses ${what} and writes nothing`, async () => {
      const run = await staffAdd(cwd, args, env);
      expect(run.code).to.equal(1);
      expect(run.output).to.include(message);
      expect(await createAccountStore({ records: createFileStaffRecords(path.join(cwd, 'from-dotenv')) }).find('anne@scriba.example')).to.equal(undefined);
    });
  }
});
