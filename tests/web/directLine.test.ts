// The local Direct Line over HTTP, as Web Chat calls it: start, post, poll, reconnect, refresh, and
// every way a call is refused.
import { expect } from 'chai';
import { SECRET, startBot, startInProcess, tempDir, type RunningBot } from './helpers.js';

interface Listed {
  id: string;
  type: string;
  text?: string;
  timestamp?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: Array<{ title: string }> };
}

async function call(url: string, method: 'GET' | 'POST', body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** What the page does: a token from the server, then Web Chat starts the conversation with it. */
async function startChat(base: string, locale = 'fr-FR') {
  const issued = await call(`${base}/api/directline/token`, 'POST');
  expect(issued.status).to.equal(200);
  const { conversationId, token } = issued.body as { conversationId: string; token: string };
  const started = await call(`${base}/v3/directline/conversations`, 'POST', { user: {}, locale }, token);
  expect(started.status).to.equal(201);
  expect(started.body).to.include({ conversationId });
  return { conversationId, token: started.body.token as string, dl: `${base}/v3/directline/conversations/${conversationId}` };
}

async function activities(dl: string, token: string, watermark = '') {
  const res = await call(`${dl}/activities?watermark=${watermark}`, 'GET', undefined, token);
  expect(res.status).to.equal(200);
  return res.body as unknown as { activities: Listed[]; watermark: string };
}

async function say(dl: string, token: string, text: string) {
  const res = await call(`${dl}/activities`, 'POST', { type: 'message', text, from: { id: 'whoever', name: 'Client', role: 'bot' }, channelData: { clientActivityID: `c-${text}` } }, token);
  expect(res.status).to.equal(200);
  return res.body.id as string;
}

describe('the local Direct Line for Web Chat', function () {
  this.timeout(20_000);
  let base: string;
  let close: () => Promise<void>;
  let clock = new Date();

  before(async () => {
    ({ url: base, close } = await startInProcess({ dataDir: await tempDir(), now: () => clock }));
  });
  after(() => close?.());
  beforeEach(() => {
    clock = new Date();
  });

  it('starts a conversation with the welcome, in the locale asked for, before the user types', async () => {
    const { dl, token } = await startChat(base, 'fr-FR');
    const { activities: list, watermark } = await activities(dl, token);
    expect(list[0]).to.deep.include({ type: 'message', text: "Bonjour ! Je suis l'assistant Scriba. Posez-moi votre question sur Scriba avec vos mots, en français ou en anglais." });
    expect(list[0]!.from).to.deep.include({ role: 'bot' });
    expect(list.map((a) => a.type)).to.not.include('conversationUpdate');
    expect(watermark).to.equal(String(list.length));
  });

  it("lists the user's activity under the id it answered, as the token's user, then the bot's replies", async () => {
    const { dl, token } = await startChat(base);
    const before = await activities(dl, token);
    const id = await say(dl, token, 'mot de pase oublié');
    const after = await activities(dl, token, before.watermark);
    expect(after.activities[0]).to.deep.include({ id, text: 'mot de pase oublié' });
    // Whatever the body claims, the sender is the token's user.
    expect(after.activities[0]!.from).to.deep.include({ role: 'user' });
    expect(after.activities[0]!.from.id).to.match(/^dl_/);
    const last = after.activities.at(-1)!;
    expect(last.text).to.equal('Cette réponse a-t-elle répondu à votre question ?');
    expect(last.suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['Oui', 'Non']);
    // Polling from the new watermark returns nothing new.
    expect((await activities(dl, token, after.watermark)).activities).to.deep.equal([]);
  });

  it('refuses a call without a token with 401, and a forged one too', async () => {
    const { dl, token } = await startChat(base);
    expect((await call(`${dl}/activities`, 'GET')).status).to.equal(401);
    expect((await call(`${dl}/activities`, 'POST', { type: 'message', text: 'hi' })).status).to.equal(401);
    expect((await call(dl, 'GET')).status).to.equal(401);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature, not at all!!').toString('base64url')}`;
    const res = await call(`${dl}/activities`, 'GET', undefined, forged);
    expect(res.status).to.equal(401);
    expect(res.body).to.deep.equal({ error: { code: 'BadToken', message: 'the token is not valid' } });
  });

  it("refuses another conversation's token with 403: one visitor cannot read another's chat", async () => {
    const mine = await startChat(base);
    const theirs = await startChat(base);
    expect((await call(`${theirs.dl}/activities`, 'GET', undefined, mine.token)).status).to.equal(403);
    expect((await call(`${theirs.dl}/activities`, 'POST', { type: 'message', text: 'hi' }, mine.token)).status).to.equal(403);
    expect((await call(theirs.dl, 'GET', undefined, mine.token)).status).to.equal(403);
  });

  it('answers 404 for a conversation that never started', async () => {
    const issued = (await call(`${base}/api/directline/token`, 'POST')).body as { conversationId: string; token: string };
    const dl = `${base}/v3/directline/conversations/${issued.conversationId}`;
    expect((await call(`${dl}/activities`, 'GET', undefined, issued.token)).status).to.equal(404);
    expect((await call(`${dl}/activities`, 'POST', { type: 'message', text: 'hi' }, issued.token)).status).to.equal(404);
    expect((await call(dl, 'GET', undefined, issued.token)).status).to.equal(404);
  });

  it('refuses a body that is not an activity with 400', async () => {
    const { dl, token } = await startChat(base);
    for (const body of [{ text: 'no type' }, { type: 42 }, { type: '' }, [1, 2], '"just a string"']) {
      expect((await call(`${dl}/activities`, 'POST', body, token)).status, JSON.stringify(body)).to.equal(400);
    }
    expect((await call(`${dl}/activities`, 'POST', '{not json', token)).status).to.equal(400);
  });

  it('refuses an expired token with 403, as Direct Line does', async () => {
    const { dl, token } = await startChat(base);
    clock = new Date(Date.now() + 61 * 60_000);
    const res = await call(`${dl}/activities`, 'GET', undefined, token);
    expect(res.status).to.equal(403);
    expect(res.body).to.deep.equal({ error: { code: 'TokenExpired', message: 'the token has expired' } });
  });

  it('reconnects (GET /conversations/{id}) and refreshes tokens for the same conversation', async () => {
    const { conversationId, dl, token } = await startChat(base);
    const reconnected = await call(dl, 'GET', undefined, token);
    expect(reconnected.status).to.equal(200);
    expect(reconnected.body).to.include({ conversationId, expires_in: 3600 });
    const refreshed = await call(`${base}/v3/directline/tokens/refresh`, 'POST', undefined, reconnected.body.token as string);
    expect(refreshed.status).to.equal(200);
    expect(refreshed.body).to.include({ conversationId });
    expect((await activities(dl, refreshed.body.token as string)).activities).to.not.be.empty;
  });

  it('resumes a started conversation given its token, without greeting again', async () => {
    const { conversationId, dl, token } = await startChat(base);
    const again = await call(`${base}/v3/directline/conversations`, 'POST', { user: {} }, token);
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ conversationId });
    const welcomes = (await activities(dl, token)).activities.filter((a) => a.text?.startsWith('Bonjour !'));
    expect(welcomes).to.have.length(1);
  });

  it('lets an anonymous visitor start a conversation without a token (local mode has no secret)', async () => {
    const res = await call(`${base}/v3/directline/conversations`, 'POST', { user: { id: 'dl_visitor' }, locale: 'en-US' });
    expect(res.status).to.equal(201);
    const { conversationId, token } = res.body as { conversationId: string; token: string };
    const { activities: list } = await activities(`${base}/v3/directline/conversations/${conversationId}`, token);
    expect(list[0]?.text).to.match(/^Hello! I'm the Scriba assistant/);
  });
});

describe('the local Direct Line after a restart', function () {
  this.timeout(20_000);

  it('rebuilds the history from the stored transcript, with the same ids and watermarks', async () => {
    const dataDir = await tempDir();
    const first = await startInProcess({ dataDir });
    const { conversationId, dl, token } = await startChat(first.url);
    await say(dl, token, 'mot de pase oublié');
    const before = await activities(dl, token);
    await first.close();

    // A new process: nothing in memory, the same data folder and token secret.
    const second = await startInProcess({ dataDir });
    try {
      const dl2 = `${second.url}/v3/directline/conversations/${conversationId}`;
      expect((await call(dl2, 'GET', undefined, token)).status).to.equal(200);
      const after = await activities(dl2, token);
      const shown = (list: Listed[]) => list.map((a) => [a.id, a.text, a.timestamp, a.from.role]);
      expect(shown(after.activities)).to.deep.equal(shown(before.activities));
      expect(after.watermark).to.equal(before.watermark);
      // The conversation goes on where it was: the bot still waits for "did this help?".
      await say(dl2, token, 'oui');
      const next = await activities(dl2, token, after.watermark);
      expect(Number(next.watermark)).to.be.above(Number(after.watermark));
      expect(next.activities.map((a) => a.text)).to.deep.equal(['oui', "Parfait, ravi d'avoir pu vous aider ! Autre chose ?"]);
    } finally {
      await second.close();
    }
  });

  it('refuses tokens signed with another secret (an unset DIRECT_LINE_LOCAL_SECRET changes at every start)', async () => {
    const dataDir = await tempDir();
    const first = await startInProcess({ dataDir });
    const { conversationId, token } = await startChat(first.url);
    await first.close();
    const second = await startInProcess({ dataDir, secret: `${SECRET}-another` });
    try {
      expect((await call(`${second.url}/v3/directline/conversations/${conversationId}`, 'GET', undefined, token)).status).to.equal(401);
    } finally {
      await second.close();
    }
  });
});

describe('the website chat routes with a Bot Framework app id (npm start)', function () {
  this.timeout(30_000);
  let withAppId: RunningBot;
  let forced: RunningBot;
  const appId = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };

  before(async () => {
    [withAppId, forced] = await Promise.all([
      startBot({ DATA_DIR: await tempDir(), ...appId }),
      startBot({ DATA_DIR: await tempDir(), ...appId, LOCAL_DIRECTLINE: 'true' }),
    ]);
  });
  after(() => {
    withAppId?.child.kill();
    forced?.child.kill();
  });

  it('answers 404 on the local Direct Line and the token endpoint unless LOCAL_DIRECTLINE=true', async () => {
    expect((await call(`${withAppId.url}/v3/directline/conversations`, 'POST', {})).status).to.equal(404);
    expect((await call(`${withAppId.url}/v3/directline/conversations/abc/activities`, 'GET', undefined, 'x.y.z')).status).to.equal(404);
    expect((await call(`${withAppId.url}/v3/directline/conversations/abc/activities`, 'POST', { type: 'message' }, 'x.y.z')).status).to.equal(404);
    expect((await call(`${withAppId.url}/api/directline/token`, 'POST')).status).to.equal(404);
    expect(withAppId.output()).to.include('website chat: http://localhost:');
  });

  it('serves the local Direct Line with LOCAL_DIRECTLINE=true, on the same bot', async () => {
    const { dl, token } = await startChat(forced.url);
    expect((await activities(dl, token)).activities[0]?.text).to.match(/^Bonjour !/);
  });
});
