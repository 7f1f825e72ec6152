// POST /api/directline/token: what the chat page calls to start a conversation. With a real Azure
// Bot (DIRECT_LINE_SECRET) the server exchanges the secret for a short-lived conversation token
// from Direct Line's token API; the secret never leaves the server. Otherwise the local Direct Line
// issues one. Either way the page gets { mode, domain, conversationId, token, expires_in }.
import type { ChatToken } from '../../web/apiTypes.js';
import { randomId } from './tokens.js';
import { DIRECT_LINE_PATH, type LocalDirectLine, type Session } from './localDirectLine.js';
import type restify from 'restify';
import { z } from 'zod';

export const AZURE_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

export interface AzureDirectLine {
  secret: string;
  /** base URL of Direct Line 3.0, e.g. https://europe.directline.botframework.com/v3/directline */
  endpoint: string;
}

export interface ChatTokenDeps {
  azure?: AzureDirectLine;
  local?: LocalDirectLine;
  fetch?: typeof fetch;
  log: (line: string, err?: unknown) => void;
}

export interface ChatSession extends Session {
  mode: 'azure' | 'local';
  /** Direct Line base URL for Web Chat's `domain` (relative to the page in local mode) */
  domain: string;
}

const GeneratedToken = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number() });

export class DirectLineTokenError extends Error {
  override name = 'DirectLineTokenError';
}

/** Asks Direct Line for a token bound to a new conversation (its `tokens/generate` API). */
export async function generateAzureToken(azure: AzureDirectLine, fetchImpl: typeof fetch = fetch): Promise<Session> {
  const url = `${azure.endpoint.replace(/\/+$/, '')}/tokens/generate`;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${azure.secret}`, 'content-type': 'application/json' },
      // A user id in the token: Web Chat reads it from there, and Direct Line then refuses another.
      body: JSON.stringify({ user: { id: randomId('dl_') } }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new DirectLineTokenError(`Direct Line token API unreachable at ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) throw new DirectLineTokenError(`Direct Line token API answered ${res.status} at ${url}`);
  const parsed = GeneratedToken.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new DirectLineTokenError(`Direct Line token API at ${url} answered without conversationId, token and expires_in`);
  return parsed.data;
}

export function mountChatToken(server: restify.Server, { azure, local, fetch: fetchImpl = fetch, log }: ChatTokenDeps): void {
  server.post('/api/directline/token', async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    if (azure) {
      try {
        const session = await generateAzureToken(azure, fetchImpl);
        res.send(200, { mode: 'azure', domain: azure.endpoint.replace(/\/+$/, ''), ...session } satisfies ChatSession satisfies ChatToken);
      } catch (err) {
        // The details (URL, status) go to the log; the page only learns that chat is unavailable.
        log('website chat: could not get a Direct Line token', err instanceof Error ? err.message : err);
        res.send(502, { error: 'the chat service is unavailable' });
      }
      return;
    }
    if (local) {
      res.send(200, { mode: 'local', domain: DIRECT_LINE_PATH, ...local.newSession() } satisfies ChatSession satisfies ChatToken);
      return;
    }
    res.send(404, { error: 'the website chat is not enabled on this server' });
  });
}
