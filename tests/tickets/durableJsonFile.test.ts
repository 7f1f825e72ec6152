import { expect } from 'chai';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFileError, DurableJsonFile } from '../../tickets/durableJsonFile.js';
import { filesUnder, useTempDataDir } from './helpers.js';

describe('a durable JSON file', () => {
  const dirs = useTempDataDir();
  const path = (name = 'data.json') => join(dirs.dataDir(), name);

  it('reads back what was written, through a new adapter', async () => {
    await new DurableJsonFile<{ tickets: string[] }>(path()).write({ tickets: ['L1-20261123-0001'] });
    expect(await new DurableJsonFile(path()).read()).to.deep.equal({ tickets: ['L1-20261123-0001'] });
  });

  it('reads a file that does not exist yet as null', async () => {
    expect(await new DurableJsonFile(path()).read()).to.equal(null);
  });

  it('creates the folders it writes into', async () => {
    await new DurableJsonFile(path('requests/2026-11.json')).write({ requests: [] });
    expect(await filesUnder(dirs.dataDir())).to.deep.equal(['requests/2026-11.json']);
  });

  it('refuses a file that is not JSON, names it, and leaves it as it is', async () => {
    await mkdir(dirs.dataDir());
    await writeFile(path(), '{"tickets": [', 'utf8');
    try {
      await new DurableJsonFile(path()).read();
      expect.fail('should have refused the file');
    } catch (err) {
      expect(err).to.be.instanceOf(DataFileError);
      expect((err as DataFileError).message).to.include(path()).and.include('not valid JSON');
    }
    expect(await readFile(path(), 'utf8')).to.equal('{"tickets": [');
  });

  it('refuses JSON that is not an object, which lowdb would otherwise replace with its defaults', async () => {
    await mkdir(dirs.dataDir());
    await writeFile(path(), 'null', 'utf8');
    await expectRejection(new DurableJsonFile(path()).read(), DataFileError, path());
  });

  it('refuses content its parse function rejects, naming the file', async () => {
    await new DurableJsonFile(path()).write({ version: 2 });
    const strict = new DurableJsonFile(path(), { parse: () => { throw new Error("'requests' is missing"); } });
    await expectRejection(strict.read(), DataFileError, `${path()}: unexpected content: 'requests' is missing`);
  });

  it('keeps the previous content when a crash left a half-written temp file beside it', async () => {
    const file = new DurableJsonFile<{ n: number }>(path());
    await file.write({ n: 1 });
    // What a crash between writing and renaming leaves behind.
    await writeFile(join(dirs.dataDir(), `.data.json.4242.deadbeef.tmp`), '{"n": 2, "trunc', 'utf8');

    const reopened = new DurableJsonFile<{ n: number }>(path());
    expect(await reopened.read()).to.deep.equal({ n: 1 });
    await reopened.write({ n: 3 });
    expect(await new DurableJsonFile(path()).read()).to.deep.equal({ n: 3 });
  });

  it('applies concurrent writes in the order they were made and leaves no temp file', async () => {
    const file = new DurableJsonFile<{ n: number }>(path());
    await Promise.all(Array.from({ length: 10 }, (_, n) => file.write({ n })));
    expect(await new DurableJsonFile(path()).read()).to.deep.equal({ n: 9 });
    expect(await filesUnder(dirs.dataDir())).to.deep.equal(['data.json']);
  });

  it('writes the data as it was when write was called', async () => {
    const data = { n: 1 };
    const written = new DurableJsonFile<{ n: number }>(path()).write(data);
    data.n = 2;
    await written;
    expect(await new DurableJsonFile(path()).read()).to.deep.equal({ n: 1 });
  });
});

async function expectRejection(promise: Promise<unknown>, type: new (...args: never[]) => Error, text: string): Promise<void> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(type);
    expect((err as Error).message).to.include(text);
    return;
  }
  expect.fail(`expected a ${type.name}`);
}
