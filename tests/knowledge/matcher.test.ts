import { expect } from 'chai';
import { MAX_QUESTION_CHARS } from '../../knowledge/matcher.js';
import { bundled } from '../helpers/bundledKb.js';

describe('matching a question against the bundled knowledge base', () => {
  const answered: Array<[string, string, 'fr' | 'en']> = [
    ["j'ai oublier mon mot de pase", 'reset-password', 'fr'],
    ['mdp perdu', 'reset-password', 'fr'],
    ['comment ajouter un nouvel utilisateur', 'create-user', 'fr'],
    ['quelles bases de donées sont supportées', 'supported-databases', 'fr'],
    ['mon antivirus bloque scriba', 'antivirus-blocked', 'fr'],
    ['how do I reset my pasword', 'reset-password', 'en'],
    ['which databse servers are suported', 'supported-databases', 'en'],
    ['exprot invoices to datev', 'export-datev', 'en'],
    ['how can i create a new usr', 'create-user', 'en'],
  ];

  for (const [question, id, lang] of answered) {
    it(`finds ${id} for "${question}" and tells it is ${lang}`, async () => {
      const { matcher } = await bundled();
      const result = matcher.match(question, { fallbackLanguage: lang === 'fr' ? 'en' : 'fr' });
      expect(result.matches[0]?.id).to.equal(id);
      expect(result.decision).to.not.equal('none');
      expect(result.language).to.equal(lang);
    });
  }

  it('shows titles in the language of the question', async () => {
    const { matcher } = await bundled();
    expect(matcher.match('how do I reset my password').matches[0]!.title).to.equal('Reset your password');
    expect(matcher.match('comment réinitialiser mon mot de passe').matches[0]!.title).to.equal('Réinitialiser votre mot de passe');
  });

  it('gives at most three matches, best first', async () => {
    const { matcher } = await bundled();
    const { matches } = matcher.match('problème de sauvegarde');
    expect(matches.length).to.be.at.most(3);
    expect(matches.map((m) => m.score)).to.deep.equal([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  const outOfScope = ['quel temps fera-t-il demain à Lyon', 'recette de la tarte aux pommes', 'who won the football world cup', 'how tall is the eiffel tower'];
  for (const question of outOfScope) {
    it(`says it does not know for "${question}"`, async () => {
      const { matcher } = await bundled();
      const result = matcher.match(question);
      expect(result.decision).to.equal('none');
      expect(result.reason).to.equal('low-confidence');
    });
  }
});

describe('matching input that is not a question', () => {
  const cases: Array<[string, string, string]> = [
    ['an empty message', '', 'empty'],
    ['only spaces and newlines', ' \n\t  ', 'empty'],
    ['only emoji', '🙂👍🎉', 'no-words'],
    ['only punctuation', '?!...', 'no-words'],
    ['only control characters', '\u0000\u0001\u0007\u001b', 'no-words'],
    ['100 000 characters', 'mot de passe '.repeat(8000).slice(0, 100_000), 'too-long'],
  ];
  for (const [what, input, reason] of cases) {
    it(`answers ${what} with none (${reason})`, async () => {
      const { matcher } = await bundled();
      const result = matcher.match(input);
      expect(result.decision).to.equal('none');
      expect(result.reason).to.equal(reason);
      expect(result.question.length).to.be.at.most(MAX_QUESTION_CHARS);
    });
  }

  it('never throws on random bytes', async () => {
    const { matcher } = await bundled();
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const text = String.fromCodePoint(...Array.from({ length: next() % 60 }, () => next() % 0x2ffff));
      const result = matcher.match(text);
      expect(['answer', 'clarify', 'none']).to.include(result.decision);
    }
  });

  it('still matches a question with a stray control character in it', async () => {
    const { matcher } = await bundled();
    expect(matcher.match('mot de passe\u0000 oublié').matches[0]?.id).to.equal('reset-password');
  });
});
