// Which files a customer may send (screenshots, PDFs, text and log files, zip archives) and what
// they are called once kept. A file's type is read from its first bytes (file-type), never taken
// from its name or from what the browser claimed: a program renamed "facture.pdf" is refused.
// Text has no signature: it is text when it decodes as UTF-8 without control bytes, and only with
// a text file's extension (a script is text too, and staff would open it).
import { fileTypeFromBuffer } from 'file-type';
import { MAX_FILE_NAME_CHARS } from './schemas.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** files in one message, and in one conversation (what a customer could pile up before a request) */
export const MAX_FILES_PER_MESSAGE = 5;
export const MAX_FILES_PER_CONVERSATION = 20;

/** Recognised types that may be kept, with the type they are served as. */
const ACCEPTED_TYPES = new Set([
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/heic', 'image/heif',
  'application/pdf', 'application/zip',
]);
const TEXT_EXTENSIONS = new Set(['txt', 'log', 'csv', 'json', 'xml', 'ini', 'cfg', 'conf', 'md']);
/** The extensions kept: the chat page's picker offers the same list (tests/web/fileLimits.test.ts). */
export const ACCEPTED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'heic', 'pdf', 'zip', ...TEXT_EXTENSIONS];

/** Why a file was not kept; the bot explains each in the customer's language. */
export const FILE_REFUSALS = ['type', 'size', 'empty', 'count'] as const;
export type FileRefusal = (typeof FILE_REFUSALS)[number];

export type FileCheck =
  | { ok: true; name: string; contentType: string }
  | { ok: false; name: string; reason: FileRefusal };

/** Is this file one we keep, and as what? `size` is the whole file's (the bytes may stop at the limit). */
export async function checkFile(givenName: string, bytes: Uint8Array, size = bytes.byteLength): Promise<FileCheck> {
  const name = safeFileName(givenName);
  if (size === 0) return { ok: false, name, reason: 'empty' };
  if (size > MAX_FILE_BYTES) return { ok: false, name, reason: 'size' };
  const contentType = await recognisedType(name, bytes);
  return contentType ? { ok: true, name, contentType } : { ok: false, name, reason: 'type' };
}

async function recognisedType(name: string, bytes: Uint8Array): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return ACCEPTED_TYPES.has(found.mime) ? found.mime : undefined;
  return TEXT_EXTENSIONS.has(extensionOf(name)) && isText(bytes) ? 'text/plain; charset=utf-8' : undefined;
}

/** UTF-8 (a BOM allowed) without NUL or other control bytes but tab, line feed, carriage return, form feed. */
function isText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  return true;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name a file is shown and downloaded under: the last part of a path, without control or
 * reserved characters (Windows' and the shells'), no leading dots, at most 120 characters with its
 * extension kept; "file" when nothing is left.
 */
export function safeFileName(given: string): string {
  const base = given.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'file';
  if (name.length <= MAX_FILE_NAME_CHARS) return name;
  const extension = extensionOf(name);
  const tail = extension && extension.length <= 10 ? `.${extension}` : '';
  return name.slice(0, MAX_FILE_NAME_CHARS - tail.length).trimEnd() + tail;
}
