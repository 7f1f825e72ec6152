import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { botOn, both, offers, referenceIn, says, tempDataDir, TEST_NOW } from '../helpers/conversation.js';

const join = (locale: string): Partial<Activity> => ({
  type: 'conversationUpdate',
  locale,
  membersAdded: [{ id: 'user-1', name: 'User' }],
  recipient: { id: 'bot', name: 'Bot' },
});

describe('the welcome', () => {
  it('greets in the language of the activity, with the most asked topics as buttons', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-GB' });
    await adapter
      .send(join('en-GB'))
      .assertReply(says("I'm the Scriba assistant"))
      .assertReply(both(says('People often ask about'), offers('Reset your password', 'Supported databases')))
      .startTest();
  });

  it('greets in French for a French browser', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'fr-CA' });
    await adapter.send(join('fr-CA')).assertReply(says("Je suis l'assistant Scriba")).assertReply(offers('Réinitialiser votre mot de passe')).startTest();
  });
});

describe('"did you mean…"', () => {
  it('offers the closest titles and answers the one picked', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    let second = '';
    await adapter
      .send('mes documents')
      .assertReply((a) => {
        expect(a.text).to.include('Vouliez-vous dire');
        const titles = (a.suggestedActions?.actions ?? []).map((x) => String(x.title));
        expect(titles).to.have.length(4);
        expect(titles.at(-1)).to.equal('Aucune de ces réponses');
        second = titles[1]!;
      })
      .send('2')
      .assertReply((a) => expect(a.text).to.be.a('string').and.not.include('Vouliez-vous dire'))
      .assertReply(says('Cette réponse a-t-elle répondu'))
      .send('oui')
      .assertReply(says("ravi d'avoir pu vous aider"))
      .startTest();
    expect(second).to.not.equal('');
  });

  it('records the question as unanswered when none fits', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter.send('mes documents').assertReply(says('Vouliez-vous dire')).send('Aucune de ces réponses').assertReply(says('posez votre question autrement')).startTest();
    const unanswered = await store.listUnanswered();
    expect(unanswered.map((u) => [u.kind, u.question])).to.deep.equal([['clarify-no-pick', 'mes documents']]);
  });
});

describe('a troubleshooting flow', () => {
  it('walks the antivirus flow step by step to "resolved" and records it', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('mon antivirus bloque scriba')
      .assertReply(says('faux positif'))
      .assertReply(says('étape par étape'))
      .assertReply(both(says('Étape 1/4'), offers('Restauré, Scriba fonctionne', 'Rien en quarantaine')))
      .send('rien en quarantaine')
      .assertReply(both(says('Étape 2/4'), offers('Exclusions ajoutées')))
      .send('Exclusions ajoutées')
      .assertReply(both(says('Étape 3/4'), offers('Scriba démarre')))
      .send('Scriba démarre')
      .assertReply(both(says('Étape 4/4'), offers('Oui, tout fonctionne')))
      .send('Oui, tout fonctionne')
      .assertReply(says('Content que cela fonctionne'))
      .startTest();
    const feedback = await store.listFeedback();
    expect(feedback.map((f) => [f.articleId, f.helpful])).to.deep.equal([['antivirus-blocked', true]]);
    const shown = await store.listAnswersShown();
    expect(shown.map((a) => [a.articleId, a.question])).to.deep.equal([['antivirus-blocked', 'mon antivirus bloque scriba']]);
  });
});

describe('not understood', () => {
  it('says so honestly, records the question, and offers support after the second miss', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('quelle est la recette de la tarte tatin')
      .assertReply(says("je n'ai pas compris"))
      .send('qui a gagné le match hier soir')
      .assertReply(both(says('Voulez-vous contacter'), offers("Contacter l'assistance", 'Reformuler ma question')))
      .send("Contacter l'assistance")
      .assertReply(offers('Par e-mail (ticket)', 'Par téléphone (rappel)'))
      .startTest();
    expect((await store.listUnanswered()).map((u) => u.kind)).to.deep.equal(['none', 'none']);
  });

  it('asks for words when the message has none', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-US' });
    await adapter.send('🙂🙂').assertReply(says('Could you ask your question in words?')).startTest();
  });
});

describe('languages', () => {
  it('answers in the language the user writes in, and switches on request', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('which databases are supported')
      .assertReply(says('SQL Server'))
      .assertReply(says('Did this answer your question?'))
      .send('en français')
      .assertReply(says('continuons en français'))
      .assertReply(says('Did this answer your question?')) // the question in progress is asked again
      .send('oui')
      .assertReply(says("ravi d'avoir pu vous aider"))
      .startTest();
  });

  it('takes a new question typed instead of yes or no as a new question', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'en-US' });
    await adapter
      .send('how do I install scriba')
      .assertReply(says('system requirements'))
      .assertReply(says('Did this answer your question?'))
      .send('how do I create a new user')
      .assertReply(says('**Administration › Users**'))
      .assertReply(says('Did this answer your question?'))
      .startTest();
    expect(await store.listFeedback()).to.deep.equal([]);
  });
});

describe('a restart in the middle of a ticket', () => {
  it('resumes the dialog where it was, from the state on disk', async () => {
    const dataDir = await tempDataDir();
    const conversationId = 'restart-conv';
    const before = await botOn(dataDir, { locale: 'en-US', conversationId });
    await before.adapter
      .send('talk to a human')
      .assertReply(offers('By email (ticket)'))
      .send('By email (ticket)')
      .assertReply(says("I'll open a ticket"))
      .assertReply(says('what do you need help with?'))
      .send('Scriba crashes when I scan')
      .assertReply(says('What is your name?'))
      .startTest();

    // A new process: new store, new bot, same data folder and conversation.
    const after = await botOn(dataDir, { locale: 'en-US', conversationId });
    let reference = '';
    await after.adapter
      .send('Sam Lee')
      .assertReply(says('What email address'))
      .send('sam@example.com')
      .assertReply(says('Scriba crashes when I scan', 'Sam Lee'))
      .send('Send')
      .assertReply((a) => (reference = referenceIn(a.text)))
      .startTest();
    const saved = await createLowdbStore({ dataDir, now: () => TEST_NOW }).findByReference(reference);
    expect(saved?.reason).to.equal('Scriba crashes when I scan');
  });
});
