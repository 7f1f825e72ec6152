import { expect } from 'chai';
import type { UnansweredRecord } from '../../tickets/types.js';
import { contentTokens, groupUnanswered, similarity, withinOneEdit } from '../../staff/unansweredGroups.js';

function asked(question: string, at: string, extra: Partial<UnansweredRecord> = {}): UnansweredRecord {
  return { at, conversationId: `conv-${at}`, question, language: 'fr', kind: 'none', ...extra };
}

describe('grouping unanswered questions', () => {
  const records = [
    asked('mot de passe oublié', '2026-11-20T09:00:00+01:00'),
    asked('mot de pase oublie', '2026-11-21T10:00:00+01:00', { kind: 'clarify-no-pick' }),
    asked("j'ai oublié mon mot de passe", '2026-11-22T11:00:00+01:00'),
    asked('Mot de passe oublié', '2026-11-22T12:00:00+01:00', { kind: 'not-helpful' }),
    asked('facture en double', '2026-11-23T08:00:00+01:00'),
  ];

  it('puts a misspelt, unaccented or reworded question with the same words together', () => {
    const groups = groupUnanswered(records);
    expect(groups).to.have.length(2);
    const [password, invoice] = groups;
    expect(password).to.deep.include({ question: 'mot de passe oublié', count: 4, lastSeen: '2026-11-22T12:00:00+01:00', languages: ['fr'] });
    expect(password!.questions).to.have.members(['mot de passe oublié', 'mot de pase oublie', "j'ai oublié mon mot de passe"]);
    expect(password!.kinds).to.deep.equal({ none: 2, 'clarify-no-pick': 1, 'not-helpful': 1 });
    expect(invoice).to.deep.include({ question: 'facture en double', count: 1, questions: ['facture en double'] });
  });

  it('keys a group by its sorted content stems', () => {
    expect(groupUnanswered(records.slice(0, 1))[0]!.key).to.equal('mot oubl pass');
  });

  it('sorts groups by count, then by the latest first', () => {
    const groups = groupUnanswered([
      asked('scanner introuvable', '2026-11-20T09:00:00+01:00'),
      asked('licence expirée', '2026-11-22T09:00:00+01:00'),
      asked('facture en double', '2026-11-21T09:00:00+01:00'),
      asked('facture en double', '2026-11-21T10:00:00+01:00'),
    ]);
    expect(groups.map((g) => g.question)).to.deep.equal(['facture en double', 'licence expirée', 'scanner introuvable']);
  });

  it('expands the KB synonyms: "mdp" is "mot de passe"', () => {
    const groups = groupUnanswered([asked('mdp oublié', '2026-11-20T09:00:00+01:00'), asked('mot de passe oublié', '2026-11-20T10:00:00+01:00')],
      { synonyms: { fr: { mdp: 'mot de passe' } } });
    expect(groups).to.have.length(1);
  });

  it('groups questions made only of stop words by their text', () => {
    const groups = groupUnanswered([asked('et alors ?', '2026-11-20T09:00:00+01:00'), asked('Et alors ?', '2026-11-20T10:00:00+01:00')]);
    expect(groups).to.have.length(1);
  });

  it('measures overlap with a one-letter typo counting as the same word', () => {
    const a = contentTokens('mot de passe oublié', 'fr');
    expect(similarity(a, contentTokens('mot de pase oublie', 'fr'))).to.equal(1);
    expect(similarity(a, contentTokens('facture en double', 'fr'))).to.equal(0);
    expect(similarity(a, contentTokens('mot de passe expiré', 'fr'))).to.equal(0.5);
  });

  const edits: Array<[string, string, boolean]> = [
    ['passe', 'pase', true], ['oublie', 'oubile', true], ['facture', 'factura', true], ['facture', 'fracture', true], ['mot', 'mot', true], ['double', 'doux', false],
  ];
  for (const [a, b, expected] of edits) {
    it(`counts "${a}" and "${b}" as ${expected ? 'one edit apart' : 'different'}`, () => {
      expect(withinOneEdit(a, b)).to.equal(expected);
    });
  }
});
