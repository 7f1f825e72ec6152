// The unanswered page groups the same question asked in French and in English, through the article
// the bundled matcher is sure both are about.
import { expect } from 'chai';
import type { Lang } from '../../knowledge/types.js';
import { confidentArticle, mergeByArticle } from '../../staff/unansweredByArticle.js';
import { groupUnanswered } from '../../staff/unansweredGroups.js';
import type { UnansweredRecord } from '../../tickets/types.js';
import { bundled } from '../helpers/bundledKb.js';

let minute = 0;
function asked(question: string, language: Lang, kind: UnansweredRecord['kind'] = 'none'): UnansweredRecord {
  minute++;
  return { at: `2026-11-24T09:${String(minute % 60).padStart(2, '0')}:00+01:00`, conversationId: `conv-${minute}`, question, language, kind };
}

async function grouped(records: UnansweredRecord[]) {
  const { kb, matcher } = await bundled();
  const articleOf = (question: string, lang: Lang) => confidentArticle(matcher.match(question, { fallbackLanguage: lang }).matches, matcher.thresholds);
  return mergeByArticle(groupUnanswered(records, { synonyms: kb.synonyms }), articleOf);
}

describe('unanswered questions in French and English grouped by their article', function () {
  this.timeout(20_000);

  const sameQuestion: Array<[string, string]> = [
    ['mot de passe oublié impossible de me connecter', 'forgot my password cant log in'],
    ['scriba est lent', 'scriba is slow'],
    ['comment changer la langue', 'how to change the language'],
    ['licence expirée', 'my licence expired'],
  ];
  for (const [fr, en] of sameQuestion) {
    it(`puts "${fr}" and "${en}" in one group, in both languages`, async () => {
      const groups = await grouped([asked(fr, 'fr', 'not-helpful'), asked(fr, 'fr', 'not-helpful'), asked(en, 'en', 'not-helpful')]);
      expect(groups).to.have.length(1);
      expect(groups[0]).to.deep.include({ question: fr, questions: [fr, en], count: 3, languages: ['fr', 'en'] });
      expect(groups[0]!.kinds).to.deep.equal({ none: 0, 'clarify-no-pick': 0, 'not-helpful': 3 });
    });
  }

  const unrelated: Array<[string, Lang, string, Lang]> = [
    ['forgot my password cant log in', 'en', 'facture en double', 'fr'],
    ['mot de passe oublié impossible de me connecter', 'fr', 'duplicate invoice', 'en'],
    // Not sure enough of any article: "vpn?" is no question about a slow Scriba.
    ['vpn?', 'en', 'scriba est lent', 'fr'],
    ['le tampon encreur numérique refuse de signer', 'fr', 'the stamp will not sign', 'en'],
  ];
  for (const [a, langA, b, langB] of unrelated) {
    it(`keeps "${a}" and "${b}" apart`, async () => {
      const groups = await grouped([asked(a, langA), asked(b, langB)]);
      expect(groups.map((g) => [g.question, g.languages])).to.have.deep.members([[a, [langA]], [b, [langB]]]);
    });
  }

  it('reads an article as sure from the answering threshold on, not below', () => {
    const thresholds = { answer: 0.619 };
    expect(confidentArticle([{ id: 'reset-password', score: 0.68 }, { id: 'login-problem', score: 0.31 }], thresholds)).to.equal('reset-password');
    expect(confidentArticle([{ id: 'reset-password', score: 0.619 }], thresholds)).to.equal('reset-password');
    expect(confidentArticle([{ id: 'slow-performance', score: 0.56 }], thresholds)).to.equal(undefined);
    expect(confidentArticle([], thresholds)).to.equal(undefined);
  });
});
