// What Web Chat posts to Direct Line's /upload (botframework-directlinejs postMessageWithAttachments):
// multipart/form-data with the activity as a part named "activity" (application/vnd.microsoft.activity)
// and one part named "file" per file. Read as it streams (busboy): a file over the size limit is
// cut there and drained, never held whole; files past the count limit are drained unread.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE } from '../../tickets/filePolicy.js';

export interface UploadedFile {
  /** as the browser named it (made safe later) */
  name: string;
  /** the first bytes up to the size limit */
  bytes: Buffer;
  /** the whole file's size, or more than MAX_FILE_BYTES when it was cut */
  size: number;
}

export interface Upload {
  activity: unknown;
  files: UploadedFile[];
  /** names of files past the count limit, not read */
  overCount: string[];
}

export class UploadProblem extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

const MAX_ACTIVITY_BYTES = 256 * 1024;
/** A body longer than the files allowed and their activity is refused before it is read. */
export const MAX_UPLOAD_BYTES = MAX_FILES_PER_MESSAGE * (MAX_FILE_BYTES + 64 * 1024) + MAX_ACTIVITY_BYTES;
/** Parts read at most (files past MAX_FILES_PER_MESSAGE are only counted): a body of a thousand empty parts stops here. */
const MAX_PARTS = 2 * MAX_FILES_PER_MESSAGE + 2;

export function readUpload(req: IncomingMessage): Promise<Upload> {
  const length = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES) return Promise.reject(new UploadProblem(413, `at most ${MAX_FILES_PER_MESSAGE} files of ${MAX_FILE_BYTES / 1024 / 1024} MB each`));
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_FILE_BYTES + 1, files: MAX_PARTS, fields: 4, parts: MAX_PARTS + 4, fieldSize: MAX_ACTIVITY_BYTES } });
  } catch (err) {
    return Promise.reject(new UploadProblem(400, `not a multipart upload (${(err as Error).message})`));
  }
  return new Promise((resolve, reject) => {
    let activityText: string | undefined;
    const files: UploadedFile[] = [];
    const overCount: string[] = [];
    let failed = false;
    const fail = (problem: UploadProblem) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(problem);
    };

    parser.on('file', (field, stream, info) => {
      if (field === 'activity') {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ACTIVITY_BYTES) chunks.push(chunk);
        });
        stream.on('end', () => {
          if (size > MAX_ACTIVITY_BYTES) fail(new UploadProblem(413, 'the activity part is too large'));
          else activityText = Buffer.concat(chunks).toString('utf8');
        });
        return;
      }
      if (field !== 'file' || files.length >= MAX_FILES_PER_MESSAGE) {
        if (field === 'file') overCount.push(info.filename ?? 'file');
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('end', () => {
        // Cut at the limit: refused by its size, its bytes dropped.
        const cut = (stream as unknown as { truncated?: boolean }).truncated === true;
        files.push({ name: info.filename ?? 'file', bytes: cut ? Buffer.alloc(0) : Buffer.concat(chunks), size: cut ? MAX_FILE_BYTES + 1 : size });
      });
    });
    parser.on('field', (field, value) => {
      if (field === 'activity') activityText = value;
    });
    parser.on('partsLimit', () => fail(new UploadProblem(413, 'too many parts')));
    parser.on('error', (err) => fail(new UploadProblem(400, `unreadable upload (${(err as Error).message})`)));
    parser.on('close', () => {
      if (failed) return;
      if (activityText === undefined) return fail(new UploadProblem(400, 'the upload has no "activity" part'));
      let activity: unknown;
      try {
        activity = JSON.parse(activityText);
      } catch {
        return fail(new UploadProblem(400, 'the "activity" part is not JSON'));
      }
      resolve({ activity, files, overCount });
    });
    req.pipe(parser);
  });
}
