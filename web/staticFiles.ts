// What both websites (the customer chat pages and the staff console) need to serve files: a
// package's built file out of node_modules, the content type of a file, and a sender that answers
// 200 with the file or a bare 500 that names nothing.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type restify from 'restify';

/**
 * A file of an installed package whose `exports` hide it (botframework-webchat's and chart.js's
 * dist/): resolve the package's main entry and walk up to the folder of its package.json.
 */
export function packageFile(name: string, relative: string): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
      return path.join(dir, relative);
    }
    dir = path.dirname(dir);
  }
  throw new Error(`${name} is installed but its package folder was not found`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const typeOf = (file: string) => TYPES[path.extname(file)] ?? 'application/octet-stream';

export type FileSender = (res: restify.Response, file: string, headers: Record<string, string>) => Promise<void>;

/** Sends an absolute file path with `common` and per-route headers; a read error is logged under `label`. */
export function fileSender(common: Record<string, string>, label: string, log: (line: string, err?: unknown) => void): FileSender {
  return async (res, file, headers) => {
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...common, 'Content-Type': typeOf(file), 'Content-Length': body.length, ...headers });
      res.end(body);
    } catch (err) {
      log(`${label}: cannot read ${file}`, err);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    }
  };
}
