// Files a customer sent in one message, checked and kept: whichever channel brought them (Web Chat's
// upload through the local Direct Line, a link an Azure channel gives), the same limits and the
// same answer — what was kept, and what was refused and why.
import type { AttachmentStore } from './attachments.js';
import { checkFile, MAX_FILES_PER_CONVERSATION, safeFileName, type FileRefusal } from './filePolicy.js';
import type { AttachedFile } from './types.js';

export interface RefusedFile {
  name: string;
  reason: FileRefusal;
}

export interface ReceivedFiles {
  kept: AttachedFile[];
  refused: RefusedFile[];
}

export interface Candidate {
  name: string;
  /** the bytes, or the first ones when the file was over the limit */
  bytes: Uint8Array;
  size: number;
}

export const attachedFile = ({ id, name, contentType, size }: AttachedFile): AttachedFile => ({ id, name, contentType, size });

/** Checks each file, keeps the good ones with the conversation (at most 20 per conversation). */
export async function takeFiles(files: AttachmentStore, conversationId: string, candidates: readonly Candidate[], overCount: readonly string[] = []): Promise<ReceivedFiles> {
  const received: ReceivedFiles = { kept: [], refused: [] };
  let room = MAX_FILES_PER_CONVERSATION - (await files.filesOf(conversationId)).length;
  for (const candidate of candidates) {
    const check = await checkFile(candidate.name, candidate.bytes, candidate.size);
    if (!check.ok) received.refused.push({ name: check.name, reason: check.reason });
    else if (room <= 0) received.refused.push({ name: check.name, reason: 'count' });
    else {
      received.kept.push(attachedFile(await files.putFile({ conversationId, name: check.name, contentType: check.contentType, bytes: candidate.bytes })));
      room--;
    }
  }
  for (const name of overCount) received.refused.push({ name: safeFileName(name), reason: 'count' });
  return received;
}
