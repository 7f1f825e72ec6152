// What every backend of conversation state does (the embedded files and PostgreSQL): botbuilder's
// Storage semantics with eTags, keys as plain keys, the purge's removeWhere.
import { expect } from 'chai';
import { ETagConflictError, type KeyValueStore } from '../../tickets/keyValueStore.js';

/** `open` gives the store as a restarted process would see it (same data, new object). */
export function keyValueContract(open: () => KeyValueStore): void {
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

  it('removes the items the purge picks, and says how many', async () => {
    const store = open();
    await store.write({ old: { n: 1 }, recent: { n: 2 }, older: { n: 3 } });
    const removed = await store.removeWhere((item) => item.key.startsWith('old') && typeof item.updatedAt === 'string');
    expect(removed).to.equal(2);
    expect(Object.keys(await open().read(['old', 'recent', 'older']))).to.deep.equal(['recent']);
  });
}
