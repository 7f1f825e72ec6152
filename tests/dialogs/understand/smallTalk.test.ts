// Small talk as customers type it, in French and English, typos included; and the real questions
// it must never swallow, since a question taken for small talk is never shown to staff.
import { expect } from 'chai';
import { smallTalkOf, type SmallTalkKind } from '../../../dialogs/understand/smallTalk.js';
import { bundled } from '../../helpers/bundledKb.js';

describe('small talk', () => {
  const typed: Array<[string, SmallTalkKind]> = [
    // From the issue: recorded as unanswered questions before.
    ['mdr', 'laughter'],
    ['cool', 'acknowledgement'],
    ['lol', 'laughter'],
    ['ok super', 'acknowledgement'],
    ['haha', 'laughter'],
    ['ptdr', 'laughter'],
    ['génial merci', 'thanks'],
    ['nice', 'acknowledgement'],
    ['top', 'acknowledgement'],
    ['thanks, bye', 'goodbye'],
    // Laughter as it is typed.
    ['mdrrrr', 'laughter'],
    ['PTDRRR', 'laughter'],
    ['hahahaha', 'laughter'],
    ['ahahah', 'laughter'],
    ['héhé', 'laughter'],
    ['hihi', 'laughter'],
    ['loool', 'laughter'],
    ['xDDD', 'laughter'],
    ['lmao', 'laughter'],
    // Letters held down, accents left out, one letter wrong.
    ['coooool', 'acknowledgement'],
    ['niiice', 'acknowledgement'],
    ['super !!!', 'acknowledgement'],
    ['genial', 'acknowledgement'],
    ['génail', 'acknowledgement'],
    ['exellent', 'acknowledgement'],
    ['awsome', 'acknowledgement'],
    ['parfiat', 'acknowledgement'],
    ['okkk', 'acknowledgement'],
    ['kk', 'acknowledgement'],
    // A few words together, either language, with emoji.
    ['ok top merci', 'thanks'],
    ['trop bien', 'acknowledgement'],
    ['c cool', 'acknowledgement'],
    ["d'accord", 'acknowledgement'],
    ['ça marche', 'acknowledgement'],
    ['oki doki', 'acknowledgement'],
    ['lol ok', 'acknowledgement'],
    ['cool 👍', 'acknowledgement'],
    ['awesome', 'acknowledgement'],
    ['nice merci', 'thanks'],
    ['merci bcp', 'thanks'],
    ['thank you so much', 'thanks'],
    ['slt', 'greeting'],
    ['hi there', 'greeting'],
    ['ok merci bonne journée', 'goodbye'],
  ];
  for (const [text, kind] of typed) {
    it(`reads "${text}" as ${kind}`, () => expect(smallTalkOf(text)).to.equal(kind));
  }

  // Short messages that ask something: the bot must still try them, and staff must still see them.
  const questions = [
    'vpn?', 'imprimante', 'password', 'mot de passe', 'licence expirée', 'excel', 'export pdf', 'scanner', 'wifi',
    'outlook', 'ocr', 'nas', 'sql server', 'bug', 'lent', 'crash', 'facture', 'login', 'reset',
    // Small-talk words inside a question or a complaint.
    'super admin', 'top bar missing', 'ok mais ça marche pas', 'ça marche ?', 'cool, how do I export?', 'nice error 500',
    'right click does nothing', 'ok button greyed out', 'bien reçu la facture mais pas le pdf', 'merci de me rappeler au 06 12 34 56 78',
    // Neither small talk nor a question: left to the classifier and the router.
    'non', 'help', 'aide', '😂', 'L1-20261124-0001', 'it', 'de',
  ];
  for (const text of questions) {
    it(`does not take "${text}" for small talk`, () => expect(smallTalkOf(text)).to.equal(undefined));
  }

  it('takes none of the knowledge base’s own questions, in either language, for small talk', async () => {
    const { kb } = await bundled();
    const asked = kb.articles.flatMap((a) => [a.title.fr, a.title.en, ...a.questions.fr, ...a.questions.en]);
    expect(asked.length).to.be.above(1000);
    expect(asked.filter((q) => smallTalkOf(q) !== undefined)).to.deep.equal([]);
  });
});
