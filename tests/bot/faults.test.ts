// The faults an operator meets, played against the real bot process while customers type tickets
// and callbacks: whatever happens, no reference a customer was given is lost or given to another.
// `npm run bench:faults` plays the same scenarios longer (kill -9 ×20, and a second process under
// load; tests/bot/lifecycle.test.ts checks that one is refused) and prints the table.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { damagedFiles, diskFull, killNine, readOnly, sigterm, type FaultResult } from '../../bench/faults/scenarios.js';

function expectNothingLost(result: FaultResult): void {
  const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.what}: ${c.detail ?? 'no'}`);
  expect(failed, result.fault).to.deep.equal([]);
  expect({ lost: result.lost, givenTwice: result.givenTwice }, result.fault).to.deep.equal({ lost: 0, givenTwice: 0 });
  // Every reference a customer heard is in the store (the store may hold more: a reply cut by the fault).
  expect(result.stored, result.fault).to.be.at.least(result.acknowledged);
}

describe('faults under load, as an operator meets them', function () {
  this.timeout(120_000);
  let temp = '';
  before(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), 'faults-'));
  });
  after(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  /** Skipped with a printed notice where the machine cannot play the fault (no tmpfs). */
  function playable(context: Mocha.Context, result: FaultResult): FaultResult {
    if (result.skipped) {
      process.stdout.write(`      notice: "${result.fault}" skipped: ${result.skipped}\n`);
      context.skip();
    }
    return result;
  }

  it('kill -9 at random moments, twice: every reference given is stored, none twice', async () => {
    const result = await killNine(path.join(temp, 'kill'), 2);
    expect(result.acknowledged).to.be.greaterThan(0);
    expectNothingLost(result);
  });

  it('SIGTERM under load: the turns under way finish, exit 0 within the grace period', async () => {
    expectNothingLost(await sigterm(path.join(temp, 'term')));
  });

  it('a deleted counter, then a damaged counter, torn month files and a garbage state file: numbering goes on', async () => {
    // On the folder the kill -9 rounds left, tickets and all.
    expectNothingLost(await damagedFiles(path.join(temp, 'kill')));
  });

  it('a full disk: requests refused with "could not record" and the form kept, answers go on, taken again once freed', async function () {
    expectNothingLost(playable(this, await diskFull(temp)));
  });

  it('a read-only folder: the bot refuses to start and says why, without a stack trace', async function () {
    expectNothingLost(playable(this, await readOnly(temp)));
  });
});
