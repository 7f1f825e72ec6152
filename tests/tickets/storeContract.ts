// What every backend of the helpdesk store does beside requests (the embedded files and
// PostgreSQL): records, transcripts and their search, the retention purge, a person's erasure.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import type { FeedbackRecord, KbEdit } from '../../tickets/types.js';
import { until } from '../helpers/until.js';
import { clockAt, clockReading, sampleCallback, sampleTicket } from './helpers.js';

interface Opened {
  store: HelpdeskStore;
  /** what the store reported (a full transcript) */
  reports: string[];
}

/** `open(now, maxTranscriptBytes?)`: the store with that clock, as a restarted process would see it. Each test starts empty. */
export function storeContract(open: (now: () => Date, maxTranscriptBytes?: number) => Opened): void {
  const at = (iso: string) => open(clockAt(iso)).store;
  const message = (text: string) => ({ type: 'message', text, locale: 'fr-FR' });
  const feedback = (when: string, helpful: boolean): FeedbackRecord => ({
    at: when, conversationId: 'conv-7f3a', articleId: 'reset-password', helpful, language: 'fr', question: 'mot de pase oublié',
  });

  it('lists feedback oldest first, inside a time range, with personal data masked', async () => {
    const store = at('2026-12-02T09:00:00Z');
    await store.recordFeedback(feedback('2026-12-01T09:00:00+01:00', true));
    await store.recordFeedback({ ...feedback('2026-11-23T14:05:09+01:00', false), missing: 'écrivez-moi à elodie.marchand@exemple.fr' });
    const listed = await at('2026-12-02T09:00:00Z').listFeedback();
    expect(listed.map((f) => f.at)).to.deep.equal(['2026-11-23T14:05:09+01:00', '2026-12-01T09:00:00+01:00']);
    expect(listed[0]!.missing).to.not.include('elodie.marchand');
    expect((await store.listFeedback({ from: '2026-11-30T00:00:00+01:00' })).map((f) => f.at)).to.deep.equal(['2026-12-01T09:00:00+01:00']);
  });

  it('timestamps a record with the store clock when no time is given', async () => {
    const store = at('2026-11-23T13:05:09Z');
    await store.recordUnanswered({ conversationId: 'conv-7f3a', question: 'comment exporter vers SharePoint ?', language: 'fr', kind: 'clarify-no-pick', topMatches: [{ id: 'export-pdf', score: 0.41 }] });
    await store.recordLookupFailure({ reference: 'L1-20261123-0001', conversationId: 'guesser' });
    await store.recordAnswerShown({ conversationId: 'conv-7f3a', articleId: 'reset-password', confidence: 0.9, language: 'fr', question: 'mdp' });
    expect((await store.listUnanswered())[0]).to.deep.include({ at: '2026-11-23T14:05:09+01:00', kind: 'clarify-no-pick' });
    expect(await store.listLookupFailures()).to.deep.equal([{ at: '2026-11-23T14:05:09+01:00', reference: 'L1-20261123-0001', conversationId: 'guesser' }]);
    expect(await store.listAnswersShown()).to.have.length(1);
  });

  it('lists knowledge-base edits newest first', async () => {
    const store = open(clockReading('2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z')).store;
    const edit = (id: string): Omit<KbEdit, 'at'> => ({ id, by: 'agent@scriba.example', action: 'add-question', articleId: 'reset-password', summary: 'mdp perdu', changes: [{ articleId: 'reset-password', before: 'a', after: 'b' }] });
    await store.recordKbEdit(edit('e1'), null);
    await store.recordKbEdit(edit('e2'), 'e1');
    expect((await store.listKbEdits()).map((e) => e.id)).to.deep.equal(['e2', 'e1']);
  });

  it('keeps a knowledge-base edit only if it follows the last one kept, so two agents cannot both build on the same one', async () => {
    const store = at('2026-11-23T10:00:00Z');
    const edit = (id: string, after: string): Omit<KbEdit, 'at'> => ({ id, by: 'agent@scriba.example', action: 'add-question', articleId: 'reset-password', summary: id, changes: [{ articleId: 'reset-password', before: 'a', after }] });
    expect(await store.recordKbEdit(edit('e1', 'b'), null)).to.include({ id: 'e1' });
    // Both agents saw e1; the second to save is refused and must start again from e2.
    const [first, second] = await Promise.all([store.recordKbEdit(edit('e2', 'c'), 'e1'), store.recordKbEdit(edit('e3', 'd'), 'e1')]);
    expect([first, second].filter((kept) => kept === 'conflict')).to.have.length(1);
    expect(await store.recordKbEdit(edit('e4', 'e'), null)).to.equal('conflict');
    expect((await at('2026-11-23T11:00:00Z').listKbEdits()).map((e) => e.id)).to.have.length(2);
  });

  it('follows the order edits were kept in, not the order of their ids', async () => {
    const store = at('2026-11-23T10:00:00Z');
    const edit = (id: string): Omit<KbEdit, 'at'> => ({ id, by: 'agent@scriba.example', action: 'add-question', articleId: 'install', summary: id, changes: [{ articleId: 'install', before: null, after: id }] });
    // Ids are random uuids: the last one kept is often not the greatest.
    expect(await store.recordKbEdit(edit('f0c1-later-in-the-alphabet'), null)).to.include({ id: 'f0c1-later-in-the-alphabet' });
    expect(await store.recordKbEdit(edit('0a9e-earlier'), 'f0c1-later-in-the-alphabet')).to.include({ id: '0a9e-earlier' });
    expect(await store.recordKbEdit(edit('7b2d-third'), '0a9e-earlier')).to.include({ id: '7b2d-third' });
    expect(await store.recordKbEdit(edit('stale'), 'f0c1-later-in-the-alphabet')).to.equal('conflict');
  });

  it('tells its subscribers when a knowledge-base edit is kept, until they unsubscribe', async () => {
    const store = at('2026-11-23T10:00:00Z');
    let heard = 0;
    const stop = store.onKbEdit(() => heard++);
    const edit = (id: string): Omit<KbEdit, 'at'> => ({ id, by: 'agent@scriba.example', action: 'add-question', articleId: 'reset-password', summary: id, changes: [{ articleId: 'reset-password', before: 'a', after: id }] });
    try {
      // A subscription may need a moment to start listening (PostgreSQL: a connection and LISTEN).
      await until(async () => {
        const last = (await store.listKbEdits())[0]?.id ?? null;
        await store.recordKbEdit(edit(`e${Date.now()}`), last);
        return heard > 0;
      });
    } finally {
      stop();
    }
    const before = heard;
    await store.recordKbEdit(edit('after-stop'), (await store.listKbEdits())[0]!.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).to.equal(before);
  });

  it('keeps each conversation in the order of its activities, and nothing for one never seen', async () => {
    const store = at('2026-11-23T13:05:09Z');
    await store.appendTranscript({ conversationId: 'conv-a', direction: 'in', activity: message('mot de pase oublié') });
    await store.appendTranscript({ conversationId: 'conv-b', direction: 'in', activity: message('bonjour') });
    await store.appendTranscript({ conversationId: 'conv-a', direction: 'out', activity: message('Voici comment…') });
    expect(await at('2026-11-23T14:00:00Z').transcript('conv-a')).to.deep.equal([
      { at: '2026-11-23T14:05:09+01:00', conversationId: 'conv-a', direction: 'in', activity: message('mot de pase oublié') },
      { at: '2026-11-23T14:05:09+01:00', conversationId: 'conv-a', direction: 'out', activity: message('Voici comment…') },
    ]);
    expect(await store.transcript('conv-unknown')).to.deep.equal([]);
  });

  it('masks contact details in what it keeps of a conversation', async () => {
    const store = at('2026-11-23T13:05:09Z');
    await store.appendTranscript({ conversationId: 'conv-a', direction: 'in', activity: message('mon mail: elodie.marchand@exemple.fr, tel 06 12 34 56 78') });
    const [entry] = await store.transcript('conv-a');
    expect(JSON.stringify(entry)).to.not.include('elodie.marchand').and.not.include('06 12 34 56 78');
  });

  it('finds conversations by a word of one message, case and accents aside, newest first, a page at a time', async () => {
    const store = open(clockReading('2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z', '2026-11-23T12:00:00Z', '2026-11-23T13:00:00Z')).store;
    await store.appendTranscript({ conversationId: 'old', direction: 'in', activity: message('Ma FACTURE de novembre') });
    await store.appendTranscript({ conversationId: 'bot-only', direction: 'out', activity: message('Bonjour, facture ?') });
    await store.appendTranscript({ conversationId: 'mid', direction: 'in', activity: message('bonjour') });
    await store.appendTranscript({ conversationId: 'mid', direction: 'out', activity: message('Votre facturé est prête') });
    await store.appendTranscript({ conversationId: 'new', direction: 'in', activity: message('où est ma facture') });
    const found = await store.searchTranscripts({ q: 'Facture' });
    expect(found.total).to.equal(3);
    expect(found.conversations.map((c) => c.conversationId)).to.deep.equal(['new', 'mid', 'old']);
    expect(found.conversations[1]).to.deep.include({ messages: 2, snippet: 'Votre facturé est prête' });
    const second = await store.searchTranscripts({ q: 'facture', offset: 1, limit: 1 });
    expect(second).to.deep.equal({ total: 3, conversations: [found.conversations[1]] });
    expect((await store.searchTranscripts({ to: '2026-11-23T11:30:00+01:00' })).conversations.map((c) => c.conversationId)).to.deep.equal(['old']);
  });

  it("changes the unanswered questions' version when one is added or erased in the range, not otherwise", async () => {
    const store = at('2026-11-23T13:05:09Z');
    const november = { from: '2026-11-01T00:00:00+01:00', to: '2026-12-01T00:00:00+01:00' };
    const december = { from: '2026-12-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' };
    const ask = (conversationId: string) => store.recordUnanswered({ conversationId, question: 'export vers sharepoint ?', language: 'fr', kind: 'none', topMatches: [] });
    const empty = await store.unansweredVersion(november);
    await ask('conv-a');
    const one = await store.unansweredVersion(november);
    expect(one).to.not.equal(empty);
    expect(await store.unansweredVersion(november)).to.equal(one);
    const inDecember = await store.unansweredVersion(december);
    await ask('conv-b');
    expect(await store.unansweredVersion(december)).to.equal(inDecember);
    const two = await store.unansweredVersion(november);
    await store.erase({ conversationId: 'conv-a' });
    await ask('conv-c');
    // Still two, but not the same two.
    expect(await store.unansweredVersion(november)).to.not.equal(two);
  });

  it('searches for %, _ and \\ as the characters typed, not as patterns', async () => {
    const store = at('2026-11-23T09:00:00Z');
    await store.appendTranscript({ conversationId: 'percent', direction: 'in', activity: message('remise de 20% sur la licence ?') });
    await store.appendTranscript({ conversationId: 'underscore', direction: 'in', activity: message('le fichier scan_0042 est vide') });
    await store.appendTranscript({ conversationId: 'backslash', direction: 'in', activity: message('le chemin \\\\nas\\scans ne marche plus') });
    await store.appendTranscript({ conversationId: 'plain', direction: 'in', activity: message('scanner 200 pages en lot') });
    const found = async (q: string) => (await store.searchTranscripts({ q })).conversations.map((c) => c.conversationId);
    expect(await found('20%')).to.deep.equal(['percent']);
    expect(await found('%')).to.deep.equal(['percent']);
    expect(await found('scan_')).to.deep.equal(['underscore']);
    expect(await found('\\scans')).to.deep.equal(['backslash']);
    expect(await found('2_0')).to.deep.equal([]);
  });

  it('stops a transcript at its size limit, says so once, and keeps the other conversations going', async () => {
    const { store, reports } = open(clockAt('2026-11-23T13:05:09Z'), 2000);
    for (let i = 0; i < 30; i++) await store.appendTranscript({ conversationId: 'chatty', direction: 'in', activity: message(`message ${i} ${'x'.repeat(100)}`) });
    await store.appendTranscript({ conversationId: 'quiet', direction: 'in', activity: message('bonjour') });
    const kept = await store.transcript('chatty');
    expect(kept.length).to.be.within(5, 20);
    expect(reports.filter((r) => r.includes('chatty'))).to.have.length(1);
    expect(await store.transcript('quiet')).to.have.length(1);
  });

  it('purges what is older than the retention, keeping requests', async () => {
    const store = open(clockReading('2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', '2026-03-10T10:00:00Z', '2026-03-10T10:00:00Z')).store;
    await store.appendTranscript({ conversationId: 'january', direction: 'in', activity: message('vieux') });
    await store.recordUnanswered({ conversationId: 'january', question: 'vieux', language: 'fr', kind: 'none' });
    const ticket = await store.createTicket(sampleTicket({ conversationId: 'january' }));
    await store.appendTranscript({ conversationId: 'march', direction: 'in', activity: message('récent') });
    await store.recordUnanswered({ conversationId: 'march', question: 'récent', language: 'fr', kind: 'none' });
    expect(await store.purgeBefore(new Date('2026-02-01T00:00:00Z'))).to.deep.equal({ transcripts: 1, records: 1, files: 0 });
    expect(await store.transcript('january')).to.deep.equal([]);
    expect(await store.transcript('march')).to.have.length(1);
    expect(await store.findByReference(ticket.reference)).to.not.equal(undefined);
  });

  it('erases a person: their requests, and every record and transcript of their conversations', async () => {
    const store = at('2026-11-23T13:05:09Z');
    const mine = await store.createTicket(sampleTicket({ conversationId: 'conv-mine', contact: { name: 'Élodie', email: 'Elodie.Marchand@exemple.fr' } }));
    const call = await store.createCallback(sampleCallback({ conversationId: 'conv-call', contact: { phone: '+33612345678' } }));
    const other = await store.createTicket(sampleTicket({ conversationId: 'conv-other', contact: { name: 'Sam', email: 'sam@exemple.fr' } }));
    for (const id of ['conv-mine', 'conv-call', 'conv-other']) {
      await store.appendTranscript({ conversationId: id, direction: 'in', activity: message('bonjour') });
      await store.recordUnanswered({ conversationId: id, question: 'q', language: 'fr', kind: 'none' });
    }
    const erased = await store.erase({ email: 'elodie.marchand@exemple.fr', phone: '+33612345678' });
    expect(erased.requests.sort()).to.deep.equal([mine.reference, call.reference].sort());
    expect(erased.conversations.sort()).to.deep.equal(['conv-call', 'conv-mine']);
    expect(erased).to.deep.include({ transcripts: 2, records: 2 });
    expect(await store.findByReference(mine.reference)).to.equal(undefined);
    expect(await store.findByReference(other.reference)).to.not.equal(undefined);
    expect(await store.transcript('conv-other')).to.have.length(1);
    expect((await store.listUnanswered()).map((r) => r.conversationId)).to.deep.equal(['conv-other']);
  });

  describe('files customers send', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
    const log = Buffer.from('2026-11-30 09:12:01 ERROR export PDF: access denied\n', 'utf8');

    it('keeps a file with its conversation, reads it back whole, and never to another conversation', async () => {
      const store = at('2026-11-23T13:05:09Z');
      const kept = await store.files.putFile({ conversationId: 'conv-7f3a', name: 'capture écran.png', contentType: 'image/png', bytes: png });
      expect(kept).to.deep.include({ conversationId: 'conv-7f3a', name: 'capture écran.png', contentType: 'image/png', size: png.byteLength, at: '2026-11-23T14:05:09+01:00' });
      expect(kept.id).to.match(/^[A-Za-z0-9_-]{22}$/);
      const read = await at('2026-11-23T13:05:09Z').files.readFile('conv-7f3a', kept.id);
      expect(read?.bytes.equals(png), 'the same bytes').to.equal(true);
      expect(read?.file.sha256).to.equal(createHash('sha256').update(png).digest('hex'));
      expect(await store.files.readFile('conv-other', kept.id), 'another conversation').to.equal(undefined);
      expect(await store.files.readFile('conv-7f3a', '../../etc/passwd'), 'not an id').to.equal(undefined);
      await store.files.putFile({ conversationId: 'conv-7f3a', name: 'export.log', contentType: 'text/plain; charset=utf-8', bytes: log });
      expect((await store.files.filesOf('conv-7f3a')).map((f) => f.name)).to.deep.equal(['capture écran.png', 'export.log']);
      expect(await store.files.filesOf('conv-other')).to.deep.equal([]);
    });

    it('purges the files no request lists after the retention, and keeps a request\'s as long as the request', async () => {
      const store = open(clockReading('2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', '2026-03-10T10:00:00Z')).store;
      const screenshot = await store.files.putFile({ conversationId: 'january', name: 'erreur.png', contentType: 'image/png', bytes: png });
      const forgotten = await store.files.putFile({ conversationId: 'january', name: 'brouillon.log', contentType: 'text/plain; charset=utf-8', bytes: log });
      const { id, name, contentType, size } = screenshot;
      const ticket = await store.createTicket(sampleTicket({ conversationId: 'january', attachments: [{ id, name, contentType, size }] }));
      const recent = await store.files.putFile({ conversationId: 'march', name: 'recent.log', contentType: 'text/plain; charset=utf-8', bytes: log });
      expect((await store.purgeBefore(new Date('2026-02-01T00:00:00Z'))).files).to.equal(1);
      expect(await store.files.readFile('january', forgotten.id), 'sent in January, on no request').to.equal(undefined);
      expect((await store.files.readFile('january', screenshot.id))?.bytes.equals(png), 'on the ticket').to.equal(true);
      expect((await store.findByReference(ticket.reference))?.attachments?.map((f) => f.name)).to.deep.equal(['erreur.png']);
      expect(await store.files.readFile('march', recent.id), 'still within the retention').to.not.equal(undefined);
    });

    it('erases a person\'s files with their conversations', async () => {
      const store = at('2026-11-23T13:05:09Z');
      const mine = await store.files.putFile({ conversationId: 'conv-mine', name: 'facture.png', contentType: 'image/png', bytes: png });
      await store.createTicket(sampleTicket({ conversationId: 'conv-mine', contact: { name: 'Élodie', email: 'elodie.marchand@exemple.fr' }, attachments: [{ id: mine.id, name: mine.name, contentType: mine.contentType, size: mine.size }] }));
      const other = await store.files.putFile({ conversationId: 'conv-other', name: 'autre.png', contentType: 'image/png', bytes: png });
      const erased = await store.erase({ email: 'elodie.marchand@exemple.fr' });
      expect(erased.files).to.equal(1);
      expect(await store.files.readFile('conv-mine', mine.id)).to.equal(undefined);
      expect(await store.files.readFile('conv-other', other.id)).to.not.equal(undefined);
    });
  });
}
