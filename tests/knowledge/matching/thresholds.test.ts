import { expect } from 'chai';
import { chooseThresholds, decide } from '../../../knowledge/matching/thresholds.js';

describe('deciding from a confidence', () => {
  const t = { answer: 0.6, clarify: 0.2 };
  it('answers at or above the high threshold', () => expect(decide(0.6, t)).to.equal('answer'));
  it('asks "did you mean" between the two', () => expect(decide(0.3, t)).to.equal('clarify'));
  it('gives up below the low threshold', () => expect(decide(0.19, t)).to.equal('none'));
  it('asks "did you mean" when the article is likely but does not know enough of the message to be given outright', () =>
    expect(decide(0.9, t, 0.5)).to.equal('clarify'));
});

describe('choosing thresholds on a validation split', () => {
  // In-scope questions score high when right; out-of-scope ones score low.
  const inScope = [
    { score: 0.9, correct: true },
    { score: 0.8, correct: true },
    { score: 0.7, correct: true },
    { score: 0.45, correct: false },
    { score: 0.4, correct: true },
    { score: 0.3, correct: true },
  ];
  const outOfScope = [0.05, 0.1, 0.15, 0.35];

  it('puts the clarify threshold where most questions are handled right', () => {
    const choice = chooseThresholds(inScope, outOfScope);
    expect(choice.clarify).to.be.greaterThan(0.15).and.at.most(0.3);
    expect(choice.validation.oosRecall).to.equal(0.75);
  });

  it('chooses the answer threshold on the answer confidence when there is one', () => {
    // The wrong answer scores high on plausibility but low on what its article knows of the message.
    const withSupport = inScope.map((s) => ({ ...s, answerScore: s.correct ? s.score : 0.1 }));
    const choice = chooseThresholds(withSupport, outOfScope.map((score) => ({ score, answerScore: score / 2 })), { answerPrecision: 0.99 });
    expect(choice.answer).to.be.at.most(0.4);
    expect(choice.validation.answerPrecision).to.equal(1);
  });

  it('puts the answer threshold where answers given outright are right often enough', () => {
    const choice = chooseThresholds(inScope, outOfScope, { answerPrecision: 0.99 });
    expect(choice.answer).to.be.greaterThan(0.45).and.at.most(0.7);
    expect(choice.validation.answerPrecision).to.equal(1);
  });
});
