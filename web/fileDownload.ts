// How a customer's file is sent back over HTTP (to the customer's own chat, to staff): as the type
// it was recognised as, never sniffed by the browser, never run as a page (sandboxed, no scripts);
// only images shown in place, anything else downloaded under its safe name.
import type { StoredFile } from '../tickets/types.js';

export function downloadHeaders(file: Pick<StoredFile, 'name' | 'contentType' | 'size'>, { inline }: { inline: boolean }): Record<string, string> {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  };
}

/** Images are shown in place in the chat; anything else is a download. */
export const showsInPlace = (contentType: string): boolean => /^image\/(png|jpeg|gif|webp|bmp)$/.test(contentType);
