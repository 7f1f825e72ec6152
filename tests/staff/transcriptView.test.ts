import { expect } from 'chai';
import { asksSomething, messageOf, summarise } from '../../staff/transcriptView.js';
import type { SaidMessage, TranscriptEntry } from '../../tickets/types.js';

// Entries as stored before messages were recorded: each channel's activity, as it drew it.
const activity = (at: string, direction: 'in' | 'out', fields: Record<string, unknown>): TranscriptEntry =>
  ({ at, conversationId: 'conv-1', direction, activity: { type: 'message', ...fields } });
// Entries as stored since: what was said.
const said = (at: string, direction: 'in' | 'out', message: SaidMessage): TranscriptEntry => ({ at, conversationId: 'conv-2', direction, message });

const confirmationCard = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { body: [{ type: 'TextBlock', text: 'Ticket créé' }, { type: 'TextBlock', text: 'Référence' }, { type: 'TextBlock', text: 'L1-20261123-0042' }] },
};

const asDrawn: TranscriptEntry[] = [
  { at: '2026-11-23T09:59:58+01:00', conversationId: 'conv-1', direction: 'in', activity: { type: 'conversationUpdate' } },
  activity('2026-11-23T10:00:00+01:00', 'in', { text: 'Ma FACTURE est en double' }),
  // Web Chat: buttons above the send box.
  activity('2026-11-23T10:00:01+01:00', 'out', { text: 'Cette réponse a-t-elle répondu à votre question ?', suggestedActions: { actions: [{ title: 'Oui' }, { title: 'Non' }] } }),
  activity('2026-11-23T10:01:00+01:00', 'out', { text: 'Votre numéro de dossier est L1-20261123-0042.', attachments: [confirmationCard] }),
  // Teams: the same buttons on a hero card.
  activity('2026-11-23T10:02:00+01:00', 'out', { text: '', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: [{ title: 'Aide' }] } }] }),
];

const asSaid: TranscriptEntry[] = [
  said('2026-11-23T10:00:00+01:00', 'in', { text: 'Ma FACTURE est en double', attachments: ['facture-novembre.pdf'] }),
  said('2026-11-23T10:00:01+01:00', 'out', { text: 'Cette réponse a-t-elle répondu à votre question ?', choices: ['Oui', 'Non'] }),
  said('2026-11-23T10:01:00+01:00', 'out', { text: 'Votre numéro de dossier est L1-20261123-0042.', reference: 'L1-20261123-0042' }),
];

describe('transcripts as staff read them', () => {
  it('reads an activity stored before messages were recorded: who, when, text, buttons from Web Chat or Teams, the reference on its card', () => {
    expect(asDrawn.map(messageOf).filter(Boolean)).to.deep.equal([
      { at: '2026-11-23T10:00:00+01:00', from: 'user', text: 'Ma FACTURE est en double' },
      { at: '2026-11-23T10:00:01+01:00', from: 'bot', text: 'Cette réponse a-t-elle répondu à votre question ?', choices: ['Oui', 'Non'] },
      { at: '2026-11-23T10:01:00+01:00', from: 'bot', text: 'Votre numéro de dossier est L1-20261123-0042.', reference: 'L1-20261123-0042' },
      { at: '2026-11-23T10:02:00+01:00', from: 'bot', text: '', choices: ['Aide'] },
    ]);
  });

  it('reads a recorded message the same way, whichever channel carried it', () => {
    expect(asSaid.map(messageOf)).to.deep.equal([
      { at: '2026-11-23T10:00:00+01:00', from: 'user', text: 'Ma FACTURE est en double', attachments: ['facture-novembre.pdf'] },
      { at: '2026-11-23T10:00:01+01:00', from: 'bot', text: 'Cette réponse a-t-elle répondu à votre question ?', choices: ['Oui', 'Non'] },
      { at: '2026-11-23T10:01:00+01:00', from: 'bot', text: 'Votre numéro de dossier est L1-20261123-0042.', reference: 'L1-20261123-0042' },
    ]);
  });

  it('reads what was said, not the copy of the activity a redrawn channel keeps beside it', () => {
    const both: TranscriptEntry = { ...said('2026-11-23T10:00:01+01:00', 'out', { text: 'Oui ou non ?', choices: ['Oui', 'Non'] }), activity: { type: 'message', text: 'autre chose' } };
    expect(messageOf(both)).to.deep.equal({ at: '2026-11-23T10:00:01+01:00', from: 'bot', text: 'Oui ou non ?', choices: ['Oui', 'Non'] });
  });

  it('summarises a conversation by its first question', () => {
    expect(summarise('conv-1', asDrawn)).to.deep.equal({
      conversationId: 'conv-1', firstAt: '2026-11-23T09:59:58+01:00', lastAt: '2026-11-23T10:02:00+01:00', messages: 4,
      title: 'Ma FACTURE est en double', snippet: 'Ma FACTURE est en double',
    });
  });

  it('finds text whatever its case and accents, in old entries and new', () => {
    expect(summarise('conv-1', asDrawn, 'facturé')?.snippet).to.equal('Ma FACTURE est en double');
    expect(summarise('conv-1', asDrawn, 'repondu')?.snippet).to.equal('Cette réponse a-t-elle répondu à votre question ?');
    expect(summarise('conv-2', asSaid, 'repondu')?.snippet).to.equal('Cette réponse a-t-elle répondu à votre question ?');
    expect(summarise('conv-1', asDrawn, 'scanner')).to.equal(undefined);
  });

  it('leaves out a conversation where the user never wrote', () => {
    expect(summarise('conv-1', asDrawn.slice(0, 1))).to.equal(undefined);
  });
});

describe('the title of a conversation in the list', () => {
  it('is the first question, past the greeting, the click on "talk to a human" and the yes', () => {
    const conversation = [
      said('2026-11-24T10:00:00+01:00', 'out', { text: 'Hello! How can I help?', choices: ['Password', 'Talk to a human'] }),
      said('2026-11-24T10:00:05+01:00', 'in', { text: 'hi there' }),
      said('2026-11-24T10:00:09+01:00', 'in', { text: 'Talk to a human' }),
      said('2026-11-24T10:00:10+01:00', 'out', { text: 'Shall I open a ticket?', choices: ['Yes', 'No'] }),
      said('2026-11-24T10:00:12+01:00', 'in', { text: 'Yes' }),
      said('2026-11-24T10:00:13+01:00', 'out', { text: 'In a sentence, what do you need help with?' }),
      said('2026-11-24T10:00:40+01:00', 'in', { text: 'the scanner is not detected since the windows update' }),
    ];
    expect(summarise('conv-2', conversation)).to.deep.include({ title: 'the scanner is not detected since the windows update', snippet: 'hi there' });
    // A search still shows the message that matched.
    expect(summarise('conv-2', conversation, 'human')).to.deep.include({ title: 'the scanner is not detected since the windows update', snippet: 'Talk to a human' });
  });

  it('is the first thing the customer wrote when they asked nothing', () => {
    const conversation = [said('2026-11-24T10:00:00+01:00', 'in', { text: 'bonjour' }), said('2026-11-24T10:00:05+01:00', 'in', { text: 'merci, au revoir' })];
    expect(summarise('conv-2', conversation)?.title).to.equal('bonjour');
  });

  it('comes from old entries too: the buttons of a Teams card were clicks', () => {
    const conversation = [
      activity('2026-11-24T10:00:00+01:00', 'out', { text: 'Did this help?', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: [{ title: 'Contact support' }] } }] }),
      activity('2026-11-24T10:00:05+01:00', 'in', { text: 'Contact support' }),
      activity('2026-11-24T10:00:09+01:00', 'in', { text: 'export to DATEV fails with error 0x80004005' }),
    ];
    expect(summarise('conv-1', conversation)?.title).to.equal('export to DATEV fails with error 0x80004005');
  });
});

describe('whether a customer message asks something', () => {
  const table: Array<[string, readonly string[], boolean]> = [
    // Questions, typed as customers type them.
    ['how do i move scriba + all our docs over to the new office pc', [], true],
    ['jai effacé un doc par erreur hier, on peut le recup ?', [], true],
    ['hi, my scanner isnt detected anymore since the windows update', [], true],
    ['bjr scriba arrive plus a se connecter a la base sql', [], true],
    ['where is my invoice', [], true],
    ['0x80004005', [], true],
    ['i need someone to call me about the vault on the NAS', [], true],
    // Greetings, thanks, goodbyes.
    ['hey', [], false],
    ['hi there', [], false],
    ['Bonjour !', [], false],
    ['merci beaucoup, bonne journée', [], false],
    ['thanks, bye', [], false],
    ['👍', [], false],
    // Asking for a person, a ticket, a callback, a status, with nothing more.
    ['talk to a human', [], false],
    ['i need a person', [], false],
    ['je veux parler a qqn', [], false],
    ['rappelez moi svp', [], false],
    ['please call me back on [phone]', [], false],
    ["i'd like to raise a ticket", [], false],
    ["open a ticket, my email is [email]", [], false],
    ["hi whats the status of L1-20261124-0001", [], false],
    ["where's my ticket", [], false],
    // The choices the bot had just offered: clicked, or their label typed.
    ['Yes', ['Yes', 'No'], false],
    ['By email (ticket)', ['By email (ticket)', 'Be called back'], false],
    ['windows 11', ['Windows 10', 'Windows 11'], false],
    ['Sophos', ['Sophos', 'Kaspersky'], false],
    ['Sophos', [], true],
  ];
  for (const [text, offered, asks] of table) {
    it(`${JSON.stringify(text)}${offered.length ? ` after [${offered.join(', ')}]` : ''}: ${asks ? 'a question' : 'no question'}`, () => {
      expect(asksSomething(text, offered)).to.equal(asks);
    });
  }
});
