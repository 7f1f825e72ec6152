import { expect } from 'chai';
import { shortAnswer, SHORT_ANSWER_CHARS } from '../../knowledge/shortAnswer.js';
import { bundled } from '../helpers/bundledKb.js';

const INTRO = 'After a monthly update, an antivirus sometimes wrongly treats the new Scriba.exe as suspicious.';
const STEPS = [
  '1. **Restore the file**: open your antivirus quarantine and restore Scriba.exe.',
  '2. **Add exclusions** for:\n   - the program folder `C:\\Program Files\\Scriba`;\n   - the vault folder.',
  '3. **Restart Scriba**, then test opening a document.',
].join('\n');

describe('the short answer shown in the chat', () => {
  const cases: Array<[string, string, number, { text: string; cut: boolean }]> = [
    ['a short answer whole, nothing to link', `${INTRO}\n\n${STEPS}`, 1000, { text: `${INTRO}\n\n${STEPS}`, cut: false }],
    ['the intro and the steps that fit, whole, never a step cut in two', `${INTRO}\n\n${STEPS}\n\nStill blocked? Call us.`, INTRO.length + 2 + 200,
      { text: `${INTRO}\n\n${STEPS.split('\n3.')[0]}`, cut: true }],
    ['a sub-list stays with its step', `${INTRO}\n\n${STEPS}`, INTRO.length + 2 + 90,
      { text: `${INTRO}\n\n1. **Restore the file**: open your antivirus quarantine and restore Scriba.exe.`, cut: true }],
    ['a first paragraph longer than the limit goes in whole, and nothing after it', `${'x '.repeat(400).trim()}\n\nMore.`, 100, { text: 'x '.repeat(400).trim(), cut: true }],
    ['a list first: its first steps', STEPS, 100, { text: STEPS.split('\n2.')[0]!, cut: true }],
    ['a table that does not fit is left for the page, whole', `${INTRO}\n\n| a | b |\n|---|---|\n| ${'y'.repeat(300)} | z |`, 200, { text: INTRO, cut: true }],
  ];
  for (const [what, markdown, limit, expected] of cases) it(what, () => expect(shortAnswer(markdown, limit)).to.deep.equal(expected));

  it('fits the panel for every bundled answer, in both languages, and always keeps its first paragraph', async () => {
    const kb = (await bundled()).kb.articles;
    let cut = 0;
    for (const article of kb) {
      for (const lang of ['fr', 'en'] as const) {
        const whole = article.answer[lang];
        const short = shortAnswer(whole);
        const first = whole.trim().split(/\n\s*\n/)[0]!;
        expect(short.text.startsWith(first.slice(0, 40)), `${article.id} ${lang}`).to.equal(true);
        if (first.length <= SHORT_ANSWER_CHARS) expect(short.text.length, `${article.id} ${lang}`).to.be.at.most(SHORT_ANSWER_CHARS);
        if (short.cut) cut++;
      }
    }
    expect(cut, 'most answers are longer than the panel').to.be.greaterThan(kb.length);
  });
});
