// Customers' files on PostgreSQL (attachments table, migration 0014): the same part as the
// embedded one (attachments.ts), shared by every instance.
import type { Pool } from 'pg';
import { isFileId, newFileId, sha256Of, type AttachmentStore } from '../attachments.js';
import type { StoredFile } from '../types.js';
import { isoWithOffset } from '../zonedTime.js';

interface Row {
  id: string;
  conversation_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  at_text: string;
  kept: boolean;
}

const COLUMNS = 'id, conversation_id, name, content_type, size, sha256, at_text, kept';

function fileOf(row: Row): StoredFile {
  return {
    id: row.id, conversationId: row.conversation_id, name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256, at: row.at_text,
    ...(row.kept ? { kept: true as const } : {}),
  };
}

/** Copies a kept file as it is (its id, time and mark): `npm run db:import`. */
export async function insertStoredFile(pool: Pool, file: StoredFile, bytes: Uint8Array): Promise<void> {
  await pool.query(
    'INSERT INTO attachments (id, conversation_id, name, content_type, size, sha256, at, at_text, kept, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [file.id, file.conversationId, file.name, file.contentType, file.size, file.sha256, new Date(file.at), file.at, file.kept === true, Buffer.from(bytes)],
  );
}

export function createPgAttachments({ pool, timeZone, now }: { pool: Pool; timeZone: string; now: () => Date }): AttachmentStore {
  return {
    async putFile({ conversationId, name, contentType, bytes }) {
      const file: StoredFile = { id: newFileId(), conversationId, name, contentType, size: bytes.byteLength, sha256: sha256Of(bytes), at: isoWithOffset(now(), timeZone) };
      await insertStoredFile(pool, file, bytes);
      return file;
    },

    async readFile(conversationId, id) {
      if (!isFileId(id)) return undefined;
      const { rows } = await pool.query<Row & { content: Buffer }>(`SELECT ${COLUMNS}, content FROM attachments WHERE id = $1 AND conversation_id = $2`, [id, conversationId]);
      const row = rows[0];
      return row ? { file: fileOf(row), bytes: row.content } : undefined;
    },

    async filesOf(conversationId) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM attachments WHERE conversation_id = $1 ORDER BY seq`, [conversationId]);
      return rows.map(fileOf);
    },

    async keep(conversationId, ids) {
      await pool.query('UPDATE attachments SET kept = true WHERE conversation_id = $1 AND id = ANY($2)', [conversationId, [...ids]]);
    },

    async removeConversation(conversationId) {
      return (await pool.query('DELETE FROM attachments WHERE conversation_id = $1', [conversationId])).rowCount ?? 0;
    },

    async purgeBefore(cutoff) {
      return (await pool.query('DELETE FROM attachments WHERE NOT kept AND at < $1', [cutoff])).rowCount ?? 0;
    },
  };
}
