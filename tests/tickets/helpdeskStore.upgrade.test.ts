// A data folder written by an earlier version (whole JSON documents per month and per
// conversation) is taken over as it is: every record found again, numbering going on, and the old
// files replaced by the append-only ones.
import { expect } from 'chai';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { transcriptFile } from '../../tickets/dataLayout.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { clockAt, filesUnder, sampleTicket, useTempDataDir } from './helpers.js';

describe('a data folder of an earlier version', () => {
  const dirs = useTempDataDir();
  const earlier = () => join(dirs.root(), 'earlier');
  const storeAt = (dataDir: string, iso = '2026-11-23T13:05:09Z') => createLowdbStore({ dataDir, now: clockAt(iso) });

  it('keeps every request, record and transcript, goes on numbering after them, and leaves only the new files', async () => {
    // What an earlier version held, made by this store then written in the old layout.
    const source = storeAt(earlier());
    const ticket = await source.createTicket(sampleTicket());
    const feedback = await source.recordFeedback({ conversationId: 'conv-7f3a', articleId: 'reset-password', helpful: false, language: 'fr', question: 'mot de pase oublié' });
    await source.appendTranscript({ conversationId: 'conv-7f3a', direction: 'in', activity: { type: 'message', text: 'mot de pase oublié' } });
    const entries = await source.transcript('conv-7f3a');

    const data = dirs.dataDir();
    for (const folder of ['requests', 'feedback', 'transcripts']) await mkdir(join(data, folder), { recursive: true });
    await writeFile(join(data, 'counters.json'), JSON.stringify({ L1: 1, L2: 0 }));
    await writeFile(join(data, 'requests', '2026-11.json'), JSON.stringify({ requests: [ticket] }));
    await writeFile(join(data, 'feedback', '2026-11.json'), JSON.stringify({ records: [feedback] }));
    const oldTranscript = basename(transcriptFile(data, 'conv-7f3a')).replace(/\.jsonl$/, '.json');
    await writeFile(join(data, 'transcripts', oldTranscript), JSON.stringify({ conversationId: 'conv-7f3a', entries }));

    const store = storeAt(data, '2026-11-23T15:00:00Z');
    expect(await store.findByReference(ticket.reference)).to.deep.equal(ticket);
    expect(await store.listFeedback()).to.deep.equal([feedback]);
    expect(await store.transcript('conv-7f3a')).to.deep.equal(entries);
    expect((await store.searchTranscripts({ q: 'mot de pase' })).total).to.equal(1);
    expect((await store.createTicket(sampleTicket())).reference).to.equal('L1-20261123-0002');

    const files = await filesUnder(data);
    expect(files.filter((f) => f.endsWith('.json') && f !== 'counters.json')).to.deep.equal([]);
    expect(files).to.include.members(['requests/2026-11.jsonl', 'feedback/2026-11.jsonl', `transcripts/${oldTranscript}l`]);
    // Opened again: nothing counted twice.
    const again = storeAt(data, '2026-11-23T16:00:00Z');
    expect((await again.listRequests()).map((r) => r.reference)).to.deep.equal(['L1-20261123-0002', ticket.reference]);
    expect(await again.listFeedback()).to.have.length(1);
  });
});
