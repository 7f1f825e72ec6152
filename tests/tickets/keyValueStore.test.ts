import { expect } from 'chai';
import { createLowdbKeyValueStore } from '../../tickets/keyValueStore.js';
import { keyValueContract } from './keyValueContract.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder, useTempDataDir } from './helpers.js';

describe('the key-value store behind conversation state', () => {
  const dirs = useTempDataDir();
  const open = () => createLowdbKeyValueStore({ dataDir: dirs.dataDir() });
  keyValueContract(open);

  it('keeps each key in its own small file under state/, so a write touches one conversation only', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `msteams/conversations/19:${i}@thread.v2`);
    await open().write(Object.fromEntries(keys.map((k) => [k, { k }])));
    const files = await filesUnder(dirs.dataDir());
    expect(files).to.have.length(40);
    for (const file of files) expect(file).to.match(/^state\/[0-9a-f]{2}\/[0-9a-f]{40}\.json$/);
    expect(Object.keys(await open().read(keys))).to.have.length(40);
  });

  it('leaves no trace of a longer state when a shorter one replaces it', async () => {
    const store = open();
    await store.write({ conv: { form: { email: 'elodie.marchand@exemple.fr', summary: 'x'.repeat(500) } } });
    await store.write({ conv: { form: null } });
    const [file] = await filesUnder(dirs.dataDir());
    const text = await readFile(join(dirs.dataDir(), file!), 'utf8');
    expect(text.split('\n').filter(Boolean)).to.have.length(1);
    expect(text).not.to.include('elodie');
    expect(await open().read(['conv'])).to.have.nested.property('conv.form', null);
  });

  it('reads the new state when a kill came between writing it and cutting the old tail', async () => {
    await open().write({ conv: { step: 'summary', said: 'y'.repeat(300) } });
    const [file] = await filesUnder(dirs.dataDir());
    const path = join(dirs.dataDir(), file!);
    const old = await readFile(path, 'utf8');
    // What the kill leaves: the new, shorter state written over the start, the old tail after it.
    const newer = `${JSON.stringify({ key: 'conv', value: { step: 'email' }, eTag: 'e2', updatedAt: '2026-11-30T10:00:00.000Z' })}\n`;
    await writeFile(path, newer + old.slice(newer.length));
    expect(await open().read(['conv'])).to.deep.equal({ conv: { step: 'email', eTag: 'e2' } });
  });

  it('takes over the state buckets of an earlier version, keeping every conversation', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(dirs.dataDir(), 'state'), { recursive: true });
    const item = (n: number) => ({ value: { dialogState: { step: n } }, eTag: `e${n}`, updatedAt: '2026-11-23T10:00:00.000Z' });
    await writeFile(join(dirs.dataDir(), 'state', '0a.json'), JSON.stringify({ items: { 'webchat/conversations/a/': item(1), 'webchat/conversations/b/': item(2) } }));
    await writeFile(join(dirs.dataDir(), 'state', '0b.json'), '{"items": {"trunc');
    const reports: string[] = [];
    const store = createLowdbKeyValueStore({ dataDir: dirs.dataDir(), report: (l) => reports.push(l) });
    expect(await store.read(['webchat/conversations/a/', 'webchat/conversations/b/'])).to.deep.equal({
      'webchat/conversations/a/': { dialogState: { step: 1 }, eTag: 'e1' },
      'webchat/conversations/b/': { dialogState: { step: 2 }, eTag: 'e2' },
    });
    const files = await filesUnder(dirs.dataDir());
    expect(files.filter((f) => /^state\/[0-9a-f]{2}\.json$/.test(f))).to.deep.equal([]);
    expect(files.filter((f) => f.includes('0b.json.damaged-'))).to.have.length(1);
    expect(reports.join('\n')).to.include('0b.json was damaged and moved to');
  });

});
