import { expect } from 'chai';
import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { until } from '../../helpers/until.js';
import { storeContract } from '../storeContract.js';

describe('the helpdesk store on PostgreSQL: records, transcripts, purge, erasure', () => {
  const db = usePostgres('TRUNCATE requests, request_events, records, conversations, transcript_entries, attachments; ALTER SEQUENCE request_number_l1 RESTART; ALTER SEQUENCE request_number_l2 RESTART');
  const pool = () => db.shared();
  storeContract((now, maxTranscriptBytes) => {
    const reports: string[] = [];
    return { store: createPgStore(pool(), { now, report: (l) => reports.push(l), ...(maxTranscriptBytes ? { maxTranscriptBytes } : {}) }), reports };
  });
});

describe('knowledge-base edits on PostgreSQL, between instances', () => {
  const db = usePostgres('TRUNCATE records');

  it('an edit kept by one instance is heard by another within seconds (LISTEN/NOTIFY)', async () => {
    const here = createPgStore(db.shared());
    const there = createPgStore(db.pool());
    const heard: number[] = [];
    const started = Date.now();
    const stop = here.onKbEdit(() => heard.push(Date.now() - started));
    try {
      // Listening starts with a connection: give it until the first notice, then one more edit.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await there.recordKbEdit({ id: 'e1', by: 'anne@scriba.example', action: 'add-question', articleId: 'reset-password', summary: 'mdp', changes: [{ articleId: 'reset-password', before: 'a', after: 'b' }] }, null);
      await until(() => heard.length > 0);
      expect(heard, 'heard by the other instance').to.have.length(1);
    } finally {
      stop();
    }
  });

  it('listens again after its connection is cut, says so, and reloads once in case an edit was missed', async () => {
    const reports: string[] = [];
    const here = createPgStore(db.shared(), { report: (l) => reports.push(l) });
    const there = createPgStore(db.pool());
    let heard = 0;
    const stop = here.onKbEdit(() => heard++);
    try {
      const admin = db.pool();
      const listening = async () => (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN kb_edits' AND pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
      await until(async () => (await listening()).length > 0);
      const [pid] = await listening();
      // The database goes away under the listener (a failover, a restart, an idle timeout).
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // An edit kept while no one listens: heard by the reload once the listener is back.
      await there.recordKbEdit({ id: 'missed', by: 'anne@scriba.example', action: 'add-question', articleId: 'reset-password', summary: 'mdp', changes: [{ articleId: 'reset-password', before: 'a', after: 'b' }] }, null);
      await until(async () => heard > 0, 10_000);
      expect(reports.join('\n')).to.match(/cannot hear other instances' edits/);
      // And it hears the next one as before, on the new connection.
      const before = heard;
      await there.recordKbEdit({ id: 'after', by: 'anne@scriba.example', action: 'add-question', articleId: 'reset-password', summary: 'mdp', changes: [{ articleId: 'reset-password', before: 'b', after: 'c' }] }, 'missed');
      await until(async () => heard > before);
    } finally {
      stop();
    }
  });
});
