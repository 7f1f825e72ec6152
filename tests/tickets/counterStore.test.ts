import { expect } from 'chai';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCounterStore } from '../../tickets/counterStore.js';
import { useTempDataDir } from './helpers.js';

describe('reference counters', () => {
  const dirs = useTempDataDir();
  const countersFile = () => join(dirs.dataDir(), 'counters.json');

  it('counts from 1, separately for each level', async () => {
    const counters = createCounterStore(dirs.dataDir());
    expect([await counters.next(1), await counters.next(1), await counters.next(2)]).to.deep.equal([1, 2, 1]);
  });

  it('has the number on disk by the time it hands it out', async () => {
    const counters = createCounterStore(dirs.dataDir());
    await counters.next(2);
    await counters.next(2);
    expect(JSON.parse(await readFile(countersFile(), 'utf8'))).to.deep.equal({ L1: 0, L2: 2 });
  });

  it('never gives a number again after a restart', async () => {
    const before = createCounterStore(dirs.dataDir());
    await before.next(1);
    await before.next(1);
    const after = createCounterStore(dirs.dataDir());
    expect(await after.next(1)).to.equal(3);
  });

  it('gives twenty concurrent callers twenty different numbers', async () => {
    const counters = createCounterStore(dirs.dataDir());
    const numbers = await Promise.all(Array.from({ length: 20 }, () => counters.next(1)));
    expect([...numbers].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await createCounterStore(dirs.dataDir()).next(1)).to.equal(21);
  });

  it('moves a damaged counters file aside, says so, and goes on from the highest stored reference', async () => {
    await mkdir(dirs.dataDir());
    await writeFile(countersFile(), '{"L1": 41, "L2": "seven"}', 'utf8');
    const reports: string[] = [];
    const counters = createCounterStore(dirs.dataDir(), { highestStored: async () => ({ L1: 41, L2: 7 }), report: (line) => reports.push(line) });
    expect(await counters.next(1)).to.equal(42);
    expect(await counters.next(2)).to.equal(8);
    expect(reports[0]).to.include('counters.json was damaged and moved to');
    const aside = (await readdir(dirs.dataDir())).filter((f) => f.startsWith('counters.json.damaged-'));
    expect(aside).to.have.length(1);
    expect(await readFile(join(dirs.dataDir(), aside[0]!), 'utf8')).to.equal('{"L1": 41, "L2": "seven"}');
  });

  it('raises a counters file that is behind the stored references (lost, or restored from an old backup)', async () => {
    await mkdir(dirs.dataDir());
    await writeFile(countersFile(), '{"L1": 3, "L2": 0}', 'utf8');
    const reports: string[] = [];
    const counters = createCounterStore(dirs.dataDir(), { highestStored: async () => ({ L1: 12, L2: 0 }), report: (line) => reports.push(line) });
    expect(await counters.next(1)).to.equal(13);
    expect(reports).to.deep.equal(['counters.json said L1 3 but references up to 12 are stored: numbering goes on from 12']);
  });
});
