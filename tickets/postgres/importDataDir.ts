// The upgrade path from the embedded store: everything under a DATA_DIR copied into an empty
// PostgreSQL database — requests with their references, status histories and request keys (the
// reference sequences then go on after the highest imported number), records, transcripts,
// conversation state and staff accounts. Signed-out sessions are not copied: they expire within 8 h.
import type { Pool } from 'pg';
import { createLowdbStore } from '../helpdeskStore.js';
import { createLowdbKeyValueStore } from '../keyValueStore.js';
import { createFileStaffRecords } from '../staffRecords.js';
import { createTranscriptLog } from '../transcriptLog.js';
import type { HelpdeskRequest } from '../types.js';
import { createPgKeyValueStore } from './pgKeyValueStore.js';
import { createPgStaffRecords } from './pgStaffRecords.js';
import { createPgTranscriptLog } from './pgTranscriptLog.js';

export interface Imported {
  requests: number;
  records: number;
  transcripts: number;
  states: number;
  accounts: number;
}

export class NotEmptyError extends Error {
  override name = 'NotEmptyError';
}

export async function importDataDir(dataDir: string, pool: Pool, { timeZone = 'Europe/Paris', report = () => undefined as void }: { timeZone?: string; report?: (line: string) => void } = {}): Promise<Imported> {
  const held = await pool.query<{ n: string }>('SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM records) + (SELECT count(*) FROM conversations) AS n');
  if (Number(held.rows[0]!.n) > 0) throw new NotEmptyError('the database already holds requests, records or transcripts: import into an empty database');

  const files = createLowdbStore({ dataDir, timeZone, report });
  const now = () => new Date();
  const imported: Imported = { requests: 0, records: 0, transcripts: 0, states: 0, accounts: 0 };

  const requests = await files.listRequests();
  for (const r of requests) {
    await pool.query(
      `INSERT INTO requests (reference, kind, level, number, status, language, created_at, request_key, conversation_id, email, phone, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [r.reference, r.kind, levelOf(r), Number(r.reference.slice(12)), r.status, r.language, new Date(r.createdAt), r.requestKey ?? null, r.conversationId,
        r.contact.email?.toLowerCase() ?? null, r.kind === 'callback' ? r.contact.phone : null, JSON.stringify(r)],
    );
    imported.requests++;
  }
  // Numbering goes on after the highest reference imported, never reusing one.
  for (const level of [1, 2] as const) {
    const highest = Math.max(0, ...requests.filter((r) => (r.kind === 'callback' ? 2 : 1) === level).map((r) => Number(r.reference.slice(12))));
    if (highest > 0) await pool.query(`SELECT setval('request_number_l${level}', $1)`, [highest]);
  }

  const kinds = [
    ['feedback', await files.listFeedback()],
    ['unanswered', await files.listUnanswered()],
    ['answer-shown', await files.listAnswersShown()],
    ['lookup-failure', await files.listLookupFailures()],
    ['kb-edit', (await files.listKbEdits()).reverse()],
  ] as const;
  for (const [kind, records] of kinds) {
    for (const record of records) {
      await pool.query('INSERT INTO records (kind, at, conversation_id, body) VALUES ($1, $2, $3, $4)', [kind, new Date(record.at), 'conversationId' in record ? record.conversationId : null, JSON.stringify(record)]);
      imported.records++;
    }
  }

  const fromFiles = createTranscriptLog({ dataDir, timeZone, now, report });
  const intoDb = createPgTranscriptLog({ pool, timeZone, now, report });
  for (const id of await fromFiles.conversations()) {
    for (const entry of await fromFiles.transcript(id)) await intoDb.appendTranscript(entry);
    imported.transcripts++;
  }

  const state = createPgKeyValueStore(pool);
  const pending: Array<Promise<void>> = [];
  // The embedded store walks every item through removeWhere; keeping each (false) copies it.
  await createLowdbKeyValueStore({ dataDir, report }).removeWhere((item) => {
    pending.push(state.write({ [item.key]: item.value }).then(() => void imported.states++));
    return false;
  });
  await Promise.all(pending.splice(0));

  const accounts = createPgStaffRecords(pool);
  for (const account of await createFileStaffRecords(dataDir).allAccounts()) {
    await accounts.putAccount(account);
    imported.accounts++;
  }
  return imported;
}

function levelOf(r: HelpdeskRequest): number {
  return r.kind === 'callback' ? 2 : r.level;
}
