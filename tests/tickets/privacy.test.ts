// GDPR: a person erased leaves no trace under DATA_DIR; what is kept for analysis expires.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../../tickets/keyValueStore.js';
import { erasePerson, purgeExpired } from '../../tickets/privacy.js';
import { runScript } from '../helpers/processes.js';
import { botOn, referenceIn, tempDataDir, TEST_NOW } from '../helpers/conversation.js';

async function everything(dir: string): Promise<string> {
  let all = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) all += await readFile(path.join(e.parentPath, e.name), 'utf8');
  return all;
}

const PHONE_SPELLINGS = ['+33612345678', '+33 6 12 34 56 78', '06 12 34 56 78', '0612345678'];

async function aCustomerWhoAskedForHelp(dataDir: string, conversationId: string): Promise<string[]> {
  const { adapter } = await botOn(dataDir, { locale: 'fr-FR', conversationId });
  const references: string[] = [];
  await adapter
    .send('mot de passe oublié, mon mail est anne.martin@exemple.fr')
    .send('non')
    .send('le lien ne marche pas')
    .send('rappelez moi au 06 12 34 56 78')
    .send('Anne Martin')
    .send('demain 14h')
    .send('oui')
    .send('envoyez')
    .assertReply(() => undefined).assertReply(() => undefined).assertReply(() => undefined).assertReply(() => undefined)
    .assertReply(() => undefined).assertReply(() => undefined).assertReply(() => undefined).assertReply(() => undefined)
    .assertReply(() => undefined).assertReply(() => undefined)
    .startTest()
    .catch(() => undefined);
  while (adapter.activeQueue.length) {
    const a = adapter.activeQueue.shift()!;
    if (/L[12]-\d{8}-\d{4}/.test(a.text ?? '')) references.push(referenceIn(a.text));
  }
  return references;
}

describe('privacy', function () {
  this.timeout(30_000);

  it('keeps no email or phone number in transcripts, unanswered questions or feedback: only on the request', async () => {
    const dataDir = await tempDataDir();
    await aCustomerWhoAskedForHelp(dataDir, 'conv-anne');
    const store = createLowdbStore({ dataDir, now: () => TEST_NOW });
    const [request] = await store.listRequests();
    expect(request?.contact).to.deep.include({ phone: '+33612345678', name: 'Anne Martin' });
    const outside = (await everything(dataDir)).replace(JSON.stringify(request, null, 2).slice(1, -1), '');
    const requestsFile = await readFile(path.join(dataDir, 'requests', '2026-11.jsonl'), 'utf8');
    const rest = outside.replace(requestsFile, '');
    expect(rest).to.not.include('anne.martin@exemple.fr');
    for (const p of PHONE_SPELLINGS) expect(rest, p).to.not.include(p);
    expect(JSON.stringify(await store.transcript('conv-anne'))).to.include('[phone]');
  });

  it('erases a person everywhere: no trace left under DATA_DIR, and says what was removed', async () => {
    const dataDir = await tempDataDir();
    await aCustomerWhoAskedForHelp(dataDir, 'conv-anne');
    await aCustomerWhoAskedForHelp(dataDir, 'conv-other');
    const store = createLowdbStore({ dataDir, now: () => TEST_NOW });
    const before = (await store.listRequests()).map((r) => r.reference);
    expect(before).to.have.length(2);
    const erased = await erasePerson(dataDir, store, createLowdbKeyValueStore({ dataDir }), { conversationId: 'conv-anne' });
    expect(erased.conversations).to.deep.equal(['conv-anne']);
    expect(erased.requests).to.have.length(1);
    expect(erased.transcripts).to.equal(1);
    expect(erased.states).to.be.above(0);
    const left = await everything(dataDir);
    expect(left).to.not.include('conv-anne');
    expect(left).to.include('conv-other');
  });

  it('npm run privacy:erase -- --phone … removes everything of that person and prints it', async () => {
    const dataDir = await tempDataDir();
    await aCustomerWhoAskedForHelp(dataDir, 'conv-anne');
    const run = await runScript('scripts/privacyErase.ts', ['--phone', '06 12 34 56 78'], { env: { DATA_DIR: dataDir } });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/requests: +1 \(L2-20261124-0001\)/).and.match(/transcripts: +1/);
    const left = await everything(dataDir);
    expect(left).to.not.include('conv-anne').and.not.include('anne.martin@exemple.fr');
    for (const p of PHONE_SPELLINGS) expect(left, p).to.not.include(p);
  });

  it('npm run privacy:erase refuses while the bot holds the data folder', async () => {
    const dataDir = await tempDataDir();
    const { lockDataDir } = await import('../../tickets/dataDirLock.js');
    const lock = await lockDataDir(dataDir);
    try {
      const run = await runScript('scripts/privacyErase.ts', ['--email', 'anne@exemple.fr'], { env: { DATA_DIR: dataDir } });
      expect(run.code).to.equal(1);
      expect(run.stderr).to.include('is in use by process');
    } finally {
      await lock.release();
    }
  });

  it('purges transcripts, analysis records and state older than the retention period, keeping requests', async () => {
    const dataDir = await tempDataDir();
    await aCustomerWhoAskedForHelp(dataDir, 'conv-anne');
    const store = createLowdbStore({ dataDir, now: () => TEST_NOW });
    const state = createLowdbKeyValueStore({ dataDir });
    expect(await purgeExpired(store, state, 30, new Date('2026-12-01T00:00:00Z'))).to.deep.equal({ transcripts: 0, records: 0, states: 0, files: 0 });
    const purged = await purgeExpired(store, state, 30, new Date('2027-01-15T00:00:00Z'));
    expect(purged.transcripts).to.equal(1);
    expect(purged.records).to.be.above(0);
    expect(await store.transcript('conv-anne')).to.deep.equal([]);
    expect(await store.listUnanswered()).to.deep.equal([]);
    expect(await store.listRequests()).to.have.length(1);
  });
});
