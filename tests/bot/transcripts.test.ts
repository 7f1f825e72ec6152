import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { channelMiddleware, TEAMS_MAX_BUTTONS } from '../../bot/channels.js';
import { saidIn, TranscriptMiddleware } from '../../bot/transcriptMiddleware.js';
import { confirmationCard } from '../../dialogs/cards.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { messageOf } from '../../tickets/transcriptMessages.js';
import { botOn, memoryLog, referenceIn, says, tempDataDir } from '../helpers/conversation.js';

const buttonsOf = (a: Partial<Activity>) => (a.attachments?.[0]?.content as { buttons?: Array<{ title: string }> } | undefined)?.buttons?.map((b) => b.title) ?? [];

describe('what a transcript records of a conversation', () => {
  it('in Teams: what was said and the choices offered, not the hero card Teams was sent, and the reference of the ticket', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'msteams', conversationId: 'teams-sam' });
    let reference = '';
    await adapter
      .send('open a ticket please')
      .assertReply(says("I'll open a ticket", 'what do you need help with?'))
      .send('Scriba crashes when I scan')
      .assertReply(says('What is your name?'))
      .send('Sam Lee')
      .assertReply(says('What email address'))
      .send('sam@example.com')
      .assertReply((a) => expect(buttonsOf(a), 'Teams draws the buttons on a card').to.include('Send'))
      .send('Send')
      .assertReply((a) => (reference = referenceIn(a.text)))
      .startTest();

    const entries = await store.transcript('teams-sam');
    expect(entries.filter((e) => e.activity !== undefined), 'no activity kept').to.deep.equal([]);
    expect(JSON.stringify(entries)).to.not.include('application/vnd.microsoft.card');
    const messages = entries.map(messageOf);
    expect(messages.filter((m) => m?.from === 'user').map((m) => m!.text)).to.deep.equal(['open a ticket please', 'Scriba crashes when I scan', 'Sam Lee', '[email]', 'Send']);
    expect(messages.find((m) => m?.choices?.includes('Send'))?.text).to.include('Sam Lee');
    expect(messages.at(-1)).to.deep.include({ from: 'bot', reference });

    // The ticket carries the same conversation, read from the same messages.
    const ticket = await store.findByReference(reference);
    expect(ticket!.tried.transcript.map((t) => [t.from, t.text]).slice(0, 3)).to.deep.equal([
      ['user', 'open a ticket please'],
      ['bot', "I'll open a ticket for the support desk. In a sentence, what do you need help with?"],
      ['user', 'Scriba crashes when I scan'],
    ]);
  });

  it('in Web Chat: each activity as sent too, for the local Direct Line to draw the history again after a restart', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR', channelId: 'webchat', conversationId: 'web-marie' });
    await adapter.send('mot de passe oublié').assertReply(says('Mot de passe oublié ?')).assertReply(says('Cette réponse')).startTest();
    const entries = await store.transcript('web-marie');
    expect(entries.map((e) => [e.direction, (e.activity as Partial<Activity>).type])).to.deep.equal([['in', 'message'], ['out', 'message'], ['out', 'message']]);
    expect(entries.map((e) => e.message?.text)).to.deep.equal(entries.map((e) => (e.activity as Partial<Activity>).text));
    expect(entries[2]!.message!.choices).to.deep.equal(['Oui', 'Non']);
    expect((entries[2]!.activity as Partial<Activity>).suggestedActions?.actions.map((a) => a.title)).to.deep.equal(['Oui', 'Non']);
  });

  it('a file the customer sends by its name, their contact details masked in it', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR', conversationId: 'with-file' });
    await adapter
      .send({ type: 'message', text: 'voici la capture', attachments: [{ contentType: 'image/png', contentUrl: 'https://files.example/1', name: 'erreur-scan.png' }, { contentType: 'application/pdf', contentUrl: 'https://files.example/2', name: 'cv-elodie.marchand@exemple.fr.pdf' }] })
      .assertReply(() => undefined)
      .startTest();
    const [first] = await store.transcript('with-file');
    expect(first!.message).to.deep.equal({ text: 'voici la capture', attachments: ['erreur-scan.png', '[email]'] });
  });
});

describe('recording before the channel draws', () => {
  it('keeps every choice the dialogs offered, though Teams shows only six', async () => {
    const store = createLowdbStore({ dataDir: await tempDataDir() });
    const labels = ['Windows 10', 'Windows 11', 'Windows Server 2019', 'Windows Server 2022', 'macOS', 'Linux', 'Citrix', 'Remote Desktop'];
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity({ type: 'message', text: 'Which system?', suggestedActions: { to: [], actions: labels.map((l) => ({ type: 'imBack', title: l, value: l })) } });
    }, { channelId: 'msteams', conversation: { id: 'teams-os', isGroup: false, conversationType: 'personal', name: 'os' } });
    adapter.use(channelMiddleware({ allowedTenants: [], log: () => undefined }));
    adapter.use(new TranscriptMiddleware(store, memoryLog()));
    await adapter.send('scriba will not start').assertReply((a) => expect(buttonsOf(a)).to.have.length(TEAMS_MAX_BUTTONS)).startTest();
    const [, asked] = await store.transcript('teams-os');
    expect(asked!.message).to.deep.equal({ text: 'Which system?', choices: labels });
  });
});

describe('what an activity says', () => {
  it('reads a confirmation card for its reference, and nothing from a typing indicator', () => {
    const card = confirmationCard({ kind: 'callback', reference: 'L2-20261124-0007', createdAt: '2026-11-24T09:00:00Z', reason: 'export DATEV L1-20261101-0001' }, 'fr', 'Europe/Paris');
    expect(saidIn({ type: 'message', text: 'Votre rappel est noté : L2-20261124-0007.', attachments: [card] })).to.deep.equal({ text: 'Votre rappel est noté : L2-20261124-0007.', reference: 'L2-20261124-0007' });
    expect(saidIn({ type: 'typing' })).to.equal(undefined);
    expect(saidIn({ type: 'message', text: '' })).to.equal(undefined);
  });
});
