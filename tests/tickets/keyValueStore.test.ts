import { expect } from 'chai';
import { createLowdbKeyValueStore, ETagConflictError } from '../../tickets/keyValueStore.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder, useTempDataDir } from './helpers.js';

describe('the key-value store behind conversation state', () => {
  const dirs = useTempDataDir();
  const open = () => createLowdbKeyValueStore({ dataDir: dirs.dataDir() });
  const conversationKey = 'webchat/conversations/conv-7f3a';
  const dialogState = { dialogStack: [{ id: 'escalation', state: { stepIndex: 2, values: { email: 'elodie.marchand@exemple.fr' } } }] };

  it('gives back a dialog in progress after a restart, with an eTag', async () => {
    await open().write({ [conversationKey]: dialogState });
    const read = await open().read([conversationKey]);
    expect(read[conversationKey]).to.deep.include(dialogState);
    expect((read[conversationKey] as { eTag?: unknown }).eTag).to.be.a('string').and.not.equal('');
  });

  it('leaves out keys that have no value', async () => {
    await open().write({ a: { n: 1 } });
    expect(Object.keys(await open().read(['a', 'b']))).to.deep.equal(['a']);
  });

  it('refuses a write based on a stale read, and keeps the stored value', async () => {
    const store = open();
    await store.write({ [conversationKey]: { turn: 1 } });
    const first = (await store.read([conversationKey]))[conversationKey] as { turn: number; eTag: string };
    const second = (await store.read([conversationKey]))[conversationKey] as { turn: number; eTag: string };
    await store.write({ [conversationKey]: { ...first, turn: 2 } });

    try {
      await store.write({ [conversationKey]: { ...second, turn: 3 } });
      expect.fail('the stale write should have been refused');
    } catch (err) {
      expect(err).to.be.instanceOf(ETagConflictError);
      expect((err as ETagConflictError).key).to.equal(conversationKey);
    }
    expect((await open().read([conversationKey]))[conversationKey]).to.deep.include({ turn: 2 });
  });

  it('stores a new eTag on every write', async () => {
    const store = open();
    await store.write({ k: { n: 1 } });
    const before = (await store.read(['k'])).k as { eTag: string };
    await store.write({ k: { ...before, n: 2 } });
    const after = (await store.read(['k'])).k as { eTag: string; n: number };
    expect(after.n).to.equal(2);
    expect(after.eTag).to.not.equal(before.eTag);
  });

  it("overwrites whatever is stored when the eTag is '*' or absent", async () => {
    const store = open();
    await store.write({ k: { n: 1 } });
    await store.write({ k: { n: 2, eTag: '*' } });
    expect((await store.read(['k'])).k).to.deep.include({ n: 2 });
    await store.write({ k: { n: 3 } });
    expect((await store.read(['k'])).k).to.deep.include({ n: 3 });
  });

  it('accepts an eTag for a key that has no value yet, as botbuilder storage does', async () => {
    await open().write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
    expect((await open().read(['fresh'])).fresh).to.deep.include({ n: 1 });
  });

  it('forgets deleted keys, also after a restart', async () => {
    await open().write({ a: { n: 1 }, b: { n: 2 } });
    await open().delete(['a', 'never-written']);
    expect(Object.keys(await open().read(['a', 'b']))).to.deep.equal(['b']);
  });

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

  it('treats a key named like an object property as an ordinary key', async () => {
    // JSON.parse makes "__proto__" an own key, as a key built from a channel's conversation id would be.
    await open().write(JSON.parse('{"__proto__": {"n": 1}, "constructor": {"n": 2}}') as Record<string, unknown>);
    const read = await open().read(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(read).sort()).to.deep.equal(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(read)).to.equal(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(read, '__proto__')?.value).to.deep.include({ n: 1 });
  });

  it('does not let a caller change stored state through the object it wrote or read', async () => {
    const store = open();
    const value = { list: [1] };
    await store.write({ k: value });
    value.list.push(2);
    ((await store.read(['k'])).k as { list: number[] }).list.push(3);
    expect((await store.read(['k'])).k).to.deep.include({ list: [1] });
  });
});
