// Everything the helpdesk keeps, on PostgreSQL: the same parts as the embedded store, shared by
// every instance that uses the database. Run migrate() first (at start, or npm run db:migrate).
import type { Pool } from 'pg';
import { composeStore } from '../composeStore.js';
import type { HelpdeskStore } from '../helpdeskStore.js';
import { answerShownSchema, feedbackSchema, isTimeZone, lookupFailureSchema, unansweredSchema } from '../schemas.js';
import { createPgAttachments } from './pgAttachments.js';
import { createPgKbEdits } from './pgKbEdits.js';
import { createPgRecordLog } from './pgRecordLog.js';
import { createEventHub } from '../requestChanges.js';
import { createPgOutbox, createPgRequestStore } from './pgRequestStore.js';
import { createPgTranscriptLog } from './pgTranscriptLog.js';

export interface PgStoreOptions {
  timeZone?: string;
  now?: () => Date;
  report?: (line: string) => void;
  maxTranscriptBytes?: number;
  keepEmails?: ReadonlySet<string>;
}

/** The four record logs, one kind each in the records table. */
export function createPgRecordLogs(pool: Pool, { timeZone, now }: { timeZone: string; now: () => Date }) {
  const deps = { pool, timeZone, now };
  return {
    feedback: createPgRecordLog({ ...deps, kind: 'feedback', schema: feedbackSchema, what: 'feedback' }),
    unanswered: createPgRecordLog({ ...deps, kind: 'unanswered', schema: unansweredSchema, what: 'unanswered question' }),
    answers: createPgRecordLog({ ...deps, kind: 'answer-shown', schema: answerShownSchema, what: 'answer shown' }),
    lookups: createPgRecordLog({ ...deps, kind: 'lookup-failure', schema: lookupFailureSchema, what: 'lookup failure' }),
  };
}

export function createPgStore(pool: Pool, { timeZone = 'Europe/Paris', now = () => new Date(), report, maxTranscriptBytes, keepEmails }: PgStoreOptions = {}): HelpdeskStore {
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}' (expected an IANA name such as Europe/Paris)`);
  const events = createEventHub();
  return composeStore({
    requests: createPgRequestStore(pool, { timeZone, now, emit: events.emit }),
    outbox: createPgOutbox(pool),
    files: createPgAttachments({ pool, timeZone, now }),
    events,
    async eraseRequests(who) {
      const { rows } = await pool.query<{ reference: string; conversation_id: string }>(
        `WITH gone AS (DELETE FROM requests WHERE lower(email) = $1 OR (kind = 'callback' AND phone = $2) OR conversation_id = $3
                       RETURNING reference, conversation_id),
              events AS (DELETE FROM request_events WHERE reference IN (SELECT reference FROM gone))
         SELECT reference, conversation_id FROM gone`,
        [who.email?.trim().toLowerCase() ?? null, who.phone ?? null, who.conversationId ?? null],
      );
      return rows.map((r) => ({ reference: r.reference, conversationId: r.conversation_id }));
    },
    ...createPgRecordLogs(pool, { timeZone, now }),
    kbEdits: createPgKbEdits({ pool, timeZone, now, ...(report ? { report } : {}) }),
    transcripts: createPgTranscriptLog({ pool, timeZone, now, ...(report ? { report } : {}), ...(maxTranscriptBytes ? { maxBytes: maxTranscriptBytes } : {}), ...(keepEmails ? { keepEmails } : {}) }),
  });
}
