import { expect } from 'chai';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { botOn, both, offers, referenceIn, says, tempDataDir, TEST_NOW } from '../helpers/conversation.js';

describe('an English customer asks for a human', () => {
  it('opens a level-1 ticket with a validated email and gives its reference', async () => {
    const dataDir = await tempDataDir();
    const { adapter } = await botOn(dataDir, { locale: 'en-US' });
    let reference = '';
    await adapter
      .send('how do I reset my pasword')
      .assertReply(says('Forgot password?'))
      .assertReply(says('Did this answer your question?'))
      .send('talk to a human')
      .assertReply(both(says('How would you like our team to reach you?'), offers('By email (ticket)', 'By phone (callback)')))
      .send('By email (ticket)')
      .assertReply(says("I'll open a ticket for the support desk."))
      .assertReply(both(says('"how do I reset my pasword"'), offers('Yes, keep it', 'Change it')))
      .send('Change it')
      .assertReply(says('In a sentence, what do you need help with?'))
      .send('The reset email never arrives')
      .assertReply(says('What is your name?'))
      .send('Jane Smith')
      .assertReply(says('What email address'))
      .send('jane@')
      .assertReply(says('does not look right', 'name@company.com'))
      .send('jane.smith@example.com')
      .assertReply(both(says('The reset email never arrives', 'Jane Smith', 'jane.smith@example.com'), offers('Send', 'Cancel')))
      .send('Send')
      .assertReply((a) => {
        reference = referenceIn(a.text);
      })
      .startTest();

    const saved = await createLowdbStore({ dataDir, now: () => TEST_NOW }).findByReference(reference);
    expect(saved).to.deep.include({ kind: 'ticket', level: 1, language: 'en', reason: 'The reset email never arrives', channel: 'test', status: 'open' });
    expect(saved!.contact).to.deep.equal({ name: 'Jane Smith', email: 'jane.smith@example.com' });
    expect(saved!.createdAt).to.equal('2026-11-24T10:00:00+01:00');
    expect(saved!.tried.articles.map((a) => a.id)).to.deep.equal(['reset-password']);
  });
});

describe('cancelling in the middle of a ticket', () => {
  it('stops cleanly, saves nothing, and the next question is answered', async () => {
    const dataDir = await tempDataDir();
    const { adapter, store } = await botOn(dataDir, { locale: 'fr-FR' });
    await adapter
      .send('parler à un conseiller')
      .assertReply(offers('Par e-mail (ticket)', 'Par téléphone (rappel)'))
      .send('Par e-mail (ticket)')
      .assertReply(says('Je vais ouvrir un ticket'))
      .assertReply(says("pour quoi avez-vous besoin d'aide"))
      .send('Scriba plante au démarrage')
      .assertReply(says('Quel est votre nom ?'))
      .send('annuler')
      .assertReply(says("D'accord, j'ai arrêté."))
      .send('mot de passe oublié')
      .assertReply(says('Mot de passe oublié ?'))
      .assertReply(says('Cette réponse a-t-elle répondu'))
      .startTest();
    expect(await store.listRequests()).to.deep.equal([]);
  });
});

describe('asking for the status of a request', () => {
  it('tells the status only to someone who gives the contact stored with it', async () => {
    const dataDir = await tempDataDir();
    const { adapter, store } = await botOn(dataDir, { locale: 'fr-FR' });
    const ticket = await store.createTicket({
      level: 1, reason: 'facture en double', language: 'fr', channel: 'test', conversationId: 'other',
      contact: { name: 'Paul Durand', email: 'paul@example.fr' }, tried: { articles: [], flowSteps: [], transcript: [] },
    });
    await store.updateStatus(ticket.reference, 'in-progress', 'pris en charge', 'agent');
    await adapter
      .send(`où en est ma demande ${ticket.reference.toLowerCase()} ?`)
      .assertReply(says('quelle adresse e-mail'))
      .send('someone@else.fr')
      .assertReply(says(`Je ne trouve pas de demande ${ticket.reference}`))
      .send('statut de ma demande')
      .assertReply(says('Quel est votre numéro de dossier ?'))
      .send(ticket.reference)
      .assertReply(says('quelle adresse e-mail'))
      .send('Paul@Example.fr')
      .assertReply(says(ticket.reference, 'en cours de traitement'))
      .startTest();
  });
});
