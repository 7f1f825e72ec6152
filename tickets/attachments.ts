// The files customers send (screenshots, logs), kept with their conversation: the store's file part.
// A file lives as long as its conversation's transcript (the retention purge), or as long as the
// request that lists it (requests are the support's record); a person's erasure removes it.
// Files under DATA_DIR are the embedded implementation; postgres/pgAttachments.ts the shared one.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { folders, namesIn } from './dataLayout.js';
import { replaceFileDurably } from './durableJsonFile.js';
import { storedFileSchema } from './schemas.js';
import type { AttachedFile, HelpdeskRequest, StoredFile } from './types.js';
import { isoWithOffset } from './zonedTime.js';

export interface NewFile {
  conversationId: string;
  /** already made safe and checked (filePolicy.ts) */
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface AttachmentStore {
  /** Resolves once the file is durable: only then is it acknowledged to the customer. */
  putFile(file: NewFile): Promise<StoredFile>;
  /** The file and its bytes, if it was sent in this conversation and is still kept. */
  readFile(conversationId: string, id: string): Promise<{ file: StoredFile; bytes: Buffer } | undefined>;
  /** The conversation's files, oldest first. */
  filesOf(conversationId: string): Promise<StoredFile[]>;
  /** Marks files as a request's, before it is made: kept as long as it is. */
  keep(conversationId: string, ids: readonly string[]): Promise<void>;
  /** Removes a conversation's files; how many. */
  removeConversation(conversationId: string): Promise<number>;
  /** Removes the files sent before `cutoff` that no request keeps; how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

/** Every file a request lists: those it was made with, then those the customer added to it. */
export function filesOfRequest(request: Pick<HelpdeskRequest, 'attachments' | 'messages'>): AttachedFile[] {
  return [...(request.attachments ?? []), ...(request.messages ?? []).flatMap((m) => m.attachments ?? [])];
}

/** 128 random bits, URL-safe: a file's id is its name in the store and cannot be guessed. */
export function newFileId(): string {
  return randomBytes(16).toString('base64url');
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const FILE_ID = /^[A-Za-z0-9_-]{22}$/;
export const isFileId = (id: string): boolean => FILE_ID.test(id);

export interface FileAttachmentsDeps {
  dataDir: string;
  timeZone: string;
  now: () => Date;
  report?: (line: string) => void;
}

/**
 * attachments/<conversation hash>/<id>.bin holds the bytes, <id>.json what the file is: the bytes
 * are synced before the description, so a described file is always complete (a crash between the
 * two leaves bytes without a description, which nothing lists and the purge removes).
 */
export interface FileAttachments extends AttachmentStore {
  /** Every kept file with its bytes, conversation by conversation, each oldest first (`npm run db:import`). */
  everyFile(): AsyncGenerator<{ file: StoredFile; bytes: Buffer }>;
}

export function createFileAttachments({ dataDir, timeZone, now, report = () => undefined }: FileAttachmentsDeps): FileAttachments {
  const root = join(dataDir, folders.attachments);
  const folderOf = (conversationId: string) => join(root, createHash('sha256').update(conversationId).digest('hex').slice(0, 32));

  async function describe(folder: string, id: string): Promise<StoredFile | undefined> {
    const text = await readFile(join(folder, `${id}.json`), 'utf8').catch(ignoreMissing);
    if (text === undefined) return undefined;
    const parsed = storedFileSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      report(`${join(folder, `${id}.json`)}: not a file description, left as it is (${parsed.error.issues[0]?.message ?? 'unreadable'})`);
      return undefined;
    }
    return parsed.data;
  }

  async function describedIn(folder: string): Promise<StoredFile[]> {
    const ids = (await namesIn(folder)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter(isFileId);
    const files: Array<{ file: StoredFile; written: bigint }> = [];
    for (const id of ids) {
      const file = await describe(folder, id);
      // Files sent in the same second keep the order they were sent in: their bytes' write time.
      if (file) files.push({ file, written: await stat(join(folder, `${id}.bin`), { bigint: true }).then((s) => s.mtimeNs, () => 0n) });
    }
    return files
      .sort((a, b) => Date.parse(a.file.at) - Date.parse(b.file.at) || (a.written < b.written ? -1 : a.written > b.written ? 1 : 0))
      .map((f) => f.file);
  }

  async function remove(folder: string, id: string): Promise<void> {
    // The description first: a file half removed is never listed.
    await unlink(join(folder, `${id}.json`)).catch(ignoreMissing);
    await unlink(join(folder, `${id}.bin`)).catch(ignoreMissing);
  }

  return {
    async putFile({ conversationId, name, contentType, bytes }) {
      const folder = folderOf(conversationId);
      const file: StoredFile = { id: newFileId(), conversationId, name, contentType, size: bytes.byteLength, sha256: sha256Of(bytes), at: isoWithOffset(now(), timeZone) };
      await replaceFileDurably(join(folder, `${file.id}.bin`), bytes);
      await replaceFileDurably(join(folder, `${file.id}.json`), JSON.stringify(file));
      return file;
    },

    async readFile(conversationId, id) {
      if (!isFileId(id)) return undefined;
      const folder = folderOf(conversationId);
      const file = await describe(folder, id);
      if (!file || file.conversationId !== conversationId) return undefined;
      const bytes = await readFile(join(folder, `${id}.bin`)).catch(ignoreMissing);
      return bytes ? { file, bytes } : undefined;
    },

    filesOf: async (conversationId) => (await describedIn(folderOf(conversationId))).filter((f) => f.conversationId === conversationId),

    async keep(conversationId, ids) {
      const folder = folderOf(conversationId);
      for (const id of ids) {
        const file = await describe(folder, id);
        if (file && !file.kept) await replaceFileDurably(join(folder, `${id}.json`), JSON.stringify({ ...file, kept: true }));
      }
    },

    async *everyFile() {
      for (const name of await namesIn(root)) {
        const folder = join(root, name);
        for (const file of await describedIn(folder)) {
          const bytes = await readFile(join(folder, `${file.id}.bin`)).catch(ignoreMissing);
          if (bytes) yield { file, bytes };
        }
      }
    },

    async removeConversation(conversationId) {
      const folder = folderOf(conversationId);
      const count = (await describedIn(folder)).length;
      await rm(folder, { recursive: true, force: true });
      return count;
    },

    async purgeBefore(cutoff) {
      let removed = 0;
      for (const name of await namesIn(root)) {
        const folder = join(root, name);
        const described = await describedIn(folder);
        for (const file of described) {
          if (!file.kept && Date.parse(file.at) < cutoff.getTime()) {
            await remove(folder, file.id);
            removed++;
          }
        }
        // Bytes whose description never came (a crash between the two writes), old enough not to
        // be a file being kept right now.
        const known = new Set(described.map((f) => f.id));
        for (const bin of (await namesIn(folder)).filter((n) => n.endsWith('.bin'))) {
          const id = bin.slice(0, -4);
          const written = await stat(join(folder, bin)).then((s) => s.mtimeMs, () => Infinity);
          if (!known.has(id) && written < cutoff.getTime() && !(await describe(folder, id))) await unlink(join(folder, bin)).catch(ignoreMissing);
        }
        if ((await namesIn(folder)).length === 0) await rm(folder, { recursive: true, force: true });
      }
      return removed;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A file that is not there reads as undefined; any other failure stands. */
function ignoreMissing(err: unknown): undefined {
  if ((err as { code?: unknown }).code !== 'ENOENT') throw err;
  return undefined;
}
