// The HTTP server, without listening: tests start it on a free port, main.ts on the configured one.
// POST /api/messages goes through the Bot Framework CloudAdapter; GET /healthz answers monitors;
// the website chat (pages, local Direct Line, token endpoint) is mounted when given.
import type { Activity, ActivityHandler } from 'botbuilder';
import type { HelpdeskCloudAdapter } from './adapter.js';
import type { TrafficLimiter } from './trafficLimits.js';
import { connect } from 'node:net';
import restify from 'restify';
import { ChannelActivity, checkActivity } from './activityShape.js';
import { mountChatToken, type AzureDirectLine } from './directLine/chatToken.js';
import { isUploadPath, type LocalDirectLine } from './directLine/localDirectLine.js';
import { mountWebSite, type WebSiteOptions } from '../web/site.js';

export interface ServerDeps {
  adapter: HelpdeskCloudAdapter;
  bot: ActivityHandler;
  /** what /healthz reports; `ok` false answers 503 (storage not writable, no knowledge) */
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** false while the server drains before a stop: /readyz answers 503 so a load balancer moves on */
  ready?: () => boolean;
  /**
   * Local mode (no app id): nobody is authenticated, so replies only go back in the response
   * (deliveryMode expectReplies) or to a loopback serviceUrl (the Emulator), never to any host.
   */
  localMode?: boolean;
  /** messages per conversation (absent: unlimited) */
  limits?: TrafficLimiter;
  log: (line: string, err?: unknown) => void;
  /** the website chat; absent = no pages and no Direct Line routes */
  webChat?: {
    /** the in-process Direct Line (/v3/directline/…); absent = those routes answer 404 */
    local?: LocalDirectLine;
    /** a real Azure Bot's Direct Line: the page's tokens come from it */
    azure?: AzureDirectLine;
    site: Omit<WebSiteOptions, 'log'>;
    fetch?: typeof fetch;
  };
}


export const MAX_BODY_BYTES = 256 * 1024;

const LOOPBACK = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;

/** Does something accept connections at the URL's host and port (loopback: answers in milliseconds)? */
function listening(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port, protocol } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || (protocol === 'https:' ? 443 : 80) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function createServer({ adapter, bot, health, ready = () => true, localMode = false, limits, log, webChat }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'scriba-helpdesk-bot', handleUncaughtExceptions: false });
  // Stopping: a client on a kept-alive connection would keep the process busy past its grace
  // period; it is told to come back (another instance, or this one restarted) and the connection closed.
  server.pre((req, res, next) => {
    if (ready() || req.path() === '/healthz' || req.path() === '/readyz') return next();
    res.header('Connection', 'close');
    res.header('Retry-After', '5');
    res.send(503, { error: 'stopping', retryAfterSeconds: 5 });
    return next(false);
  });
  // JSON bodies up to 256 KB; Direct Line's file upload reads its own (multipart, larger, streamed).
  for (const parse of restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false })) {
    server.use((req, res, next) => (isUploadPath(req.path()) ? next() : parse(req, res, next)));
  }

  // Monitors: /healthz says whether the bot can do its job (storage writable, knowledge loaded);
  // /readyz whether to send it traffic (healthy and not stopping).
  server.get('/healthz', async (_req, res) => {
    const { ok, ...details } = await health();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'failing', ...details });
  });
  server.get('/readyz', async (_req, res) => {
    const { ok } = await health();
    const isReady = ok && ready();
    res.send(isReady ? 200 : 503, { status: isReady ? 'ready' : ready() ? 'failing' : 'stopping' });
  });

  server.post('/api/messages', async (req, res) => {
    // Refused here, with a short reason, before the SDK: a bad body never becomes a turn error.
    if (!req.is('application/json')) return void res.send(400, { error: 'bad request', reason: 'the body must be JSON (Content-Type: application/json)' });
    const checked = checkActivity(ChannelActivity, req.body);
    if (!checked.ok) return void res.send(400, { error: 'bad request', reason: checked.reason });
    if (localMode && checked.value.deliveryMode !== 'expectReplies') {
      if (!LOOPBACK.test(checked.value.serviceUrl)) {
        return void res.send(400, { error: 'bad request', reason: 'in local mode replies come back in the response (deliveryMode "expectReplies") or go to a loopback serviceUrl' });
      }
      // The SDK would retry a dead serviceUrl for seconds per reply: check somebody listens first.
      if (!(await listening(checked.value.serviceUrl))) {
        return void res.send(400, { error: 'bad request', reason: 'nothing listens at the serviceUrl to take the replies: use deliveryMode "expectReplies"' });
      }
    }
    if (limits) {
      const allowed = await limits.message(checked.value.conversation.id);
      if (!allowed.ok) {
        res.header('Retry-After', String(allowed.retryAfterSeconds));
        return void res.send(429, { error: 'too many requests', retryAfterSeconds: allowed.retryAfterSeconds });
      }
    }
    const authHeader = String(req.headers.authorization ?? '');
    try {
      const handled = await adapter.handle(authHeader, checked.value as unknown as Activity, (context) => bot.run(context));
      if (!handled.ok) {
        // The SDK's reason is logged, the caller gets a short, stable body.
        log(`POST /api/messages refused (401): ${handled.unauthorized}`);
        return void res.send(401, { error: 'unauthorized' });
      }
      const { status = 200, body } = handled.response ?? {};
      if (body === undefined) res.send(status);
      else res.send(status, body);
    } catch (err) {
      log('POST /api/messages failed', err);
      res.send(500, { error: 'internal error' });
    }
  });

  if (webChat) {
    webChat.local?.mount(server);
    mountChatToken(server, { ...(webChat.local ? { local: webChat.local } : {}), ...(webChat.azure ? { azure: webChat.azure } : {}), ...(webChat.fetch ? { fetch: webChat.fetch } : {}), log });
    mountWebSite(server, { ...webChat.site, log });
  }
  return server;
}
