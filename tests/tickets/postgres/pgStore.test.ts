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
