import { expect } from 'chai';
import type { KnowledgeBase } from '../../knowledge/types.js';
import type { UnansweredRecord } from '../../tickets/types.js';
import { corrupter } from '../../bench/typos.js';
import { bundled } from '../helpers/bundledKb.js';
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

  it('groups thousands of typed questions exactly as comparing every pair would', async () => {
    // The bundled KB's questions, each typed twice with typos: many near wordings.
    const { kb } = await bundled();
    const typo = corrupter(0.3, 11);
    const typed: UnansweredRecord[] = [];
    for (const article of kb.articles) {
      for (const language of ['fr', 'en'] as const) {
        for (const q of article.questions[language]) for (let i = 0; i < 2; i++) typed.push(asked(typo(q), `2026-11-${10 + (typed.length % 18)}T09:00:00+01:00`, { language }));
      }
    }
    const byPairs = everyPairGrouping(typed, kb.synonyms);
    const grouped = groupUnanswered(typed, { synonyms: kb.synonyms });
    expect(typed.length).to.be.greaterThan(1000);
    expect(grouped.length).to.be.lessThan(new Set(typed.map((r) => r.question)).size);
    expect(grouped.map((g) => g.questions.map((q) => q.toLowerCase()).sort().join(' | ')).sort()).to.deep.equal(byPairs);
  });
});

/** The definition: every pair of keys compared, merged at similarity ≥ 0.6 (as wordings, sorted). */
function everyPairGrouping(records: UnansweredRecord[], synonyms: KnowledgeBase['synonyms']): string[] {
  const keys = new Map<string, { tokens: ReturnType<typeof contentTokens>; wordings: Set<string> }>();
  for (const r of records) {
    const tokens = contentTokens(r.question, r.language, synonyms[r.language]);
    const key = tokens.length > 0 ? tokens.map((t) => t.stem).sort().join(' ') : `text:${r.question.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    const entry = keys.get(key) ?? { tokens, wordings: new Set<string>() };
    entry.wordings.add(r.question.trim().replace(/\s+/g, ' '));
    keys.set(key, entry);
  }
  const list = [...keys.values()];
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) if (root(i) !== root(j) && similarity(list[i]!.tokens, list[j]!.tokens) >= 0.6) parent[root(j)] = root(i);
  }
  const clusters = new Map<number, string[]>();
  list.forEach((k, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), ...k.wordings]));
  return [...clusters.values()].map((w) => [...new Set(w.map((x) => x.toLowerCase()))].sort().join(' | ')).sort();
}
