// Bot Framework tokens checked for real: the bot runs with an app id and fetches its signing keys
// from an OpenID configuration and key set served by this test (BOT_OPENID_METADATA_URL), so a
// genuine token is accepted and forged, unsigned, "alg: none", wrong-audience and expired ones are
// refused with 401, also when the keys cannot be fetched at all.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { expect } from 'chai';
import { startBot, type RunningBot } from '../helpers/processes.js';
import { tempDataDir } from '../helpers/conversation.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'http://127.0.0.1:9/never-called';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function jwt(claims: Record<string, unknown>, key: KeyObject | undefined, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'test-key' }): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return key ? `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}` : `${body}.`;
}

const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: APP_ID, nbf: now() - 60, exp: now() + 3600, serviceurl: SERVICE_URL, ...extra });

function activity(id: string) {
  return {
    type: 'message', text: 'bonjour', locale: 'fr-FR', channelId: 'msteams', serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies',
    from: { id: 'user-1' }, recipient: { id: `28:${APP_ID}` }, conversation: { id, tenantId: 'tenant-a' }, channelData: { tenant: { id: 'tenant-a' } }, id: `a-${Math.random()}`,
  };
}

describe('Bot Framework tokens, against a local key set', function () {
  this.timeout(60_000);
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Server;
  let keysUrl = '';
  let bot: RunningBot;

  before(async () => {
    const jwk = signing.publicKey.export({ format: 'jwk' });
    keys = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${keysUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      else if (req.url === '/keys') res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'test-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    bot = await startBot({ DATA_DIR: await tempDataDir(), MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-with-expect-replies', BOT_OPENID_METADATA_URL: `${keysUrl}/openid` });
  });
  after(() => {
    bot?.child.kill();
    keys?.close();
  });

  async function post(token: string | undefined) {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(activity(`conv-${Math.random()}`)) });
    return { status: res.status, body: await res.text() };
  }

  it('accepts a token signed with the published key, for this app', async () => {
    const res = await post(jwt(claims(), signing.privateKey));
    expect(res.status, res.body).to.equal(200);
    expect(res.body).to.include('Bonjour');
  });

  const refused: Array<[string, () => string | undefined]> = [
    ['no token', () => undefined],
    ['a token signed with another key', () => jwt(claims(), other.privateKey)],
    ['an unsigned token', () => jwt(claims(), undefined)],
    ['"alg: none"', () => jwt(claims(), undefined, { alg: 'none', typ: 'JWT', kid: 'test-key' })],
    ['a token for another app', () => jwt(claims({ aud: '99999999-2222-3333-4444-555555555555' }), signing.privateKey)],
    ['an expired token', () => jwt(claims({ nbf: now() - 7200, exp: now() - 3600 }), signing.privateKey)],
    ['a token from another issuer', () => jwt(claims({ iss: 'https://evil.example' }), signing.privateKey)],
    ['garbage', () => 'not.a.token'],
  ];
  for (const [what, token] of refused) {
    it(`refuses ${what} with 401 and a short body`, async () => {
      const res = await post(token());
      expect(res.status).to.equal(401);
      expect(JSON.parse(res.body)).to.deep.equal({ error: 'unauthorized' });
    });
  }

  it('refuses with 401, not 500, when the signing keys cannot be fetched', async () => {
    keys.close();
    keys.closeAllConnections();
    const res = await post(jwt(claims(), other.privateKey, { alg: 'RS256', typ: 'JWT', kid: 'unknown-key' }));
    expect(res.status).to.equal(401);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'unauthorized' });
  });
});
