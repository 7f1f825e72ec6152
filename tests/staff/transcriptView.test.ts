import { expect } from 'chai';
import { messageOf, summarise } from '../../staff/transcriptView.js';
import type { TranscriptEntry } from '../../tickets/types.js';

const entry = (at: string, direction: 'in' | 'out', activity: Record<string, unknown>): TranscriptEntry =>
  ({ at, conversationId: 'conv-1', direction, activity: { type: 'message', ...activity } });

const conversation: TranscriptEntry[] = [
  { at: '2026-11-23T09:59:58+01:00', conversationId: 'conv-1', direction: 'in', activity: { type: 'conversationUpdate' } },
  entry('2026-11-23T10:00:00+01:00', 'in', { text: 'Ma FACTURE est en double' }),
  entry('2026-11-23T10:00:01+01:00', 'out', { text: 'Cette réponse a-t-elle répondu à votre question ?', suggestedActions: { actions: [{ title: 'Oui' }, { title: 'Non' }] } }),
  entry('2026-11-23T10:01:00+01:00', 'out', {
    text: 'Votre numéro de dossier est L1-20261123-0042.',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'TextBlock', text: 'Ticket créé' }, { type: 'TextBlock', text: 'Référence' }, { type: 'TextBlock', text: 'L1-20261123-0042' }] } }],
  }),
  entry('2026-11-23T10:02:00+01:00', 'out', { text: '', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: [{ title: 'Aide' }] } }] }),
];

describe('transcripts as staff read them', () => {
  it('keeps messages with who sent them, their buttons and a confirmation card', () => {
    const messages = conversation.map(messageOf).filter(Boolean);
    expect(messages).to.deep.equal([
      { at: '2026-11-23T10:00:00+01:00', from: 'user', text: 'Ma FACTURE est en double' },
      { at: '2026-11-23T10:00:01+01:00', from: 'bot', text: 'Cette réponse a-t-elle répondu à votre question ?', buttons: ['Oui', 'Non'] },
      { at: '2026-11-23T10:01:00+01:00', from: 'bot', text: 'Votre numéro de dossier est L1-20261123-0042.', card: { title: 'Ticket créé', reference: 'L1-20261123-0042' } },
      { at: '2026-11-23T10:02:00+01:00', from: 'bot', text: '', buttons: ['Aide'] },
    ]);
  });

  it('summarises a conversation by its first question', () => {
    expect(summarise('conv-1', conversation)).to.deep.equal({
      conversationId: 'conv-1', firstAt: '2026-11-23T09:59:58+01:00', lastAt: '2026-11-23T10:02:00+01:00', messages: 4, snippet: 'Ma FACTURE est en double',
    });
  });

  it('finds text whatever its case and accents', () => {
    expect(summarise('conv-1', conversation, 'facturé')?.snippet).to.equal('Ma FACTURE est en double');
    expect(summarise('conv-1', conversation, 'repondu')?.snippet).to.equal('Cette réponse a-t-elle répondu à votre question ?');
    expect(summarise('conv-1', conversation, 'scanner')).to.equal(undefined);
  });

  it('leaves out a conversation where the user never wrote', () => {
    expect(summarise('conv-2', conversation.slice(0, 1))).to.equal(undefined);
  });
});
