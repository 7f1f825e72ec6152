// Conversation transcripts on PostgreSQL, with the embedded log's behaviour (transcriptLog.ts): the
// same masking, the same size limit per conversation, the same summaries and search (case and
// accents aside). The search filters, orders and pages in SQL on the summary rows; the snippets
// of the page are made from its conversations' entries by the shared summarise().
import type { Pool } from 'pg';
import { fold, summarise, type ConversationSummary, type TranscriptSearch } from '../transcriptIndex.js';
import { fullTranscripts, MAX_TRANSCRIPT_BYTES, storedEntry, type TranscriptLog, type TranscriptOptions } from '../transcriptLog.js';
import { messageOf } from '../transcriptMessages.js';
import type { TranscriptEntry } from '../types.js';
import { sqlRange } from './sqlTime.js';

export interface PgTranscriptLogDeps extends TranscriptOptions {
  pool: Pool;
}

export function createPgTranscriptLog({ pool, timeZone, now, report = () => undefined, maxBytes = MAX_TRANSCRIPT_BYTES, keepEmails }: PgTranscriptLogDeps): TranscriptLog {
  const full = fullTranscripts(report, maxBytes);

  async function entriesOf(ids: readonly string[]): Promise<Map<string, TranscriptEntry[]>> {
    const byId = new Map<string, TranscriptEntry[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byId;
    const { rows } = await pool.query<{ conversation_id: string; body: TranscriptEntry }>(
      'SELECT conversation_id, body FROM transcript_entries WHERE conversation_id = ANY($1) ORDER BY id',
      [ids],
    );
    for (const row of rows) byId.get(row.conversation_id)?.push(row.body);
    return byId;
  }

  return {
    async appendTranscript(input) {
      const stored = storedEntry(input, { now, timeZone, ...(keepEmails ? { keepEmails } : {}) });
      const json = JSON.stringify(stored);
      // search_text takes the folded text of what was said, read the same way from a message and from
      // an older entry's activity: the trigram index (0008) is on that column, not on the jsonb body.
      const message = messageOf(stored);
      const userWrote = message?.from === 'user' && message.text.trim() !== '';
      // One statement, so one round trip per activity: the summary row takes the entry only while the
      // conversation is under its size limit, and the entry is inserted only if it did.
      const kept = await pool.query(
        `WITH room AS (
           INSERT INTO conversations AS c (conversation_id, first_at, last_at, user_wrote, bytes, search_text) VALUES ($1, $2, $2, $3, $4, $5)
           ON CONFLICT (conversation_id) DO UPDATE SET
             first_at = least(c.first_at, excluded.first_at), last_at = greatest(c.last_at, excluded.last_at),
             user_wrote = c.user_wrote OR excluded.user_wrote, bytes = c.bytes + excluded.bytes,
             search_text = c.search_text || excluded.search_text
           WHERE c.bytes + excluded.bytes <= $6
           RETURNING conversation_id)
         INSERT INTO transcript_entries (conversation_id, at, body) SELECT conversation_id, $2, $7 FROM room`,
        [stored.conversationId, new Date(stored.at), userWrote, Buffer.byteLength(json) + 1, message ? `${fold(message.text)}\n` : '', maxBytes, json],
      );
      if (kept.rowCount !== 1) full.refused(stored.conversationId);
      return structuredClone(stored);
    },

    async purgeBefore(cutoff) {
      return (await pool.query('DELETE FROM conversations WHERE last_at < $1', [cutoff])).rowCount ?? 0;
    },

    async remove(conversationId) {
      full.forget(conversationId);
      return ((await pool.query('DELETE FROM conversations WHERE conversation_id = $1', [conversationId])).rowCount ?? 0) > 0;
    },

    async conversations() {
      return (await pool.query<{ conversation_id: string }>('SELECT conversation_id FROM conversations ORDER BY conversation_id')).rows.map((r) => r.conversation_id);
    },

    async transcript(conversationId) {
      return (await entriesOf([conversationId])).get(conversationId) ?? [];
    },

    async search({ q, offset = 0, limit = 200, ...range }: TranscriptSearch) {
      const needle = q?.trim() ? fold(q.trim()) : null;
      const [skip, take] = [Math.max(0, Math.floor(offset)), Math.max(0, Math.floor(limit))];
      const params: unknown[] = sqlRange(range);
      let where = 'user_wrote AND last_at >= $1 AND first_at < $2';
      if (needle !== null) {
        // "Contains" as a LIKE, which the trigram index answers (strpos reads every row); the
        // needle's own %, _ and \ are escaped, so they match only themselves.
        params.push(`%${needle.replace(/[\\%_]/g, '\\$&')}%`);
        where += ' AND search_text LIKE $3';
      }
      // The page and the total on two connections at once. Not one query with count(*) OVER ():
      // the planner takes its LIMIT as a reason to walk every conversation in time order.
      const [page, counted] = await Promise.all([
        pool.query<{ conversation_id: string }>(
          `SELECT conversation_id FROM conversations WHERE ${where} ORDER BY last_at DESC, conversation_id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
          [...params, skip, take],
        ),
        pool.query<{ n: string }>(`SELECT count(*) AS n FROM conversations WHERE ${where}`, params),
      ]);
      const ids = page.rows.map((r) => r.conversation_id);
      const entries = await entriesOf(ids);
      const conversations = ids.map((id) => summarise(id, entries.get(id) ?? [], needle ?? undefined)).filter((s): s is ConversationSummary => s !== undefined);
      return { conversations, total: Number(counted.rows[0]!.n) };
    },
  };
}
