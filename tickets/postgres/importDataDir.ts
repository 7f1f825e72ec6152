// The upgrade path from the embedded store: everything under a DATA_DIR copied into an empty
// PostgreSQL database — requests with their references, status histories and request keys (the
// reference sequences then go on after the highest imported number), records, transcripts,
// customers' files, conversation state, staff accounts and the staff audit (in the order it was written). Signed-out
// sessions are not copied: they expire within 8 h.
import type { Pool } from 'pg';
import { createFileAttachments } from '../attachments.js';
import { createLowdbStore } from '../helpdeskStore.js';
import { createLowdbKeyValueStore } from '../keyValueStore.js';
import { createFileStaffRecords } from '../staffRecords.js';
import { createTranscriptLog } from '../transcriptLog.js';
import type { MonthlyLog } from '../monthlyLog.js';
import { referenceCounter } from '../reference.js';
import { insertStoredFile } from './pgAttachments.js';
import { createPgKbEdits } from './pgKbEdits.js';
import { createPgKeyValueStore } from './pgKeyValueStore.js';
import { createPgStaffRecords } from './pgStaffRecords.js';
import { createPgTranscriptLog } from './pgTranscriptLog.js';
import { insertRequest } from './pgRequestStore.js';
import { createPgRecordLogs } from './pgStore.js';

export interface Imported {
  requests: number;
  records: number;
  transcripts: number;
  /** customers' files */
  files: number;
  states: number;
  accounts: number;
  /** staff audit entries */
  audit: number;
}

export class NotEmptyError extends Error {
  override name = 'NotEmptyError';
}

export async function importDataDir(dataDir: string, pool: Pool, { timeZone = 'Europe/Paris', report = () => undefined as void }: { timeZone?: string; report?: (line: string) => void } = {}): Promise<Imported> {
  const held = await pool.query<{ n: string }>('SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM records) + (SELECT count(*) FROM conversations) AS n');
  if (Number(held.rows[0]!.n) > 0) throw new NotEmptyError('the database already holds requests, records or transcripts: import into an empty database');

  const files = createLowdbStore({ dataDir, timeZone, report });
  const now = () => new Date();
  const imported: Imported = { requests: 0, records: 0, transcripts: 0, files: 0, states: 0, accounts: 0, audit: 0 };

  const requests = await files.listRequests();
  for (const r of requests) {
    await insertRequest(pool, r);
    imported.requests++;
  }
  // Numbering goes on after the highest reference imported, never reusing one.
  for (const level of [1, 2] as const) {
    const highest = Math.max(0, ...requests.filter((r) => r.reference.startsWith(`L${level}-`)).map((r) => referenceCounter(r.reference)));
    if (highest > 0) await pool.query(`SELECT setval('request_number_l${level}', $1)`, [highest]);
  }

  // Copied as they were written (already masked, already timed): the logs' own append.
  const logs = createPgRecordLogs(pool, { timeZone, now });
  const copy = async <T extends { at: string }>(records: readonly T[], log: MonthlyLog<T>) => {
    for (const record of records) await log.append(record);
    imported.records += records.length;
  };
  await copy(await files.listFeedback(), logs.feedback);
  await copy(await files.listUnanswered(), logs.unanswered);
  await copy(await files.listAnswersShown(), logs.answers);
  await copy(await files.listLookupFailures(), logs.lookups);
  // Knowledge edits keep their chain: each after the one before it.
  const kbEdits = createPgKbEdits({ pool, timeZone, now });
  let after = (await kbEdits.list()).at(-1)?.id ?? null;
  for (const edit of (await files.listKbEdits()).reverse()) {
    const kept = await kbEdits.append(edit, after);
    if (kept === 'conflict') throw new Error('a knowledge base edit was made in the database during the import: import again into an empty database');
    after = kept.id;
    imported.records++;
  }

  const fromFiles = createTranscriptLog({ dataDir, timeZone, now, report });
  const intoDb = createPgTranscriptLog({ pool, timeZone, now, report });
  for (const id of await fromFiles.conversations()) {
    for (const entry of await fromFiles.transcript(id)) await intoDb.appendTranscript(entry);
    imported.transcripts++;
  }

  for await (const { file, bytes } of createFileAttachments({ dataDir, timeZone, now, report }).everyFile()) {
    await insertStoredFile(pool, file, bytes);
    imported.files++;
  }

  // The embedded store's removeWhere visits every item; keeping each (false) only collects it.
  const states: Array<{ key: string; value: unknown }> = [];
  await createLowdbKeyValueStore({ dataDir, report }).removeWhere((item) => (states.push(item), false));
  const state = createPgKeyValueStore(pool);
  for (const { key, value } of states) await state.write({ [key]: value });
  imported.states = states.length;

  const staff = createPgStaffRecords(pool);
  const staffFiles = createFileStaffRecords(dataDir);
  for (const account of await staffFiles.allAccounts()) {
    await staff.putAccount(account);
    imported.accounts++;
  }
  // Oldest first: entries of the same millisecond keep their order on the page.
  for (const entry of await staffFiles.allAudit()) {
    await staff.appendAudit(entry);
    imported.audit++;
  }
  return imported;
}
