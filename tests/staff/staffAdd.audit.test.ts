// What `npm run staff:add` does goes into the staff audit, as done by `staff:add`.
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileStaffRecords } from '../../tickets/staffRecords.js';
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
