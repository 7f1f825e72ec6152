// Anonymous traffic limits, in process: new chats per address, messages per conversation.
import { expect } from 'chai';
import { createTrafficLimiter } from '../../bot/trafficLimits.js';
import { tempDataDir } from '../helpers/conversation.js';
import { startInProcess } from '../web/helpers.js';

describe('traffic limits', function () {
  this.timeout(30_000);

  it('refuse new chats past the limit for one address with 429 and Retry-After, nothing created', async () => {
    const bot = await startInProcess({ dataDir: await tempDataDir(), limits: createTrafficLimiter({ startsPerHour: 3, messagesPerMinute: 30, helpPerMinute: 30 }) });
    try {
      const start = () => fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      for (let i = 0; i < 3; i++) expect((await start()).status).to.equal(201);
      const refused = await start();
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(3500, 3600);
      expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('TooManyRequests');
    } finally {
      await bot.close();
    }
  });

  it('refuse messages past the limit in one conversation, on the chat and on /api/messages', async () => {
    const bot = await startInProcess({ dataDir: await tempDataDir(), limits: createTrafficLimiter({ startsPerHour: 60, messagesPerMinute: 2, helpPerMinute: 30 }) });
    try {
      const { conversationId, token } = (await (await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { conversationId: string; token: string };
      const say = () => fetch(`${bot.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'message', text: 'bonjour' }) });
      expect((await say()).status).to.equal(200);
      expect((await say()).status).to.equal(200);
      expect((await say()).status).to.equal(429);
      const channel = (id: string) => fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'bonjour', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies', from: { id: 'u' }, conversation: { id } }) });
      expect((await channel('c1')).status).to.equal(200);
      expect((await channel('c1')).status).to.equal(200);
      const refused = await channel('c1');
      expect(refused.status).to.equal(429);
      expect(await refused.json()).to.deep.include({ error: 'too many requests' });
      expect((await channel('c2')).status, 'another conversation').to.equal(200);
    } finally {
      await bot.close();
    }
  });
});
