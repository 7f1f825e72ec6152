// A long answer in the chat: its first part, then a link to the whole article on the help centre;
// a short answer whole; a channel that cannot open the page gets the whole answer.
import { expect } from 'chai';
import { articleLinks } from '../../bot/articleLinks.js';
import { SHORT_ANSWER_CHARS } from '../../knowledge/shortAnswer.js';
import { botOn, says, tempDataDir } from '../helpers/conversation.js';
import { bundled } from '../helpers/bundledKb.js';

describe('short answers in the chat', () => {
  it('gives the first steps of a long answer and "Read the full article" to its page', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'webchat', articleLink: articleLinks(undefined) });
    const whole = (await bundled()).kb.articles.find((a) => a.id === 'antivirus-blocked')!.answer.en;
    let shown = '';
    await adapter
      .send('my antivirus quarantined scriba.exe after the update')
      .assertReply((a) => void (shown = a.text ?? ''))
      .assertReply(says('step by step')) // the article's troubleshooting flow follows
      .startTest();
    expect(whole.length).to.be.greaterThan(SHORT_ANSWER_CHARS);
    expect(shown.startsWith(whole.slice(0, 60)), shown.slice(0, 80)).to.equal(true);
    expect(shown).to.include('[Read the full article →](/help/en/antivirus-blocked)');
    expect(shown.length).to.be.lessThan(whole.length);
  });

  it('en français, le lien va vers la page française', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'fr-FR', channelId: 'webchat', articleLink: articleLinks('https://aide.scriba.example') });
    await adapter
      .send('mon antivirus a mis scriba en quarantaine')
      .assertReply(says("[Lire l'article complet →](https://aide.scriba.example/help/fr/antivirus-blocked)"))
      .startTest();
  });

  it('shows the whole answer where the page cannot be opened (Teams without PUBLIC_URL)', async () => {
    const whole = (await bundled()).kb.articles.find((a) => a.id === 'antivirus-blocked')!.answer.en;
    const again = await botOn(await tempDataDir(), { locale: 'en-US', channelId: 'msteams', articleLink: articleLinks(undefined) });
    let shown = '';
    await again.adapter.send('my antivirus quarantined scriba.exe after the update').assertReply((a) => void (shown = a.text ?? '')).startTest();
    expect(shown.trim()).to.equal(whole.trim());
  });
});
