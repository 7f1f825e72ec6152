// The staff console's pages (/staff/…) and their assets, with Chart.js served from node_modules
// (no CDN). A fixed list of files: no path from the URL ever reaches the file system. The pages
// call the staff API (/api/staff/…, staff/routes.ts); nothing here knows about sessions: a page
// asks GET /api/staff/me itself and shows its sign-in form on a 401.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import { fileSender, packageFile } from './staticFiles.js';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface StaffPagesOptions {
  log: (line: string, err?: unknown) => void;
}

/**
 * Scripts from this server only (no inline script, no eval), no inline styles either, and Trusted
 * Types enforced: an `innerHTML = string` anywhere in the console throws instead of parsing data as
 * HTML. Never framed (clickjacking on a back-office), forms post nowhere but through fetch.
 */
export const STAFF_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Chart.js's UMD build (window.Chart), from the installed chart.js package. */
export function chartJsBundlePath(): string {
  return packageFile('chart.js', path.join('dist', 'chart.umd.min.js'));
}

/** route → file under web/ */
const PAGES: Record<string, string> = {
  '/staff/': 'staff/index.html',
  '/staff/transcripts': 'staff/transcripts.html',
  '/staff/unanswered': 'staff/unanswered.html',
  '/staff/dashboard': 'staff/dashboard.html',
  '/staff/try': 'staff/try.html',
  '/staff/history': 'staff/history.html',
  '/staff/accounts': 'staff/accounts.html',
  '/staff/audit': 'staff/audit.html',
};

const ASSETS: Record<string, string> = {
  '/staff/assets/staff.css': 'staff/assets/staff.css',
  '/staff/assets/texts.js': 'staff/assets/texts.js',
  '/staff/assets/i18n.js': 'staff/assets/i18n.js',
  '/staff/assets/dom.js': 'staff/assets/dom.js',
  '/staff/assets/api.js': 'staff/assets/api.js',
  '/staff/assets/shell.js': 'staff/assets/shell.js',
  '/staff/assets/inbox.js': 'staff/assets/inbox.js',
  '/staff/assets/requestDetails.js': 'staff/assets/requestDetails.js',
  '/staff/assets/requestWork.js': 'staff/assets/requestWork.js',
  '/staff/assets/transcripts.js': 'staff/assets/transcripts.js',
  '/staff/assets/unanswered.js': 'staff/assets/unanswered.js',
  '/staff/assets/articleForms.js': 'staff/assets/articleForms.js',
  '/staff/assets/dashboard.js': 'staff/assets/dashboard.js',
  '/staff/assets/try.js': 'staff/assets/try.js',
  '/staff/assets/history.js': 'staff/assets/history.js',
  '/staff/assets/accounts.js': 'staff/assets/accounts.js',
  '/staff/assets/audit.js': 'staff/assets/audit.js',
  '/staff/assets/avatar.svg': 'assets/avatar.svg',
};

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const PAGE_HEADERS = {
  'Content-Security-Policy': STAFF_CSP,
  'X-Frame-Options': 'DENY',
  // Pages hold nothing secret (data comes from the API), but a shared computer's back button
  // should not show a signed-out console.
  'Cache-Control': 'no-store',
};

export function mountStaffPages(server: restify.Server, options: StaffPagesOptions): void {
  const log = options.log;
  const chartJs = chartJsBundlePath();

  const sendFile = fileSender(COMMON_HEADERS, 'staff pages', log);

  server.get('/staff', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.writeHead(308, { Location: '/staff/', 'Content-Length': 0 });
    res.end();
    next();
  });

  for (const [route, file] of Object.entries(PAGES)) {
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      await sendFile(res, path.join(WEB_DIR, file), PAGE_HEADERS);
    });
  }

  for (const [route, file] of Object.entries(ASSETS)) {
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      await sendFile(res, path.join(WEB_DIR, file), { 'Cache-Control': 'no-cache' });
    });
  }

  server.get('/staff/assets/chart.umd.js', async (_req: restify.Request, res: restify.Response) => {
    await sendFile(res, chartJs, { 'Cache-Control': 'public, max-age=3600' });
  });
}
