import { expect } from 'chai';
import { createIntentIndex } from '../../../knowledge/matching/intentIndex.js';

describe('irregular English forms join the form the KB uses', () => {
  const examples = [
    { text: 'I forgot my password', label: 'password', lang: 'en' as const },
    { text: 'reset a forgotten password', label: 'password', lang: 'en' as const },
    { text: 'the app freezes', label: 'slow', lang: 'en' as const },
    { text: 'everything is slow', label: 'slow', lang: 'en' as const },
    { text: 'pay an invoice', label: 'invoice', lang: 'en' as const },
    { text: 'download an invoice', label: 'invoice', lang: 'en' as const },
    { text: 'the left panel is gone', label: 'layout', lang: 'en' as const },
    { text: 'move the toolbar', label: 'layout', lang: 'en' as const },
  ];
  const index = createIntentIndex(examples, { dictionary: false });
  const table: Array<[string, string, string]> = [
    ['scriba froze', 'scriba freezes', 'slow'],
    ['invoice already paid', 'invoice already pay', 'invoice'],
    ['forget password', 'forgot password', 'password'],
  ];
  for (const [message, asTheKbSaysIt, label] of table) {
    it(`reads "${message}" as ${label}, as sure as "${asTheKbSaysIt}"`, () => {
      const [top] = index.rank(message, 'en', 1);
      expect(top?.label).to.equal(label);
      expect(top!.score).to.be.closeTo(index.rank(asTheKbSaysIt, 'en', 1)[0]!.score, 1e-9);
    });
  }

  it('keeps a word the KB itself uses ("left" is not "leave")', () => {
    expect(index.rank('left panel', 'en', 1)[0]?.label).to.equal('layout');
  });
});
