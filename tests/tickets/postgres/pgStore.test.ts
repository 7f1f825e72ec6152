import { expect } from 'chai';
import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { storeContract } from '../storeContract.js';

describe('the helpdesk store on PostgreSQL: records, transcripts, purge, erasure', () => {
  const db = usePostgres('TRUNCATE requests, records, conversations, transcript_entries; ALTER SEQUENCE request_number_l1 RESTART; ALTER SEQUENCE request_number_l2 RESTART');
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
      const end = Date.now() + 5000;
      while (heard.length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard, 'heard by the other instance').to.have.length(1);
    } finally {
      stop();
    }
  });
});
