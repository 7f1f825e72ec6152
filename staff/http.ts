// The plumbing every staff route shares: a handler returns a Reply or throws an HttpError; anything
// else is logged and answered 500 {error:"internal error"}, never with a stack trace. Bodies and
// queries are checked with zod (400 with a message saying which field is wrong).
import type restify from 'restify';
import type { z } from 'zod';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, readonly body: Record<string, unknown>, readonly headers: Record<string, string> = {}) {
    super(typeof body.error === 'string' ? body.error : `HTTP ${status}`);
  }
}

export interface Reply {
  status: number;
  /** JSON body, or a string or bytes sent as they are (with their content-type in headers) */
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (body: unknown, status = 200): Reply => ({ status, body });
export const notFound = (what: string): HttpError => new HttpError(404, { error: `${what} not found` });

export function send(res: restify.Response, reply: Reply): void {
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
  } else if (typeof reply.body === 'string' || reply.body instanceof Uint8Array) {
    res.writeHead(reply.status, { 'Content-Length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  } else {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }
}

/** Runs the handler; HttpErrors become their answer, anything else a logged 500. */
export function guard(log: (line: string) => void, fn: (req: restify.Request, res: restify.Response) => Promise<Reply>): restify.RequestHandler {
  return async (req: restify.Request, res: restify.Response) => {
    try {
      send(res, await fn(req, res));
    } catch (err) {
      if (err instanceof HttpError) {
        send(res, { status: err.status, body: err.body, headers: err.headers });
        return;
      }
      log(`staff API ${req.method} ${req.path()} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
    }
  };
}

/** The value checked by `schema`, or a 400 naming the first wrong field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, { error: `bad ${what}: ${field}${issue?.message ?? 'invalid'}` });
}

/** The query string as a plain object (restify's queryParser is not installed; a repeated name keeps its last value). */
export function queryOf(req: restify.Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return Object.fromEntries(params.entries());
}

/** The JSON body; restify's bodyParser leaves it undefined when there is none. */
export function bodyOf(req: restify.Request): unknown {
  return (req.body as unknown) ?? {};
}

export function paramOf(req: restify.Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** https directly, or through a TLS proxy that says so (only used to add `Secure` to the cookie). */
export function isHttps(req: restify.Request): boolean {
  return req.isSecure() || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

export { clientIp } from '../bot/clientAddress.js';
