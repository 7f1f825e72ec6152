import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { createConversations } from '../../bot/directLine/conversations.js';
import type { TranscriptEntry } from '../../tickets/types.js';

const message = (text: string, role: 'user' | 'bot'): Partial<Activity> => ({ type: 'message', text, from: { id: role === 'user' ? 'dl_u' : 'bot', name: '', role } });
const none = async (): Promise<TranscriptEntry[]> => [];

describe('the activity lists of local Direct Line conversations', () => {
  it('numbers activities: the watermark is the last number, polling returns what follows it', async () => {
    const conversations = createConversations({ transcript: none });
    const c = conversations.start('conv', 'dl_u', 'fr-FR');
    expect(c.append(message('bonjour', 'bot'))).to.equal('conv|0000001');
    expect(c.append(message('mdp oublié', 'user'))).to.equal('conv|0000002');
    expect(c.since('')).to.deep.include({ watermark: '2' });
    expect(c.since('1').activities.map((a) => a.text)).to.deep.equal(['mdp oublié']);
    expect(c.since('2').activities).to.deep.equal([]);
    expect(c.since('garbage').activities).to.have.length(2);
  });

  it('keeps the last activities of a conversation only', async () => {
    const c = createConversations({ transcript: none, maxActivities: 3 }).start('conv', 'u');
    for (const n of [1, 2, 3, 4, 5]) c.append(message(`m${n}`, 'bot'));
    const { activities, watermark } = c.since('');
    expect(activities.map((a) => a.text)).to.deep.equal(['m3', 'm4', 'm5']);
    expect(watermark).to.equal('5');
  });

  it('forgets the least recently used conversation, then rebuilds it from its transcript', async () => {
    const stored: TranscriptEntry[] = [];
    const conversations = createConversations({ transcript: async (id) => (id === 'a' ? stored : []), maxConversations: 2 });
    const a = conversations.start('a', 'dl_u');
    for (const [text, role] of [['hello', 'bot'], ['pasword', 'user'], ['Reset it here', 'bot']] as const) a.append(message(text, role));
    // What the transcript middleware wrote meanwhile: each activity as sent, with its id and time.
    for (const activity of a.since('').activities) {
      stored.push({ at: '2026-11-23T10:00:00+01:00', conversationId: 'a', direction: activity.from?.role === 'user' ? 'in' : 'out', activity });
    }
    conversations.start('b', 'u');
    conversations.start('c', 'u');
    expect(conversations.size).to.equal(2);
    const rebuilt = await conversations.find('a');
    expect(rebuilt?.userId).to.equal('dl_u');
    expect(rebuilt?.since('')).to.deep.equal(a.since(''));
    expect(rebuilt?.append(message('thanks', 'user'))).to.equal('a|0000004');
    expect(await conversations.find('never')).to.equal(undefined);
  });

  it('shows messages only when rebuilding, and never reuses the number of an activity it hid', async () => {
    const entries: TranscriptEntry[] = [
      { at: '2026-11-23T10:00:00+01:00', conversationId: 'x', direction: 'in', activity: { type: 'conversationUpdate', id: 'x|start', from: { id: 'dl_v' }, locale: 'en-US' } },
      { at: '2026-11-23T10:00:01+01:00', conversationId: 'x', direction: 'out', activity: { type: 'message', id: 'x|0000001', text: 'Hello!' } },
      { at: '2026-11-23T10:00:02+01:00', conversationId: 'x', direction: 'out', activity: { type: 'typing', id: 'x|0000002' } },
      { at: '2026-11-23T10:00:03+01:00', conversationId: 'x', direction: 'out', activity: { type: 'message', text: 'from elsewhere, no id' } },
    ];
    const x = (await createConversations({ transcript: async () => entries }).find('x'))!;
    expect(x).to.include({ userId: 'dl_v', locale: 'en-US' });
    const { activities, watermark } = x.since('');
    expect(activities.map((a) => [a.id, a.text, a.timestamp])).to.deep.equal([
      ['x|0000001', 'Hello!', '2026-11-23T10:00:01+01:00'],
      ['x|0000003', 'from elsewhere, no id', '2026-11-23T10:00:03+01:00'],
    ]);
    expect(watermark).to.equal('3');
  });

  it('runs the turns of one conversation one after the other', async () => {
    const c = createConversations({ transcript: none }).start('conv', 'u');
    const order: string[] = [];
    const slow = c.serially(async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('first');
    });
    const failing = c.serially(async () => {
      order.push('second');
      throw new Error('boom');
    });
    const fast = c.serially(async () => {
      order.push('third');
    });
    const settled = await Promise.allSettled([slow, failing, fast]);
    expect(order).to.deep.equal(['first', 'second', 'third']);
    // A failed turn is its caller's to report; the next turn still runs.
    expect(settled.map((s) => s.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('bounds memory in bytes: a conversation keeps its newest activities, all of them the most recently used', () => {
    const conversations = createConversations({ transcript: none, maxBytesPerConversation: 10_000, maxBytes: 25_000 });
    const big = (i: number) => ({ type: 'message', text: `${i} ${'x'.repeat(1_000)}` });
    const a = conversations.start('a', 'u');
    for (let i = 0; i < 50; i++) a.append(big(i));
    expect(a.bytes).to.be.at.most(10_000);
    expect(a.since(undefined).activities.at(-1)?.text?.startsWith('49 ')).to.equal(true);
    for (const id of ['b', 'c', 'd']) {
      const c = conversations.start(id, 'u');
      for (let i = 0; i < 9; i++) c.append(big(i));
    }
    expect(conversations.bytes).to.be.at.most(25_000);
    expect(conversations.size).to.be.below(4);
  });
});
