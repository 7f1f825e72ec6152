import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { rendererFor, TEAMS_MAX_BUTTONS, tenantOf } from '../../bot/channels.js';
import { botOn, memoryLog, says, tempDataDir } from '../helpers/conversation.js';

const withButtons = (n: number): Partial<Activity> => ({
  type: 'message',
  text: 'Did this answer your question?',
  suggestedActions: { to: [], actions: Array.from({ length: n }, (_, i) => ({ type: 'imBack', title: `Choice ${i + 1}`, value: `Choice ${i + 1}` })) },
});

describe('rendering buttons per channel', () => {
  it('keeps suggested actions for Web Chat, Direct Line and the Emulator', () => {
    for (const channel of ['webchat', 'directline', 'emulator']) {
      expect(rendererFor(channel)(withButtons(2))).to.deep.equal(withButtons(2));
    }
  });

  it('turns them into card buttons in Teams, which has no suggested actions', () => {
    const out = rendererFor('msteams')(withButtons(2));
    expect(out.suggestedActions).to.equal(undefined);
    expect(out.text).to.equal('Did this answer your question?');
    const card = out.attachments?.[0];
    expect(card?.contentType).to.equal('application/vnd.microsoft.card.hero');
    const buttons = (card?.content as { buttons: Array<{ type: string; title: string; value: string }> }).buttons;
    expect(buttons).to.deep.equal([
      { type: 'imBack', title: 'Choice 1', value: 'Choice 1' },
      { type: 'imBack', title: 'Choice 2', value: 'Choice 2' },
    ]);
  });

  it('shows at most six buttons in Teams', () => {
    const card = rendererFor('msteams')(withButtons(9)).attachments?.[0];
    expect((card?.content as { buttons: unknown[] }).buttons).to.have.length(TEAMS_MAX_BUTTONS);
  });

  it('leaves a Teams message without buttons alone', () => {
    const plain = { type: 'message', text: 'Bonjour' };
    expect(rendererFor('msteams')(plain)).to.deep.equal(plain);
  });
});

const teamsMessage = (text: string, tenant: string, mention = false): Partial<Activity> => ({
  type: 'message',
  text: mention ? `<at>Scriba</at> ${text}` : text,
  channelData: { tenant: { id: tenant } },
  entities: mention ? [{ type: 'mention', mentioned: { id: 'bot', name: 'Scriba' }, text: '<at>Scriba</at>' }] : [],
  recipient: { id: 'bot', name: 'Scriba' },
});

describe('the bot in Teams', () => {
  it('strips its @mention before matching, and answers with card buttons', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'msteams', allowedTenants: ['tenant-a'] });
    await adapter
      .send(teamsMessage('how do I reset my password', 'tenant-a', true))
      .assertReply(says('Forgot password?'))
      .assertReply((a) => {
        expect(a.suggestedActions).to.equal(undefined);
        expect((a.attachments?.[0]?.content as { buttons: Array<{ title: string }> }).buttons.map((b) => b.title)).to.deep.equal(['Yes', 'No']);
      })
      .startTest();
  });

  it('ignores activities from a tenant that is not allowed, and logs it', async () => {
    const log = memoryLog();
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'msteams', allowedTenants: ['tenant-a'], log });
    await adapter.send(teamsMessage('how do I reset my password', 'tenant-b')).startTest();
    expect(adapter.activeQueue).to.have.length(0);
    expect(await store.transcript('Convo1')).to.deep.equal([]);
    expect(log.lines.map((l) => l.msg)).to.deep.equal(['ignored a Teams activity from tenant tenant-b: not in TEAMS_ALLOWED_TENANTS']);
  });

  it('filters a channel id spelt "MSTeams" too', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'MSTeams', allowedTenants: ['tenant-a'] });
    await adapter.send(teamsMessage('how do I reset my password', 'tenant-b')).startTest();
    expect(adapter.activeQueue).to.have.length(0);
  });
});

describe('the tenant of a Teams activity', () => {
  const table: Array<[string, Partial<Activity>, string | undefined]> = [
    ['the conversation\'s tenantId', { conversation: { id: 'c', tenantId: 'tenant-a' } as Activity['conversation'] }, 'tenant-a'],
    ['channelData alone (older clients)', { channelData: { tenant: { id: 'tenant-a' } } }, 'tenant-a'],
    ['both, agreeing', { conversation: { id: 'c', tenantId: 'tenant-a' } as Activity['conversation'], channelData: { tenant: { id: 'TENANT-A' } } }, 'tenant-a'],
    ['both, disagreeing: none to trust', { conversation: { id: 'c', tenantId: 'tenant-a' } as Activity['conversation'], channelData: { tenant: { id: 'tenant-b' } } }, undefined],
    ['channelData of the wrong type', { channelData: { tenant: { id: 42 } } }, undefined],
  ];
  for (const [what, activity, tenant] of table) it(what, () => expect(tenantOf(activity)).to.equal(tenant));
});
