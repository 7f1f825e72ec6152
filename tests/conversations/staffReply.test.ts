// The support team answers a customer from the console: the reply reaches the conversation the
// ticket was made in, and what the customer types back lands on the ticket.
import { expect } from 'chai';
import { chatSubscriber } from '../../bot/proactive.js';
import { createDispatcher } from '../../notify/dispatcher.js';
import { botOn, says, tempDataDir, typesATicket } from '../helpers/conversation.js';

const quiet = { info: () => undefined, warn: () => undefined };

async function customerWithTicket(locale: string, conversationId: string) {
  const bot = await botOn(await tempDataDir(), { locale, conversationId });
  const dispatcher = createDispatcher({
    outbox: bot.store.outbox,
    subscribers: [chatSubscriber({ store: bot.store, channelFor: () => bot.adapter, tell: bot.parts.tellCustomer })],
    log: quiet,
  });
  return { ...bot, dispatcher };
}

/** What the bot wrote outside a turn of the customer's (the proactive messages), and forgets them. */
function proactive(adapter: { activeQueue: Array<{ text?: string }> }): string[] {
  return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
}

describe('a staff reply in the customer\'s conversation', () => {
  it('reaches the customer, takes their answer onto the ticket, and shows in "where is my ticket"', async () => {
    const { adapter, store, dispatcher } = await customerWithTicket('en-US', 'conv-reply-en');
    const reference = await typesATicket(adapter, 'en', { ask: 'open a ticket please', reason: 'exporting to pdf freezes since the update', name: 'sam taylor', email: 'sam@example.com', send: 'yep send it' });
    await dispatcher.kick();
    expect(proactive(adapter), 'the creation was confirmed in the turn, not again').to.deep.equal([]);

    await store.changeRequest(reference, { type: 'reply', text: 'internal: same as ticket from last week', visibility: 'internal', by: 'anne@scriba.example' });
    await store.changeRequest(reference, { type: 'reply', text: 'Could you tell me your version number?', visibility: 'public', by: 'anne@scriba.example' });
    await dispatcher.kick();
    const told = proactive(adapter);
    expect(told).to.have.length(1);
    expect(told[0]).to.include(`The support team answered your request ${reference}`).and.include('> Could you tell me your version number?').and.include('just write here').and.not.include('internal');

    await adapter
      .send('its 4.1.2, on windows 11')
      .assertReply(says(`Added to request **${reference}**`))
      .send('where is my ticket?')
      .assertReply(says(`Request **${reference}** is **open**`))
      .assertReply(says('Latest message from our support team', '> Could you tell me your version number?'))
      .startTest();
    const ticket = await store.findByReference(reference);
    expect(ticket?.messages?.filter((m) => m.from === 'customer').map((m) => m.text)).to.deep.equal(['its 4.1.2, on windows 11']);
  });

  it('en français : « ajoute à mon ticket L1-… : … » ajoute le texte, et un changement de statut arrive dans la conversation', async () => {
    const { adapter, store, dispatcher } = await customerWithTicket('fr-FR', 'conv-reply-fr');
    const reference = await typesATicket(adapter, 'fr', { ask: 'je veux ouvrir un ticket', reason: "l'impression des factures plante", name: 'claire dubois', email: 'claire.dubois@exemple.fr', send: 'ok envoie' });

    await adapter
      .send(`ajoute a mon ticket ${reference.toLowerCase()} : ca plante aussi avec l'imprimante du 2e etage`)
      .assertReply(says(`Ajouté à la demande **${reference}**`))
      .startTest();
    expect((await store.findByReference(reference))?.messages?.map((m) => [m.from, m.text])).to.deep.equal([['customer', "ca plante aussi avec l'imprimante du 2e etage"]]);

    await store.changeRequest(reference, { type: 'status', status: 'resolved', note: 'Le pilote a été mis à jour.', public: true, by: 'anne@scriba.example' });
    await dispatcher.kick();
    const told = proactive(adapter);
    expect(told).to.have.length(1);
    expect(told[0]).to.include(`Votre demande ${reference} est maintenant résolue.`).and.include('> Le pilote a été mis à jour.').and.not.include('écrivez simplement ici');
  });

  it('answers in the language the conversation moved to after the ticket (FR ticket, then "in english pls")', async () => {
    const { adapter, store, dispatcher } = await customerWithTicket('fr-FR', 'conv-reply-switch');
    const reference = await typesATicket(adapter, 'fr', { ask: 'je veux ouvrir un ticket', reason: 'le scanner ne detecte plus les pages', name: 'Ana Lopez', email: 'ana@exemple.fr', send: 'envoyer' });
    await adapter.send('in english pls').assertReply(says("let's continue in English")).startTest();
    proactive(adapter);
    await store.changeRequest(reference, { type: 'reply', text: 'Which scanner model do you use?', visibility: 'public', by: 'anne@scriba.example' });
    await dispatcher.kick();
    const told = proactive(adapter);
    expect(told).to.have.length(1);
    expect(told[0]).to.include(`The support team answered your request ${reference}:`).and.include('just write here').and.not.include('équipe');
  });

  it('"start over" after a staff reply ends the exchange: the next question is answered, not added to the ticket', async () => {
    const { adapter, store, dispatcher } = await customerWithTicket('en-US', 'conv-reply-cmd');
    const reference = await typesATicket(adapter, 'en', { ask: 'open a ticket please', reason: 'the licence server is unreachable', name: 'Sam', email: 'sam@example.com', send: 'send' });
    await store.changeRequest(reference, { type: 'reply', text: 'Is the service running?', visibility: 'public', by: 'anne@scriba.example' });
    await dispatcher.kick();
    expect(proactive(adapter)).to.have.length(1);
    await adapter
      .send('start over')
      .assertReply(says('start'))
      .send('how do i reset my pasword')
      .assertReply(says('password'))
      .startTest();
    expect((await store.findByReference(reference))?.messages?.filter((m) => m.from === 'customer')).to.deep.equal([]);
  });
});
