// Small talk in a whole conversation: a kind word back in the customer's language, and nothing
// recorded as an unanswered question; a real question that the bot cannot answer still is.
import { expect } from 'chai';
import { strings } from '../../strings/index.js';
import { botOn, says, tempDataDir } from '../helpers/conversation.js';

describe('small talk with the bot', function () {
  this.timeout(30_000);

  const chats: Array<{ locale: string; lang: 'fr' | 'en'; typed: string[] }> = [
    { locale: 'fr-FR', lang: 'fr', typed: ['mdr', 'cool', 'ptdr', 'ok super', 'top', 'haha', 'génail', 'awesome'] },
    { locale: 'en-GB', lang: 'en', typed: ['lol', 'nice', 'coool', 'lmao', 'ok cool', 'awesome', 'hahaha', 'brilliant'] },
  ];
  for (const { locale, lang, typed } of chats) {
    it(`answers ${typed.map((t) => `"${t}"`).join(', ')} kindly in ${lang === 'fr' ? 'French' : 'English'}, and records none as unanswered`, async () => {
      const { adapter, store } = await botOn(await tempDataDir(), { locale });
      const t = strings(lang);
      let chat = adapter.send(typed[0]!);
      for (const [i, text] of typed.entries()) {
        if (i > 0) chat = chat.send(text);
        // "ok super" is a plain yes to the classifier, and its own reply fits.
        chat = chat.assertReply((a) => expect([t.anythingElse, t.whatElse, t.youAreWelcome], `reply to "${text}"`).to.include(a.text));
      }
      await chat.startTest();
      expect(await store.listUnanswered()).to.deep.equal([]);
    });
  }

  it('still records a short real question it could not answer, after small talk', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('mdr')
      .assertReply(says(strings('fr').anythingElse))
      .send('imprimante')
      .assertReply(says("je n'ai pas compris"))
      .startTest();
    expect((await store.listUnanswered()).map((u) => [u.kind, u.question])).to.deep.equal([['none', 'imprimante']]);
  });

  it('does not take a short question for small talk: "vpn?" gets a "did you mean…"', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-GB' });
    await adapter.send('vpn?').assertReply(says(strings('en').clarify)).startTest();
  });
});
