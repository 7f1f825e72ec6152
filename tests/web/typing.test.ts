// "Typing…" while the bot works: the middleware createBot attaches sends a typing activity when a
// web chat turn takes longer than half a second, and the local Direct Line lists it for Web Chat's
// polling (Web Chat draws its typing indicator from it). Fast turns and other channels get none.
import { expect } from 'chai';
import type { Activity, TurnContext } from 'botbuilder';
import { DirectLineAdapter } from '../../bot/directLine/adapter.js';
import { createConversations } from '../../bot/directLine/conversations.js';
import { botOn, tempDataDir } from '../helpers/conversation.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A turn of `ms` milliseconds on the local Direct Line, through the real `attach`; what the page would poll. */
async function turnTaking(ms: number, channelId = 'webchat'): Promise<Array<Partial<Activity>>> {
  const { parts } = await botOn(await tempDataDir());
  const conversations = createConversations({ transcript: async () => [] });
  const conversation = conversations.start('conv', 'dl_visitor', 'fr-FR');
  const adapter = parts.attach(new DirectLineAdapter(conversations));
  const question: Partial<Activity> = {
    type: 'message', text: 'configuration requise', channelId, locale: 'fr-FR',
    from: { id: 'dl_visitor', name: '', role: 'user' }, recipient: { id: 'scriba-assistant', name: 'Scriba' },
    conversation: { id: 'conv', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'http://localhost',
  };
  await adapter.processActivity(question, async (context: TurnContext) => {
    await sleep(ms); // a slow search or store
    await context.sendActivity('Voici ce qu’il faut.');
  });
  return conversation.since('').activities;
}

describe('the typing indicator of the website chat', function () {
  this.timeout(20_000);

  it('is sent while a slow turn works, before the answer, and reaches the activities Web Chat polls', async () => {
    const types = (await turnTaking(1200)).map((a) => a.type);
    expect(types[0]).to.equal('typing');
    expect(types.at(-1)).to.equal('message');
  });

  it('is not sent for an answer that comes within half a second', async () => {
    expect((await turnTaking(50)).map((a) => a.type)).to.deep.equal(['message']);
  });

  it('is not sent on channels other than the web chat (tests, Teams)', async () => {
    expect((await turnTaking(800, 'msteams')).some((a) => a.type === 'typing')).to.equal(false);
  });
});
