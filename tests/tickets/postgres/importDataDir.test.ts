// The upgrade path: a data folder of the embedded store copied into PostgreSQL, where the bot goes on.
import { expect } from 'chai';
import { createLowdbStore } from '../../../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../../../tickets/keyValueStore.js';
import { importDataDir, NotEmptyError } from '../../../tickets/postgres/importDataDir.js';
import { createPgKeyValueStore } from '../../../tickets/postgres/pgKeyValueStore.js';
import { createPgStaffRecords } from '../../../tickets/postgres/pgStaffRecords.js';
import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { createFileStaffRecords } from '../../../tickets/staffRecords.js';
import { usePostgres } from '../../helpers/postgres.js';
import { clockAt, sampleCallback, sampleTicket, useTempDataDir } from '../helpers.js';

describe('importing a data folder into PostgreSQL (npm run db:import)', () => {
  const db = usePostgres('TRUNCATE requests, records, conversations, transcript_entries, attachments, conversation_state, staff_accounts, staff_audit; ALTER SEQUENCE request_number_l1 RESTART; ALTER SEQUENCE request_number_l2 RESTART');
  const dirs = useTempDataDir();

  it('copies requests, records, transcripts, files, conversation state and accounts, and numbering goes on after them', async () => {
    const files = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T13:05:09Z') });
    const screenshot = await files.files.putFile({ conversationId: 'conv-7f3a', name: 'erreur.png', contentType: 'image/png', bytes: Buffer.from('89504e470d0a1a0a00', 'hex') });
    const { id, name, contentType, size } = screenshot;
    const ticket = await files.createTicket(sampleTicket({ requestKey: 'conv-7f3a|a-9', attachments: [{ id, name, contentType, size }] }));
    await files.createTicket(sampleTicket());
    const callback = await files.createCallback(sampleCallback());
    await files.updateStatus(ticket.reference, 'in-progress', 'Lien renvoyé', 'agent.durand');
    await files.recordFeedback({ conversationId: 'conv-7f3a', articleId: 'reset-password', helpful: false, language: 'fr', question: 'mot de pase oublié' });
    await files.recordKbEdit({ id: 'e1', by: 'agent@scriba.example', action: 'add-question', articleId: 'reset-password', summary: 'mdp', changes: [{ articleId: 'reset-password', before: 'a', after: 'b' }] }, null);
    await files.appendTranscript({ conversationId: 'conv-7f3a', direction: 'in', activity: { type: 'message', text: 'mot de pase oublié' } });
    await createLowdbKeyValueStore({ dataDir: dirs.dataDir() }).write({ 'webchat/conversations/conv-7f3a': { step: 'email' } });
    await createFileStaffRecords(dirs.dataDir()).putAccount({ email: 'anne@scriba.example', role: 'admin', passwordHash: '$argon2id$x', createdAt: '2026-11-01T10:00:00.000Z' });

    const imported = await importDataDir(dirs.dataDir(), db.shared());
    expect(imported).to.deep.equal({ requests: 3, records: 2, transcripts: 1, files: 1, states: 1, accounts: 1, audit: 0 });

    const store = createPgStore(db.shared(), { now: clockAt('2026-11-24T09:00:00Z') });
    expect(await store.findByReference(ticket.reference)).to.deep.equal(await files.findByReference(ticket.reference));
    expect((await store.findByReference(callback.reference))?.kind).to.equal('callback');
    expect(await store.files.filesOf('conv-7f3a'), 'the same file, still kept for its ticket').to.deep.equal([{ ...screenshot, kept: true }]);
    expect((await store.files.readFile('conv-7f3a', id))?.bytes.toString('hex')).to.equal('89504e470d0a1a0a00');
    expect((await store.createTicket(sampleTicket())).reference).to.equal('L1-20261124-0003');
    expect((await store.createTicket(sampleTicket({ requestKey: 'conv-7f3a|a-9' }))).reference, 'a retried activity still finds its request').to.equal(ticket.reference);
    expect((await store.listFeedback())[0]).to.deep.include({ articleId: 'reset-password', helpful: false });
    expect((await store.listKbEdits()).map((e) => e.id)).to.deep.equal(['e1']);
    expect((await store.searchTranscripts({ q: 'oublie' })).total).to.equal(1);
    expect(await createPgKeyValueStore(db.shared()).read(['webchat/conversations/conv-7f3a'])).to.have.nested.property('webchat/conversations/conv-7f3a.step', 'email');
    expect((await createPgStaffRecords(db.shared()).findAccount('anne@scriba.example'))?.role).to.equal('admin');
  });

  it('copies the staff audit in the order it was written, and a disabled account stays disabled', async () => {
    const staffFiles = createFileStaffRecords(dirs.dataDir());
    await staffFiles.putAccount({ email: 'sam@scriba.example', role: 'agent', passwordHash: '$argon2id$y', createdAt: '2026-11-01T10:00:00.000Z', disabledAt: '2026-11-24T08:00:00.000Z', sessionsEndedAt: '2026-11-24T08:00:00.000Z' });
    const entries = [
      { at: '2026-11-23T09:00:00.000Z', actor: 'sam@scriba.example', action: 'sign-in' as const, address: '192.0.2.10' },
      { at: '2026-11-24T08:00:00.000Z', actor: 'anne@scriba.example', action: 'account-disabled' as const, target: 'sam@scriba.example', address: '192.0.2.11' },
      { at: '2026-11-24T08:00:00.000Z', actor: 'anne@scriba.example', action: 'account-role-changed' as const, target: 'sam@scriba.example', details: 'agent → viewer' },
      { at: '2026-12-02T07:59:00.000Z', actor: 'sam@scriba.example', action: 'sign-in-failed' as const, details: 'account disabled', address: '198.51.100.7' },
    ];
    for (const e of entries) await staffFiles.appendAudit(e);

    const imported = await importDataDir(dirs.dataDir(), db.shared());
    expect(imported).to.include({ accounts: 1, audit: 4 });
    const staff = createPgStaffRecords(db.shared());
    expect(await staff.allAudit()).to.deep.equal(entries);
    expect(await staff.pageAudit({ actor: 'sam@scriba.example' }, { offset: 0, limit: 10 })).to.deep.equal({ entries: [entries[3], entries[0]], total: 2 });
    expect((await staff.findAccount('sam@scriba.example'))?.disabledAt).to.equal('2026-11-24T08:00:00.000Z');
  });

  it('refuses to import into a database that already holds requests', async () => {
    await createPgStore(db.shared()).createTicket(sampleTicket());
    await createLowdbStore({ dataDir: dirs.dataDir() }).createTicket(sampleTicket());
    let refused: unknown;
    await importDataDir(dirs.dataDir(), db.shared()).catch((err: unknown) => (refused = err));
    expect(refused).to.be.instanceOf(NotEmptyError);
  });
});
