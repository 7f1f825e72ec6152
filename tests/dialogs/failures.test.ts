import { expect } from 'chai';
import { botOn, says, tempDataDir } from '../helpers/conversation.js';

describe('when the disk refuses a ticket', () => {
  it('gives no reference number and says so', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), {
      locale: 'en-US',
      wrapStore: (s) => ({ ...s, createTicket: () => Promise.reject(new Error('disk full')) }),
    });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await adapter
        .send('talk to a human')
        .assertReply(says('How would you like'))
        .send('By email (ticket)')
        .assertReply(says("I'll open a ticket"))
        .assertReply(says('what do you need help with?'))
        .send('My invoice is wrong')
        .assertReply(says('What is your name?'))
        .send('Ann Lee')
        .assertReply(says('What email address'))
        .send('ann@example.com')
        .assertReply(says('Shall I send it?'))
        .send('Send')
        .assertReply((a) => {
          expect(a.text).to.include('I could not record your request');
          expect(a.text).to.not.match(/L1-\d{8}/);
        })
        .startTest();
    } finally {
      console.error = quiet;
    }
    expect(await store.listRequests()).to.deep.equal([]);
  });
});

describe('when a turn throws', () => {
  it('tells the user briefly, in their language, and the next turn works', async () => {
    const { adapter } = await botOn(await tempDataDir(), {
      locale: 'fr-FR',
      wrapStore: (s) => ({ ...s, recordUnanswered: () => Promise.reject(new Error('boom')) }),
    });
    const quiet = console.error;
    const logged: string[] = [];
    console.error = (line: string) => logged.push(line);
    try {
      await adapter
        .send('quelle est la recette de la tarte tatin')
        .assertReply(says('un problème est survenu de mon côté'))
        .send('mot de passe oublié')
        .assertReply(says('Mot de passe oublié ?'))
        .assertReply(says('Cette réponse a-t-elle répondu'))
        .startTest();
    } finally {
      console.error = quiet;
    }
    expect(logged.some((l) => l.includes('turn error in conversation'))).to.equal(true);
  });
});
