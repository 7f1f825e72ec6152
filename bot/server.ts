// The HTTP server, without listening: tests start it on a free port, main.ts on the configured one.
// Until the conversation lands, it answers health checks and says what knowledge it serves.
import restify from 'restify';
import type { Matcher } from '../knowledge/matcher.js';

export interface ServerDeps {
  matcher: Matcher;
  articleCount: number;
}

export function createServer({ articleCount, matcher }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'scriba-helpdesk-bot' });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', articles: articleCount, thresholds: matcher.thresholds });
    return next();
  });
  return server;
}
