import { expect } from 'chai';
import { appendFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { transcriptFile } from '../../tickets/dataLayout.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { clockAt, filesUnder, useTempDataDir } from './helpers.js';
import { transcriptMessagesContract } from './transcriptMessagesContract.js';

describe('conversation transcripts', () => {
  const dirs = useTempDataDir();
  const open = () => createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T13:05:09Z') });
  const message = (text: string) => ({ type: 'message', text, locale: 'fr-FR' });

  it('keeps each conversation in its own file, in the order of the activities, across a reopen', async () => {
    const store = open();
    await store.appendTranscript({ conversationId: 'conv-a', direction: 'in', activity: message('mot de pase oublié') });
    await store.appendTranscript({ conversationId: 'conv-b', direction: 'in', activity: message('bonjour') });
    await store.appendTranscript({ conversationId: 'conv-a', direction: 'out', activity: message('Voici comment…') });

    expect(await readdir(join(dirs.dataDir(), 'transcripts'))).to.have.length(2);
    const reopened = open();
    expect(await reopened.transcript('conv-a')).to.deep.equal([
      { at: '2026-11-23T14:05:09+01:00', conversationId: 'conv-a', direction: 'in', activity: message('mot de pase oublié') },
      { at: '2026-11-23T14:05:09+01:00', conversationId: 'conv-a', direction: 'out', activity: message('Voici comment…') },
    ]);
    expect((await reopened.transcript('conv-b')).map((e) => e.activity)).to.deep.equal([message('bonjour')]);
  });

  it('returns an empty transcript for a conversation it has never seen', async () => {
    expect(await open().transcript('conv-unknown')).to.deep.equal([]);
  });

  it('keeps a hostile conversation id inside DATA_DIR', async () => {
    const store = open();
    for (const id of ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', '.']) {
      await store.appendTranscript({ conversationId: id, direction: 'in', activity: message('hi') });
    }
    expect(await readdir(dirs.root())).to.deep.equal(['data']);
    const files = await filesUnder(dirs.dataDir());
    expect(files).to.have.length(4);
    for (const file of files) expect(file).to.match(/^transcripts\/[A-Za-z0-9_-]+\.jsonl$/);
    expect((await open().transcript('../../etc/passwd')).map((e) => e.conversationId)).to.deep.equal(['../../etc/passwd']);
  });

  it('keeps apart ids that differ only in characters a file name cannot hold', async () => {
    const store = open();
    await store.appendTranscript({ conversationId: 'a:b', direction: 'in', activity: message('one') });
    await store.appendTranscript({ conversationId: 'a/b', direction: 'in', activity: message('two') });
    expect((await open().transcript('a:b')).map((e) => e.activity)).to.deep.equal([message('one')]);
    expect((await open().transcript('a/b')).map((e) => e.activity)).to.deep.equal([message('two')]);
  });

  it('stores an activity as its JSON form, as a later reader will see it', async () => {
    const store = open();
    await store.appendTranscript({
      conversationId: 'conv-a', direction: 'in',
      activity: { type: 'message', timestamp: new Date('2026-11-23T13:05:09Z'), value: undefined },
    });
    expect((await open().transcript('conv-a'))[0]?.activity).to.deep.equal({ type: 'message', timestamp: '2026-11-23T13:05:09.000Z' });
  });
});

describe('a transcript that grows and grows', () => {
  const dirs = useTempDataDir();

  it('stops at its size limit, says so once, and keeps the other conversations going', async () => {
    const reports: string[] = [];
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T13:05:09Z'), maxTranscriptBytes: 4_000, report: (line) => reports.push(line) });
    for (let i = 0; i < 40; i++) await store.appendTranscript({ conversationId: 'chatty', direction: 'in', activity: { type: 'message', text: `message ${i} ${'x'.repeat(200)}` } });
    await store.appendTranscript({ conversationId: 'quiet', direction: 'in', activity: { type: 'message', text: 'bonjour' } });
    const kept = await store.transcript('chatty');
    expect(kept.length).to.be.within(10, 20);
    expect(JSON.stringify(kept).length).to.be.at.most(4_000);
    expect(reports).to.deep.equal(['the transcript of conversation chatty is full (4000 bytes): later activities are not kept']);
    expect(await store.transcript('quiet')).to.have.length(1);
  });
});

describe('transcripts of what was said, on disk, beside the activities an existing DATA_DIR holds', () => {
  const dirs = useTempDataDir();
  transcriptMessagesContract(
    (now, maxTranscriptBytes) => {
      const reports: string[] = [];
      return { store: createLowdbStore({ dataDir: dirs.dataDir(), now, report: (l) => reports.push(l), ...(maxTranscriptBytes ? { maxTranscriptBytes } : {}) }), reports };
    },
    // A line of the conversation's file, as the previous version wrote it.
    async (entry) => {
      const file = transcriptFile(dirs.dataDir(), entry.conversationId);
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`);
    },
  );
});
