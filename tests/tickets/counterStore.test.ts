import { expect } from 'chai';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCounterStore } from '../../tickets/counterStore.js';
import { DataFileError } from '../../tickets/durableJsonFile.js';
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

  it('stops rather than restart from 1 when the counters file is damaged', async () => {
    await mkdir(dirs.dataDir());
    await writeFile(countersFile(), '{"L1": 41, "L2": "seven"}', 'utf8');
    try {
      await createCounterStore(dirs.dataDir()).next(1);
      expect.fail('should have refused the file');
    } catch (err) {
      expect(err).to.be.instanceOf(DataFileError);
      expect((err as Error).message).to.include(countersFile()).and.include('L2');
    }
    expect(await readFile(countersFile(), 'utf8')).to.equal('{"L1": 41, "L2": "seven"}');
  });
});
