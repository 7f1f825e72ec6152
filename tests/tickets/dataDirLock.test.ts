// One process per data folder, in process: the lock, its refusal, and its takeover after a crash.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { DataDirLockedError, lockDataDir } from '../../tickets/dataDirLock.js';
import { useTempDataDir } from './helpers.js';

describe('the lock on DATA_DIR', () => {
  const dirs = useTempDataDir();

  it('records its holder, refuses a second taker at once naming it, and is free again once released', async () => {
    const first = await lockDataDir(dirs.dataDir());
    const holder = JSON.parse(await readFile(path.join(dirs.dataDir(), 'lock-holder.json'), 'utf8')) as { pid: number };
    expect(holder.pid).to.equal(process.pid);
    const startedAt = Date.now();
    const second = await lockDataDir(dirs.dataDir()).then(() => undefined, (e: unknown) => e);
    expect(second).to.be.instanceOf(DataDirLockedError);
    expect((second as Error).message).to.include(`in use by process ${process.pid}`);
    expect(Date.now() - startedAt, 'a live holder is refused without waiting').to.be.below(2_000);
    await first.release();
    const third = await lockDataDir(dirs.dataDir());
    await third.release();
  });

  it('takes over a lock left by a process killed with SIGKILL, once it is stale', async function () {
    this.timeout(20_000);
    // Another process takes the lock, says so, and is killed without a chance to release it.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./tickets/dataDirLock.ts').then((m) => m.lockDataDir(${JSON.stringify(dirs.dataDir())})).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`], { cwd: PROJECT_ROOT });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`the locking process exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const lock = await lockDataDir(dirs.dataDir(), { staleMs: 2_000, waitMs: 8_000 });
    expect(JSON.parse(await readFile(path.join(dirs.dataDir(), 'lock-holder.json'), 'utf8')).pid).to.equal(process.pid);
    await lock.release();
  });
});
