// The HTTP server, without listening: tests start it on a free port, main.ts on the configured one.
// POST /api/messages goes through the Bot Framework CloudAdapter; GET /healthz answers monitors;
// the website chat (pages, local Direct Line, token endpoint) is mounted when given.
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify from 'restify';
import { z } from 'zod';
import { mountChatToken, type AzureDirectLine } from './directLine/chatToken.js';
import type { LocalDirectLine } from './directLine/localDirectLine.js';
import { mountWebSite, type WebSiteOptions } from '../web/site.js';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** what /healthz reports; `ok` false answers 503 (storage not writable, no knowledge) */
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** false while the server drains before a stop: /readyz answers 503 so a load balancer moves on */
  ready?: () => boolean;
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

/** An activity is a JSON object with a type; everything else is refused before the SDK sees it. */
const ActivityBody = z.looseObject({ type: z.string().min(1) });

export const MAX_BODY_BYTES = 256 * 1024;

type Reply = { status(code: number): unknown; send(body?: unknown): unknown; end(): unknown; header(name: string, value: unknown): unknown };

/**
 * The SDK answers errors with its internal messages ("Unauthorized. Invalid AppId passed on token…",
 * stack-ish text on a 500): log those, send the client a short, stable body instead.
 */
function guarded(res: restify.Response, log: NonNullable<ServerDeps['log']>): Reply {
  let status = 200;
  return {
    status(code: number) {
      status = code;
      return res.status(code);
    },
    send(body?: unknown) {
      if (status < 400) return res.send(body);
      log(`POST /api/messages answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
      return res.send({ error: status === 401 || status === 403 ? 'unauthorized' : status < 500 ? 'bad request' : 'internal error' });
    },
    end: () => res.end(),
    header: (name, value) => res.header(name, value),
  };
}

export function createServer({ adapter, bot, health, ready = () => true, log, webChat }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'scriba-helpdesk-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

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
    if (!ActivityBody.safeParse(req.body).success) {
      res.send(400, { error: 'the body must be a Bot Framework activity: a JSON object with a "type"' });
      return;
    }
    await adapter.process(req, guarded(res, log) as unknown as restify.Response, (context) => bot.run(context));
  });

  if (webChat) {
    webChat.local?.mount(server);
    mountChatToken(server, { ...(webChat.local ? { local: webChat.local } : {}), ...(webChat.azure ? { azure: webChat.azure } : {}), ...(webChat.fetch ? { fetch: webChat.fetch } : {}), log });
    mountWebSite(server, { ...webChat.site, log });
  }
  return server;
}
