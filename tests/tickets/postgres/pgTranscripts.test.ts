import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { fold } from '../../../tickets/transcriptIndex.js';
import { usePostgres } from '../../helpers/postgres.js';
import { transcriptMessagesContract } from '../transcriptMessagesContract.js';

describe('transcripts of what was said on PostgreSQL, beside the activities an existing database holds', () => {
  const db = usePostgres('TRUNCATE conversations, transcript_entries');
  transcriptMessagesContract(
    (now, maxTranscriptBytes) => {
      const reports: string[] = [];
      return { store: createPgStore(db.shared(), { now, report: (l) => reports.push(l), ...(maxTranscriptBytes ? { maxTranscriptBytes } : {}) }), reports };
    },
    // The summary row and the entry, as the previous version wrote them: the folded text of a
    // message activity in search_text, the activity in the body.
    async (entry) => {
      const { type, text } = entry.activity as { type: string; text: string };
      const said = type === 'message' && text ? `${fold(text)}\n` : '';
      const json = JSON.stringify(entry);
      await db.shared().query(
        `INSERT INTO conversations AS c (conversation_id, first_at, last_at, user_wrote, bytes, search_text) VALUES ($1, $2, $2, $3, $4, $5)
         ON CONFLICT (conversation_id) DO UPDATE SET first_at = least(c.first_at, excluded.first_at), last_at = greatest(c.last_at, excluded.last_at),
           user_wrote = c.user_wrote OR excluded.user_wrote, bytes = c.bytes + excluded.bytes, search_text = c.search_text || excluded.search_text`,
        [entry.conversationId, new Date(entry.at), entry.direction === 'in' && said !== '', Buffer.byteLength(json) + 1, said],
      );
      await db.shared().query('INSERT INTO transcript_entries (conversation_id, at, body) VALUES ($1, $2, $3)', [entry.conversationId, new Date(entry.at), json]);
    },
  );
});
