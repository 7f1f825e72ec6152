import { expect } from 'chai';
import { startBot } from '../helpers/processes.js';
import { channelMessage } from '../helpers/channelMessage.js';
import { tempDataDir } from '../helpers/conversation.js';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as { activities?: Array<{ text?: string }>; error?: string }) : {} };
}

describe('the bot server in local mode (npm start on a fresh clone)', function () {
  this.timeout(30_000);
  let bot: Awaited<ReturnType<typeof startBot>>;
  before(async () => {
    bot = await startBot({ DATA_DIR: await tempDataDir() });
  });
  after(() => bot?.child.kill());

  it('answers a health check', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.include({ status: 'ok', mode: 'local', articles: 44 });
  });

  it('converses over HTTP with expectReplies: the replies come back in the response', async () => {
    const first = await post(bot.url, channelMessage('mot de pase oublié'));
    expect(first.status).to.equal(200);
    const texts = (first.body.activities ?? []).map((a) => a.text ?? '');
    expect(texts[0]).to.include('Mot de passe oublié ?');
    expect(texts.at(-1)).to.equal('Cette réponse a-t-elle répondu à votre question ?');

    const second = await post(bot.url, channelMessage('oui'));
    expect((second.body.activities ?? []).map((a) => a.text)).to.deep.equal(["Parfait, ravi d'avoir pu vous aider ! Autre chose ?"]);
  });

  it('refuses a body that is not an activity with 400', async () => {
    expect((await post(bot.url, { text: 'no type' })).status).to.equal(400);
    expect((await post(bot.url, [1, 2])).status).to.equal(400);
  });

  const { conversation: _c, channelId: _ch, ...withoutBoth } = channelMessage('bonjour');
  const bad: Array<[string, unknown, string]> = [
    ['no conversation', { ...channelMessage('bonjour'), conversation: undefined }, 'conversation'],
    ['no channelId', { ...channelMessage('bonjour'), channelId: undefined }, 'channelId'],
    ['neither', withoutBoth, 'channelId'],
    ['text sent as an object', channelMessage('x', { text: { value: 'bonjour' } }), 'text'],
    ['a numeric conversation id', channelMessage('x', { conversation: { id: 7 } }), 'conversation.id'],
    ['a numeric sender id', channelMessage('x', { from: { id: 12 } }), 'from.id'],
    ['no deliveryMode, with a serviceUrl where nothing listens', channelMessage('bonjour', { deliveryMode: undefined }), 'serviceUrl'],
    ['no deliveryMode, replies to another host', channelMessage('bonjour', { deliveryMode: undefined, serviceUrl: 'https://example.com/' }), 'loopback'],
  ];
  for (const [what, body, reason] of bad) {
    it(`answers ${what} with 400 and a short reason`, async () => {
      const started = Date.now();
      const res = await post(bot.url, body);
      expect(res.status).to.equal(400);
      expect((res.body as { reason?: string }).reason).to.include(reason);
      expect(Date.now() - started, 'no waiting on a dead serviceUrl').to.be.below(2_000);
    });
  }

  it('answers a form-encoded body with 400', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message&text=hi' });
    expect(res.status).to.equal(400);
    expect(await res.json()).to.deep.equal({ error: 'bad request', reason: 'the body must be JSON (Content-Type: application/json)' });
  });
});

describe('the bot server with a Bot Framework app id', function () {
  this.timeout(30_000);
  let bot: Awaited<ReturnType<typeof startBot>>;
  before(async () => {
    bot = await startBot({ DATA_DIR: await tempDataDir(), MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', PORT: '0' });
  });
  after(() => bot?.child.kill());

  it('refuses a request with no token, without leaking the SDK message', async () => {
    const res = await post(bot.url, channelMessage('bonjour'));
    expect(res.status).to.equal(401);
    expect(res.body).to.deep.equal({ error: 'unauthorized' });
  });

  it('refuses a forged token', async () => {
    const res = await post(bot.url, channelMessage('bonjour'), { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl' });
    expect(res.status).to.equal(401);
  });
});
