// What every backend of the helpdesk store does with transcripts of what was said (messages), beside
// the entries stored before them (each channel's activity), which existing data folders and
// databases still hold: both read as messages, both searched, the conversation titled by its
// first question, personal data masked, the size limit kept.
import { expect } from 'chai';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { messageOf } from '../../tickets/transcriptMessages.js';
import type { TranscriptEntry } from '../../tickets/types.js';
import { clockAt, clockReading } from './helpers.js';

interface Opened {
  store: HelpdeskStore;
  reports: string[];
}

/** An entry as the store kept it before messages were recorded: Teams' activity, with its hero card. */
export const teamsActivityEntry = (at: string, conversationId: string, direction: 'in' | 'out', text: string, buttons: string[] = []): TranscriptEntry => ({
  at, conversationId, direction,
  activity: {
    type: 'message', text, channelId: 'msteams', from: { id: direction === 'in' ? '29:customer' : '28:bot' },
    ...(buttons.length ? { attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: buttons.map((b) => ({ type: 'imBack', title: b, value: b })) } }] } : {}),
  },
});

/**
 * `open(now, maxTranscriptBytes?)`: the store with that clock, as a restarted process would see it;
 * `storeOld(entry)`: puts an entry where the previous version of the backend kept it, as it wrote it.
 */
export function transcriptMessagesContract(open: (now: () => Date, maxTranscriptBytes?: number) => Opened, storeOld: (entry: TranscriptEntry) => Promise<void>): void {
  const at = (iso: string) => open(clockAt(iso)).store;

  it('keeps what was said, as it was given, across a restart', async () => {
    await at('2026-11-24T09:00:00Z').appendTranscript({ conversationId: 'conv-new', direction: 'out', message: { text: 'Votre numéro de dossier est L1-20261124-0003.', reference: 'L1-20261124-0003', choices: ['Autre question'] } });
    expect(await at('2026-11-24T10:00:00Z').transcript('conv-new')).to.deep.equal([
      { at: '2026-11-24T10:00:00+01:00', conversationId: 'conv-new', direction: 'out', message: { text: 'Votre numéro de dossier est L1-20261124-0003.', reference: 'L1-20261124-0003', choices: ['Autre question'] } },
    ]);
  });

  it('shows an entry stored before messages were recorded and a new one in the same transcript', async () => {
    await storeOld(teamsActivityEntry('2026-11-23T10:00:00+01:00', 'conv-both', 'in', 'mon scaner ne marche plus'));
    await storeOld(teamsActivityEntry('2026-11-23T10:00:01+01:00', 'conv-both', 'out', 'Quel système ?', ['Windows 10', 'Windows 11']));
    const store = at('2026-11-24T09:00:00Z');
    await store.appendTranscript({ conversationId: 'conv-both', direction: 'in', message: { text: 'Windows 11' } });
    await store.appendTranscript({ conversationId: 'conv-both', direction: 'out', message: { text: 'Essayez de réinstaller le pilote.', choices: ['Ça marche', 'Toujours pas'] } });
    expect((await at('2026-11-24T10:00:00Z').transcript('conv-both')).map(messageOf)).to.deep.equal([
      { at: '2026-11-23T10:00:00+01:00', from: 'user', text: 'mon scaner ne marche plus' },
      { at: '2026-11-23T10:00:01+01:00', from: 'bot', text: 'Quel système ?', choices: ['Windows 10', 'Windows 11'] },
      { at: '2026-11-24T10:00:00+01:00', from: 'user', text: 'Windows 11' },
      { at: '2026-11-24T10:00:00+01:00', from: 'bot', text: 'Essayez de réinstaller le pilote.', choices: ['Ça marche', 'Toujours pas'] },
    ]);
  });

  it('finds words in old entries and new, and titles each conversation by its first question', async () => {
    await storeOld(teamsActivityEntry('2026-11-23T10:00:00+01:00', 'old-teams', 'out', 'Bonjour ! Comment puis-je vous aider ?', ['Parler à un humain']));
    await storeOld(teamsActivityEntry('2026-11-23T10:00:05+01:00', 'old-teams', 'in', 'Parler à un humain'));
    await storeOld(teamsActivityEntry('2026-11-23T10:00:30+01:00', 'old-teams', 'in', "l'export DATEV s'arrête à 50 %"));
    const store = open(clockReading('2026-11-24T09:00:00Z', '2026-11-24T09:00:10Z', '2026-11-24T09:00:40Z')).store;
    await store.appendTranscript({ conversationId: 'new-webchat', direction: 'in', message: { text: 'bonjour' } });
    await store.appendTranscript({ conversationId: 'new-webchat', direction: 'in', message: { text: 'talk to a human' } });
    await store.appendTranscript({ conversationId: 'new-webchat', direction: 'in', message: { text: "l'export Datev plante" } });

    const found = await at('2026-11-24T10:00:00Z').searchTranscripts({ q: 'export datev' });
    expect(found.conversations.map((c) => [c.conversationId, c.title, c.snippet])).to.deep.equal([
      ['new-webchat', "l'export Datev plante", "l'export Datev plante"],
      ['old-teams', "l'export DATEV s'arrête à 50 %", "l'export DATEV s'arrête à 50 %"],
    ]);
    const humans = await store.searchTranscripts({ q: 'humain' });
    expect(humans.conversations.map((c) => [c.conversationId, c.title, c.snippet])).to.deep.equal([['old-teams', "l'export DATEV s'arrête à 50 %", 'Parler à un humain']]);
    expect((await store.searchTranscripts({})).conversations.map((c) => c.title)).to.deep.equal(["l'export Datev plante", "l'export DATEV s'arrête à 50 %"]);
  });

  it('masks contact details in the text, the choices and the files of a message, and keeps the reference', async () => {
    const store = at('2026-11-24T09:00:00Z');
    await store.appendTranscript({ conversationId: 'conv-anne', direction: 'in', message: { text: 'rappelez-moi au 06 12 34 56 78', attachments: ['anne.martin@exemple.fr.pdf'] } });
    await store.appendTranscript({ conversationId: 'conv-anne', direction: 'out', message: { text: 'Le bon numéro ?', choices: ['06 12 34 56 78', 'Un autre'], reference: 'L2-20261124-0001' } });
    const kept = await at('2026-11-24T10:00:00Z').transcript('conv-anne');
    expect(kept.map((e) => e.message)).to.deep.equal([
      { text: 'rappelez-moi au [phone]', attachments: ['[email]'] },
      { text: 'Le bon numéro ?', choices: ['[phone]', 'Un autre'], reference: 'L2-20261124-0001' },
    ]);
  });

  it('refuses a message whose reference is not one', async () => {
    let error: unknown;
    try {
      await at('2026-11-24T09:00:00Z').appendTranscript({ conversationId: 'conv-x', direction: 'out', message: { text: 'voilà', reference: '06 12 34 56 78' } });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.match(/not a request reference\n.*message\.reference/);
  });

  it('stops a transcript of messages at its size limit too', async () => {
    const { store, reports } = open(clockAt('2026-11-24T09:00:00Z'), 2000);
    for (let i = 0; i < 30; i++) await store.appendTranscript({ conversationId: 'chatty', direction: 'in', message: { text: `message ${i} ${'x'.repeat(100)}` } });
    const kept = await store.transcript('chatty');
    expect(kept.length).to.be.within(5, 20);
    expect(kept.map((e) => JSON.stringify(e).length + 1).reduce((a, b) => a + b)).to.be.at.most(2000);
    expect(reports.filter((r) => r.includes('chatty'))).to.have.length(1);
  });
}
