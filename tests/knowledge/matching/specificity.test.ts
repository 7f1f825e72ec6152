import { expect } from 'chai';
import { normalise } from '../../../knowledge/matching/normalise.js';
import { createSpecificity } from '../../../knowledge/matching/specificity.js';

describe('how specific the words of a message are to each article', () => {
  // Three articles; "scriba" and "install" are common to two of them, "kaspersky" to one.
  const articles = [
    ['install scriba', 'install scriba on a laptop'],
    ['scriba blocked by kaspersky', 'antivirus blocks scriba'],
    ['scriba will not start', 'install fails scriba will not start'],
  ];
  const specificity = createSpecificity(
    articles.flatMap((questions, label) => questions.map((q) => ({ tokens: normalise(q, 'en'), label }))),
    articles.length,
  );
  const of = (message: string) => [...specificity.of(normalise(message, 'en')).scores];

  it('gives a rare, decisive word to the one article that uses it, over common ones', () => {
    const [install, antivirus, start] = of('kaspersky scriba install');
    expect(antivirus).to.be.greaterThan(install!);
    expect(antivirus).to.be.greaterThan(start!);
  });

  it('scores a message every word of which an article knows at 1', () => {
    expect(of('install scriba')[0]).to.be.closeTo(1, 1e-9);
  });

  it('lowers every article by the words none of them knows ("install Word" is not about installing Scriba)', () => {
    const alone = of('install')[0]!;
    const withUnknown = of('install microsoft word')[0]!;
    expect(withUnknown).to.be.lessThan(alone / 2);
  });

  it('is 0 for every article when the message shares no word with any', () => {
    expect(of('weather tomorrow')).to.deep.equal([0, 0, 0]);
  });
});
