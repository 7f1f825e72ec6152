// POST /api/directline/token with a real Azure Bot configured: the server asks Direct Line's token
// API (here a fake on localhost: no network in tests) and the secret never reaches the browser.
import { expect } from 'chai';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startInProcess, tempDir } from './helpers.js';

const SECRET = 'azure-direct-line-secret-never-in-the-browser';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body: string;
}

/** Stands in for directline.botframework.com: answers tokens/generate with `reply`. */
async function fakeDirectLine(reply: { status: number; body: unknown }): Promise<{ endpoint: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/v3/directline`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the chat token endpoint with an Azure Bot (DIRECT_LINE_SECRET)', function () {
  this.timeout(20_000);

  it('exchanges the secret for a conversation token, server-side', async () => {
    const azure = await fakeDirectLine({ status: 200, body: { conversationId: 'AzConv-1', token: 'short.lived.token', expires_in: 1800 } });
    const bot = await startInProcess({ dataDir: await tempDir(), azure: { secret: SECRET, endpoint: azure.endpoint }, local: false });
    try {
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      const text = await res.text();
      expect(res.status).to.equal(200);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      expect(JSON.parse(text)).to.deep.equal({ mode: 'azure', domain: azure.endpoint, conversationId: 'AzConv-1', token: 'short.lived.token', expires_in: 1800 });
      expect(text).to.not.include(SECRET);
      expect(azure.seen).to.have.length(1);
      expect(azure.seen[0]).to.include({ method: 'POST', url: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}` });
      expect((JSON.parse(azure.seen[0]!.body) as { user: { id: string } }).user.id).to.match(/^dl_/);

      // Nor is it anywhere in the page the browser loads.
      for (const page of ['/', '/chat.html', '/assets/chat.js', '/embed.js']) {
        expect(await (await fetch(`${bot.url}${page}`)).text(), page).to.not.include(SECRET);
      }
      // The page may talk to Direct Line itself; the local routes are off.
      expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(404);
    } finally {
      await bot.close();
      await azure.close();
    }
  });

  it('answers 502 without details when Direct Line refuses the secret', async () => {
    const azure = await fakeDirectLine({ status: 403, body: { error: { code: 'BadArgument', message: 'Invalid secret: ' + SECRET } } });
    const bot = await startInProcess({ dataDir: await tempDir(), azure: { secret: SECRET, endpoint: azure.endpoint }, local: false });
    try {
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(res.status).to.equal(502);
      expect(await res.json()).to.deep.equal({ error: 'the chat service is unavailable' });
    } finally {
      await bot.close();
      await azure.close();
    }
  });

  it('answers 502 when Direct Line answers something that is not a token', async () => {
    const azure = await fakeDirectLine({ status: 200, body: { hello: 'world' } });
    const bot = await startInProcess({ dataDir: await tempDir(), azure: { secret: SECRET, endpoint: azure.endpoint }, local: false });
    try {
      expect((await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).status).to.equal(502);
    } finally {
      await bot.close();
      await azure.close();
    }
  });
});

describe('the chat token endpoint without Azure', function () {
  this.timeout(20_000);

  it('issues a local Direct Line token in local mode', async () => {
    const bot = await startInProcess({ dataDir: await tempDir() });
    try {
      const body = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json()) as Record<string, unknown>;
      expect(body).to.include({ mode: 'local', domain: '/v3/directline', expires_in: 3600 });
      expect(body.conversationId).to.be.a('string');
    } finally {
      await bot.close();
    }
  });

  it('answers 404 when the website chat has no Direct Line at all', async () => {
    const bot = await startInProcess({ dataDir: await tempDir(), local: false });
    try {
      expect((await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).status).to.equal(404);
    } finally {
      await bot.close();
    }
  });
});
