// The whole bot through botbuilder's TestAdapter, for what the typed-conversation suite does not
// show: the welcome, what is stored, restarts, a disk that refuses a write, a turn that throws, and
// status lookups across conversations.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { botOn, both, memoryLog, offers, referenceIn, says, tempDataDir, TEST_NOW } from '../helpers/conversation.js';

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

describe('what the conversation stores', () => {
  it('records "none of these" as unanswered, and counts it as a miss: support comes at the second', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('mes documents')
      .assertReply(says('Vouliez-vous dire'))
      .send('aucun de ceux la')
      .assertReply(says('posez votre question autrement'))
      .send('le voyant bleu clignote sans arret')
      .assertReply(both(says('Voulez-vous contacter'), offers("Contacter l'assistance", 'Reformuler ma question')))
      .send('oui')
      .assertReply(both(says('Comment notre équipe peut-elle vous joindre ?'), offers('Par e-mail (ticket)', 'Par téléphone (rappel)')))
      .startTest();
    expect((await store.listUnanswered()).map((u) => [u.kind, u.question])).to.deep.equal([
      ['clarify-no-pick', 'mes documents'],
      ['none', 'le voyant bleu clignote sans arret'],
    ]);
  });

  it('walks a flow in typed words to "resolved" and records it', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('mon antivirus bloque scriba')
      .assertReply(says('faux positif'))
      .assertReply(says('étape par étape'))
      .assertReply(both(says('Étape 1/4'), offers('Restauré, Scriba fonctionne', 'Rien en quarantaine')))
      .send('y avait rien dans la quarantaine')
      .assertReply(says('Étape 2/4'))
      .send("c'est fait, exclusions ajoutées")
      .assertReply(says('Étape 3/4'))
      .send('ok il redemarre')
      .assertReply(says('Étape 4/4'))
      .send('oui tout marche')
      .assertReply(says('Content que cela fonctionne'))
      .startTest();
    expect((await store.listFeedback()).map((f) => [f.articleId, f.helpful])).to.deep.equal([['antivirus-blocked', true]]);
  });

  it('saves a ticket with the level of the article escalated, what was tried and what was missing', async () => {
    const dataDir = await tempDataDir();
    const { adapter } = await botOn(dataDir, { locale: 'fr-FR' });
    let reference = '';
    await adapter
      .send('pb nas synology')
      .assertReply(says('NAS'))
      .assertReply(says('Cette réponse a-t-elle répondu'))
      .send('non')
      .assertReply(says("Qu'est-ce qui manquait"))
      .send('le partage reste inaccessible')
      .assertReply(says("c'est noté"))
      .assertReply(offers("Contacter l'assistance"))
      .send('in English please')
      .assertReply(says("let's continue in English"))
      .assertReply(offers('Contact support'))
      .send('a human please')
      .assertReply(offers('By email (ticket)', 'By phone (callback)'))
      .send('by email')
      .assertReply(says('our partner for your infrastructure', 'pb nas synology', 'What is your name?'))
      .send('John Smith')
      .assertReply(says('What email address'))
      .send('john@example.com')
      .assertReply(both(says('John Smith', 'john@example.com'), offers('Send')))
      .send('ok send it')
      .assertReply((a) => (reference = referenceIn(a.text)))
      .startTest();
    const saved = await createLowdbStore({ dataDir, now: () => TEST_NOW }).findByReference(reference);
    expect(saved).to.deep.include({ kind: 'ticket', level: 4, articleId: 'nas-problem', language: 'en', reason: 'pb nas synology (missing from the answer: le partage reste inaccessible)' });
    expect(saved!.tried.articles.map((a) => [a.id, a.feedback, a.missing])).to.deep.equal([['nas-problem', 'not-helpful', 'le partage reste inaccessible']]);
  });
});

describe('a request for a person that says how', () => {
  it('goes straight to the channel it names', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'en-US' });
    await adapter
      .send('can a real person look at it? by email please')
      .assertReply(says("I'll open a ticket", 'what do you need help with?'))
      .startTest();
  });
});

describe('a restart in the middle of a request', () => {
  it('resumes the form where it was, from the state on disk', async () => {
    const dataDir = await tempDataDir();
    const conversationId = 'restart-conv';
    const before = await botOn(dataDir, { locale: 'en-US', conversationId });
    await before.adapter
      .send('open a ticket please')
      .assertReply(says("I'll open a ticket", 'what do you need help with?'))
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
      .send('send')
      .assertReply((a) => (reference = referenceIn(a.text)))
      .startTest();
    const saved = await createLowdbStore({ dataDir, now: () => TEST_NOW }).findByReference(reference);
    expect(saved?.reason).to.equal('Scriba crashes when I scan');
  });
});

describe('a request remembers where to write to the customer', () => {
  it('keeps the conversation reference with the ticket, so staff can answer in that conversation later', async () => {
    const { adapter, store } = await botOn(await tempDataDir(), { locale: 'en-US' });
    await adapter
      .send('can i talk to someone, by email pls')
      .assertReply(says('what do you need help with?'))
      .send('the invoice export to my accountant fails')
      .assertReply(says('What is your name?'))
      .send('Ann Lee')
      .assertReply(says('What email address'))
      .send('ann@example.com')
      .assertReply(says('Shall I send it?'))
      .send('yes send it')
      .assertReply((a) => void referenceIn(a.text))
      .startTest();
    const [ticket] = await store.listRequests();
    // The reference the test channel gives its activities: the one a proactive message needs.
    const channel = adapter.conversation;
    expect(ticket?.address).to.deep.include({ channelId: channel.channelId, serviceUrl: channel.serviceUrl });
    expect(ticket?.address?.conversation.id).to.equal(ticket?.conversationId).and.to.equal(channel.conversation.id);
    expect(ticket?.address?.user.id).to.equal(channel.user?.id);
    expect(ticket?.address?.bot.id).to.equal(channel.bot?.id);
  });
});

describe('when the disk refuses a ticket', () => {
  it('gives no reference, keeps the request, logs it without personal data, and sends it once the disk is back', async () => {
    let refuse = true;
    const log = memoryLog();
    const { adapter, store } = await botOn(await tempDataDir(), {
      locale: 'en-US',
      log,
      wrapStore: (s) => ({ ...s, createTicket: (input) => (refuse ? Promise.reject(new Error('disk full')) : s.createTicket(input)) }),
    });
    await adapter
      .send('open a ticket')
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
    expect(await store.listRequests()).to.deep.equal([]);
    expect(log.lines.map((l) => l.msg)).to.deep.equal(['request not saved']);
    expect(JSON.stringify(log.lines)).to.not.include('ann@example.com');
    refuse = false;
    await adapter.send('send').assertReply((a) => void referenceIn(a.text)).startTest();
    expect((await store.listRequests()).map((r) => r.contact)).to.deep.equal([{ name: 'Ann Lee', email: 'ann@example.com' }]);
  });
});

describe('when a write for the staff\'s figures fails', () => {
  it('logs it and the customer\'s turn goes on', async () => {
    const log = memoryLog();
    const { adapter } = await botOn(await tempDataDir(), {
      locale: 'fr-FR',
      log,
      wrapStore: (s) => ({ ...s, recordUnanswered: () => Promise.reject(new Error('disk full')), appendTranscript: () => Promise.reject(new Error('disk full')) }),
    });
    await adapter.send('le voyant bleu clignote sans arret').assertReply(says("je n'ai pas compris")).startTest();
    expect(log.lines.map((l) => l.msg)).to.include.members(['unanswered question not recorded', 'transcript not recorded']);
  });
});

describe('when a turn throws', () => {
  it('tells the customer briefly, in their language, logs it, and keeps the form being filled in', async () => {
    const log = memoryLog();
    const { adapter } = await botOn(await tempDataDir(), {
      locale: 'fr-FR',
      log,
      wrapStore: (s) => ({ ...s, listLookupFailures: () => Promise.reject(new Error('boom')) }),
    });
    await adapter
      .send('je veux ouvrir un ticket')
      .assertReply(says('En une phrase'))
      .send('ma facture est en double')
      .assertReply(says('Quel est votre nom ?'))
      .send('où en est L1-20261124-0001 ?')
      .assertReply(says('un problème est survenu de mon côté'))
      .send('Sam Lee')
      .assertReply(says('adresse e-mail'))
      .startTest();
    expect(log.lines.some((l) => l.level === 'error' && l.msg?.includes('turn error in conversation'))).to.equal(true);
  });
});

describe('the status of a request', () => {
  async function ticketFor(dataDir: string) {
    const store = createLowdbStore({ dataDir, now: () => TEST_NOW });
    return store.createTicket({ level: 1, reason: 'imprimante', language: 'fr', channel: 'webchat', conversationId: 'earlier', contact: { name: 'Marc Dupont', email: 'marc@exemple.fr' }, tried: { articles: [], flowSteps: [], transcript: [] } });
  }

  it('is told only to someone who gives the contact stored with it', async () => {
    const dataDir = await tempDataDir();
    const ticket = await ticketFor(dataDir);
    const { adapter } = await botOn(dataDir, { locale: 'fr-FR' });
    await adapter
      .send('ou en est ma demande')
      .assertReply(says('Quel est votre numéro de dossier ?'))
      .send(`c'est le ${ticket.reference.toLowerCase().replace(/-/g, ' ')}`)
      .assertReply(says('quelle adresse e-mail ou quel numéro de téléphone'))
      .send('marc@exemple.fr')
      .assertReply(says(ticket.reference, 'ouverte'))
      .startTest();
  });

  it('is known without asking for a request opened in the same conversation, and a callback says its time', async () => {
    const { adapter } = await botOn(await tempDataDir(), { locale: 'fr-FR' });
    await adapter
      .send('rappelez moi au 06 12 34 56 78 svp')
      .assertReply(says('En une phrase'))
      .send('la licence ne passe pas sur le nouveau pc')
      .assertReply(says('Quel est votre nom ?'))
      .send('Paul Martin')
      .assertReply(says('Quand souhaitez-vous être rappelé ?', 'heure de Paris'))
      .send('demain 14h')
      .assertReply(says('+33 6 12 34 56 78'))
      .send('oui')
      .assertReply(says('mercredi 25 novembre, 14:00'))
      .send('envoyez')
      .assertReply((a) => {
        referenceIn(a.text);
        // The card names the zone as people say it, for the call and for when it was recorded.
        const card = JSON.stringify(a.attachments?.[0]?.content);
        expect(card).to.include('mercredi 25 novembre, 14:00').and.include('24 novembre 2026 à 10:00 (heure de Paris)');
        expect(card.match(/\(heure de Paris\)/g)).to.have.length(2);
      })
      .send('et mon rappel c quand ?')
      .assertReply(says('nous vous appellerons mercredi 25 novembre, 14:00', 'heure de Paris'))
      .startTest();
  });

  it('locks a reference for 15 minutes after three wrong contact details, in every conversation', async () => {
    const dataDir = await tempDataDir();
    const ticket = await ticketFor(dataDir);
    const { adapter } = await botOn(dataDir, { locale: 'fr-FR', conversationId: 'guesser' });
    await adapter
      .send(`statut ${ticket.reference}`)
      .assertReply(says('quelle adresse e-mail'))
      .send('a@exemple.fr')
      .assertReply(says('Je ne trouve pas'))
      .assertReply(says('quelle adresse e-mail'))
      .send('b@exemple.fr')
      .assertReply(says('Je ne trouve pas'))
      .assertReply(says('quelle adresse e-mail'))
      .send('c@exemple.fr')
      .assertReply(says('réessayez dans 15 minutes'))
      .send('marc@exemple.fr')
      .assertReply(says('réessayez dans 15 minutes'))
      .startTest();
    const other = await botOn(dataDir, { locale: 'fr-FR', conversationId: 'another' });
    await other.adapter.send(`où en est ${ticket.reference}`).assertReply(says('réessayez dans 15 minutes')).startTest();
    const failures = await createLowdbStore({ dataDir, now: () => TEST_NOW }).listLookupFailures();
    expect(failures.map((f) => f.reference)).to.deep.equal([ticket.reference, ticket.reference, ticket.reference]);
    expect(JSON.stringify(failures), 'the wrong guesses are not kept').to.not.include('@exemple.fr');
  });
});

describe('a conversation saved by the previous version of the bot', () => {
  it('carries on in its language, without the dialog the new version no longer has', async () => {
    const dataDir = await tempDataDir();
    const conversationId = 'from-last-version';
    const { createLowdbKeyValueStore } = await import('../../tickets/keyValueStore.js');
    const state = createLowdbKeyValueStore({ dataDir });
    const key = `test/conversations/${conversationId}/`;
    await state.write({ [key]: { session: { lang: 'en', misses: 0, tried: { articles: [], flowSteps: [] }, contact: { phone: '+33612345678' }, started: true }, dialogState: { dialogStack: [{ id: 'root', state: {} }] } } });
    const { adapter } = await botOn(dataDir, { locale: 'fr-FR', conversationId });
    await adapter.send('ok').assertReply(says('OK. What can I do for you?')).startTest();
  });
});

describe('damaged data files', () => {
  it('do not stop answers, nor the conversations whose state they held', async () => {
    const dataDir = await tempDataDir();
    const first = await botOn(dataDir, { locale: 'fr-FR', conversationId: 'damaged' });
    await first.adapter.send('mot de passe oublié').assertReply(says('Mot de passe oublié ?')).assertReply(says('Cette réponse')).startTest();
    const { readdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    // Truncate every file the conversation wrote: its state, its transcript, the answers log.
    const files = (await readdir(dataDir, { recursive: true })).filter((f) => /^(state|transcripts|answers)\/.*\.jsonl?$/.test(f));
    expect(files.length).to.be.at.least(3);
    for (const file of files) await writeFile(path.join(dataDir, file), '{"items": {"tru', 'utf8');
    const log = memoryLog();
    const after = await botOn(dataDir, { locale: 'fr-FR', conversationId: 'damaged', log });
    await after.adapter.send('mot de passe oublié').assertReply(says('Mot de passe oublié ?')).assertReply(says('Cette réponse')).startTest();
    // The state file is moved aside (the conversation starts afresh); in the logs that only grow,
    // the bad line is skipped and the next one written after it.
    expect((await readdir(path.join(dataDir, 'state'), { recursive: true })).some((f) => f.includes('.damaged-'))).to.equal(true);
    const said = log.lines.map((l) => l.msg ?? '');
    expect(said.some((m) => m.includes('was damaged and moved to') && m.includes('/state/'))).to.equal(true);
    const reports: string[] = [];
    const shown = await createLowdbStore({ dataDir, now: () => TEST_NOW, report: (l) => reports.push(l) }).listAnswersShown();
    expect(shown.map((a) => a.articleId)).to.deep.equal(['reset-password']);
    expect(reports.join('\n')).to.match(/unreadable line\(s\) skipped.*answers\/\d{4}-\d{2}\.jsonl:1: /);
    expect((await after.store.transcript('damaged')).length).to.be.greaterThan(0);
  });
});
