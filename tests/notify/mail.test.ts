import { expect } from 'chai';
import { createDispatcher } from '../../notify/dispatcher.js';
import { createSmtpMailer, mailSubscriber } from '../../notify/mail.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { createTestSmtp } from '../helpers/smtpServer.js';
import { until } from '../helpers/until.js';
import { sampleCallback, sampleTicket, useTempDataDir } from '../tickets/helpers.js';

const quiet = { info: () => undefined, warn: () => undefined };

describe('mail to the customer, through a real SMTP server', () => {
  const dirs = useTempDataDir();
  const smtp = createTestSmtp();
  beforeEach(async () => {
    smtp.received.length = 0;
    await smtp.start();
  });
  afterEach(() => smtp.stop());

  function setUp(backoffMs = [50], replyTo?: string) {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    const mailer = createSmtpMailer({ url: smtp.url(), from: 'Scriba support <support@scriba.example>', timeoutMs: 2000, ...(replyTo ? { replyTo } : {}) });
    const warnings: string[] = [];
    const dispatcher = createDispatcher({ outbox: store.outbox, subscribers: [mailSubscriber(store, mailer)], log: { ...quiet, warn: (_f, m) => warnings.push(m) }, backoffMs });
    store.onRequestEvent(() => void dispatcher.kick());
    return { store, dispatcher, warnings, done: async () => { await dispatcher.stop(); mailer.close(); } };
  }

  it('confirms a ticket in French with the reference in the subject, then mails a reply, not an internal note', async () => {
    const { store, dispatcher, done } = setUp();
    try {
      const ticket = await store.createTicket(sampleTicket());
      await until(() => smtp.received.length === 1);
      expect(smtp.received[0]).to.deep.include({ to: 'elodie.marchand@exemple.fr', from: '"Scriba support" <support@scriba.example>', subject: `[${ticket.reference}] Nous avons bien reçu votre demande` });
      expect(smtp.received[0]!.text).to.include('Bonjour Élodie Marchand,').and.include(`enregistrée sous la référence ${ticket.reference}`);

      await store.changeRequest(ticket.reference, { type: 'reply', text: 'Note : client migré en 2024', visibility: 'internal', by: 'anne@scriba.example' });
      await store.changeRequest(ticket.reference, { type: 'reply', text: 'Bonjour, je vous ai renvoyé un lien valable 24 h.', visibility: 'public', by: 'anne@scriba.example' });
      await until(() => smtp.received.length === 2);
      await dispatcher.kick();
      expect(smtp.received.map((m) => m.subject)).to.deep.equal([`[${ticket.reference}] Nous avons bien reçu votre demande`, `[${ticket.reference}] Réponse à votre demande`]);
      expect(smtp.received[1]!.text).to.include('> Bonjour, je vous ai renvoyé un lien valable 24 h.').and.not.include('migré');
    } finally {
      await done();
    }
  });

  it('says "reply to this email" only when a reply reaches the support team (MAIL_REPLY_TO)', async () => {
    for (const [replyTo, says] of [[undefined, false], ['support@scriba.example', true]] as const) {
      smtp.received.length = 0;
      const { store, done } = setUp([50], replyTo);
      try {
        await store.createTicket(sampleTicket({ language: 'en', contact: { name: 'Sam Taylor', email: 'sam@example.com' } }));
        await until(() => smtp.received.length === 1);
        expect(smtp.received[0]!.text.includes('reply to this email'), String(replyTo)).to.equal(says);
        expect(smtp.received[0]!.text).to.include('tell our assistant "add to my ticket');
      } finally {
        await done();
      }
    }
  });

  it('writes in English to an English customer and tells a status change with its public note', async () => {
    const { store, done } = setUp();
    try {
      const ticket = await store.createTicket(sampleTicket({ language: 'en', contact: { name: 'Sam Taylor', email: 'sam@example.com' } }));
      await store.changeRequest(ticket.reference, { type: 'status', status: 'resolved', note: 'The export works again since version 4.2.', public: true, by: 'anne@scriba.example' });
      await until(() => smtp.received.length === 2);
      expect(smtp.received[1]).to.deep.include({ to: 'sam@example.com', subject: `[${ticket.reference}] Your request was updated` });
      expect(smtp.received[1]!.text).to.include(`Your request ${ticket.reference} is now resolved.`).and.include('> The export works again since version 4.2.');
    } finally {
      await done();
    }
  });

  it('mails nothing for a callback without an email, and moves on', async () => {
    const { store, dispatcher, done } = setUp();
    try {
      const callback = await store.createCallback(sampleCallback());
      await dispatcher.kick();
      await store.changeRequest(callback.reference, { type: 'status', status: 'resolved', by: 'anne@scriba.example' });
      await dispatcher.kick();
      expect(smtp.received).to.deep.equal([]);
      expect(await store.outbox.claim(new Date(Date.now() + 3600_000), 10, 1000)).to.deep.equal([]);
    } finally {
      await done();
    }
  });

  it('changes the status while the mail server is down, and mails it once the server is back', async () => {
    const { store, dispatcher, warnings, done } = setUp([100]);
    try {
      await smtp.stop();
      const ticket = await store.createTicket(sampleTicket());
      const changed = await store.changeRequest(ticket.reference, { type: 'status', status: 'in-progress', note: 'Nous regardons.', public: true, by: 'anne@scriba.example' });
      expect(changed?.status, 'the staff action is done').to.equal('in-progress');
      await until(() => warnings.length >= 1);
      expect(warnings[0]).to.equal('notification failed, will retry');
      expect(smtp.received).to.deep.equal([]);

      await smtp.start();
      await until(async () => {
        await dispatcher.kick();
        return smtp.received.length === 2;
      });
      expect(smtp.received.map((m) => m.subject).sort()).to.deep.equal([`[${ticket.reference}] Nous avons bien reçu votre demande`, `[${ticket.reference}] Votre demande a été mise à jour`]);
    } finally {
      await done();
    }
  });
});
