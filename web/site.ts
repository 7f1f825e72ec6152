// The website: the product help page with the chat (/), the chat alone for the embed's iframe
// (/chat.html), a demo customer site (/demo.html), the embed snippet (/embed.js) and their assets,
// with the official Web Chat bundle served from node_modules (no CDN). A fixed list of files: no
// path from the URL ever reaches the file system.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import { fileSender, packageFile, typeOf } from './staticFiles.js';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface WebSiteOptions {
  /** origins allowed to frame /chat.html (the embed's iframe); ['*'] = any site */
  embedOrigins: readonly string[];
  /** origins the page may call besides its own: the Azure Direct Line endpoint, if any */
  connectOrigins: readonly string[];
  log: (line: string, err?: unknown) => void;
}

/** The official Web Chat bundle, from the installed botframework-webchat package. */
export function webChatBundlePath(): string {
  return packageFile('botframework-webchat', path.join('dist', 'webchat.js'));
}

type Framing = 'self' | 'embeddable';

/**
 * Scripts only from this server (no inline script, no eval). Web Chat and Adaptive Cards write
 * their styles at run time, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(options: Pick<WebSiteOptions, 'embedOrigins' | 'connectOrigins'>, framing: Framing, forms = false): string {
  const ancestors = framing === 'embeddable' ? options.embedOrigins.join(' ') : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // blob: Direct Line reads a file the customer picked from its blob URL before uploading it.
    `connect-src 'self' blob: ${options.connectOrigins.join(' ')}`.trim(),
    "frame-src 'self'",
    "base-uri 'none'",
    forms ? "form-action 'self'" : "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

interface Page {
  file: string;
  framing: Framing;
  /** its form posts to this server (the help page's search goes to /help/search) */
  forms?: true;
}

const PAGES: Record<string, Page> = {
  '/': { file: 'index.html', framing: 'self', forms: true },
  '/index.html': { file: 'index.html', framing: 'self', forms: true },
  '/chat.html': { file: 'chat.html', framing: 'embeddable' },
  '/demo.html': { file: 'demo.html', framing: 'self' },
};

const ASSETS: Record<string, string> = {
  '/assets/chat.js': 'assets/chat.js',
  '/assets/texts.js': 'assets/texts.js',
  '/assets/site.css': 'assets/site.css',
  '/assets/chat.css': 'assets/chat.css',
  '/assets/webchat.css': 'assets/webchat.css',
  '/assets/demo.css': 'assets/demo.css',
  '/assets/demo.js': 'assets/demo.js',
  '/assets/avatar.svg': 'assets/avatar.svg',
  // Browsers ask for it on pages without an icon link (the demo site).
  '/favicon.ico': 'assets/avatar.svg',
};

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' };

export function mountWebSite(server: restify.Server, options: WebSiteOptions): void {
  const log = options.log;
  const bundle = webChatBundlePath();
  let bundleCache: Promise<{ raw: Buffer; gzipped: Buffer }> | undefined;
  const loadBundle = () => {
    // 3.9 MB, ~1 MB gzipped: read and compressed once, on first use.
    bundleCache ??= readFile(bundle).then(async (raw) => ({ raw, gzipped: await promisify(gzip)(raw) }));
    return bundleCache;
  };

  const send = fileSender(COMMON_HEADERS, 'website', log);
  const sendFile = (res: restify.Response, file: string, headers: Record<string, string>) => send(res, path.join(WEB_DIR, file), headers);

  for (const [route, page] of Object.entries(PAGES)) {
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      await sendFile(res, page.file, { 'Content-Security-Policy': contentSecurityPolicy(options, page.framing, page.forms === true), 'Cache-Control': 'no-cache' });
    });
  }

  for (const [route, file] of Object.entries(ASSETS)) {
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      await sendFile(res, file, { 'Cache-Control': 'no-cache' });
    });
  }

  // The snippet customers paste: loaded by other sites, so readable cross-origin.
  server.get('/embed.js', async (_req: restify.Request, res: restify.Response) => {
    await sendFile(res, 'embed.js', { 'Cache-Control': 'public, max-age=300', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Access-Control-Allow-Origin': '*' });
  });

  server.get('/assets/webchat.js', async (req: restify.Request, res: restify.Response) => {
    const { raw, gzipped } = await loadBundle();
    const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip ? gzipped : raw;
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': typeOf(bundle),
      'Content-Length': body.length,
      'Cache-Control': 'public, max-age=3600',
      Vary: 'Accept-Encoding',
      ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
}
