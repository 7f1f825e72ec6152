// What every backend does with what happens to a request after it is made: staff replies, notes,
// owner and priority, the customer's additions, and the outbox of events they announce.
import { expect } from 'chai';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import type { RequestEvent } from '../../tickets/requestChanges.js';
import { summaryOf } from '../../tickets/requestSummary.js';
import { InvalidRecordError } from '../../tickets/schemas.js';
import { clockAt, clockReading, sampleCallback, sampleTicket, unchecked } from './helpers.js';

const LEASE = 60_000;

/**
 * `open(now)`: the store as an instance with that clock opens it (a restarted process on files; a
 * second instance on a shared database). Each test starts empty.
 */
export function requestEventsContract(open: (now: () => Date) => HelpdeskStore): void {
  it('keeps a public reply, an internal note, the owner and the priority, in order, after a restart', async () => {
    const store = open(clockReading('2026-11-23T13:05:09Z', '2026-11-23T14:00:00Z', '2026-11-23T14:10:00Z', '2026-11-23T14:20:00Z', '2026-11-23T14:30:00Z'));
    const { reference } = await store.createTicket(sampleTicket());
    await store.changeRequest(reference, { type: 'assign', assignee: 'Anne.Martin@scriba.example', by: 'lea@scriba.example' });
    await store.changeRequest(reference, { type: 'reply', text: 'Ancien client, compte migré en 2024', visibility: 'internal', by: 'anne.martin@scriba.example' });
    await store.changeRequest(reference, { type: 'reply', text: 'Bonjour, je vous ai renvoyé le lien.', visibility: 'public', by: 'anne.martin@scriba.example' });
    await store.changeRequest(reference, { type: 'priority', priority: 'high', by: 'anne.martin@scriba.example' });

    const found = await open(clockAt('2026-11-24T00:00:00Z')).findByReference(reference);
    expect(found).to.deep.include({ assignee: 'anne.martin@scriba.example', priority: 'high', firstReplyAt: '2026-11-23T15:20:00+01:00' });
    expect(found?.messages?.map(({ id: _id, ...m }) => m)).to.deep.equal([
      { at: '2026-11-23T15:10:00+01:00', from: 'staff', by: 'anne.martin@scriba.example', text: 'Ancien client, compte migré en 2024', visibility: 'internal' },
      { at: '2026-11-23T15:20:00+01:00', from: 'staff', by: 'anne.martin@scriba.example', text: 'Bonjour, je vous ai renvoyé le lien.', visibility: 'public' },
    ]);
  });

  it('an internal note is not a first reply; a status change with a public note is', async () => {
    const store = open(clockReading('2026-11-23T13:05:09Z', '2026-11-23T14:00:00Z', '2026-11-23T15:00:00Z'));
    const { reference } = await store.createTicket(sampleTicket());
    const noted = await store.changeRequest(reference, { type: 'status', status: 'in-progress', note: 'vu avec Marc', by: 'lea@scriba.example' });
    expect(noted?.firstReplyAt).to.equal(undefined);
    const told = await store.changeRequest(reference, { type: 'status', status: 'resolved', note: 'Le lien fonctionne à nouveau.', public: true, by: 'lea@scriba.example' });
    expect(told?.firstReplyAt).to.equal('2026-11-23T16:00:00+01:00');
    expect(told?.statusHistory.at(-1)).to.deep.include({ status: 'resolved', note: 'Le lien fonctionne à nouveau.', public: true });
  });

  it('appends what the customer adds, and unassigns and sets back to normal', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    const { reference } = await store.createCallback(sampleCallback());
    await store.changeRequest(reference, { type: 'assign', assignee: 'lea@scriba.example', by: 'lea@scriba.example' });
    await store.changeRequest(reference, { type: 'priority', priority: 'urgent', by: 'lea@scriba.example' });
    await store.changeRequest(reference, { type: 'customer-message', text: "finalement je suis dispo qu'après 16h" });
    await store.changeRequest(reference, { type: 'assign', assignee: null, by: 'lea@scriba.example' });
    const after = await store.changeRequest(reference, { type: 'priority', priority: 'normal', by: 'lea@scriba.example' });
    expect(after).to.not.have.property('assignee');
    expect(after).to.not.have.property('priority');
    expect(after?.messages).to.have.length(1);
    expect(after?.messages?.[0]).to.deep.include({ from: 'customer', text: "finalement je suis dispo qu'après 16h", visibility: 'public' });
  });

  it('refuses an empty reply and one too long, and changes nothing for an unknown reference', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    const { reference } = await store.createTicket(sampleTicket());
    for (const text of ['   ', 'x'.repeat(5001)]) {
      const refused = await store.changeRequest(reference, { type: 'reply', text, visibility: 'public', by: 'lea@scriba.example' }).then(() => undefined, (err: unknown) => err);
      expect(refused, JSON.stringify(text.slice(0, 10))).to.be.instanceOf(InvalidRecordError);
    }
    expect(await store.changeRequest(reference, unchecked({ type: 'priority', priority: 'asap', by: 'x' })).catch((e: unknown) => e)).to.be.instanceOf(InvalidRecordError);
    expect(await store.changeRequest('L1-20261123-0042', { type: 'customer-message', text: 'bonjour ?' })).to.equal(undefined);
    expect((await store.findByReference(reference))?.messages).to.equal(undefined);
  });

  it('puts each creation and change in the outbox once, and tells this instance at once', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    const heard: RequestEvent[] = [];
    const stop = store.onRequestEvent((e) => heard.push(e));
    const { reference } = await store.createTicket(sampleTicket({ requestKey: 'conv-7f3a|act-1' }));
    await store.createTicket(sampleTicket({ requestKey: 'conv-7f3a|act-1' })); // the channel retried: no second event
    await store.changeRequest(reference, { type: 'reply', text: 'Bonjour', visibility: 'public', by: 'lea@scriba.example' });
    stop();
    expect(heard.map((e) => [e.type, e.reference])).to.deep.equal([['requestCreated', reference], ['replied', reference]]);

    const claimed = await store.outbox.claim(new Date('2026-11-23T13:05:10Z'), 10, LEASE);
    expect(claimed.map((p) => p.event)).to.deep.equal(heard);
    expect(claimed.every((p) => p.attempts === 0 && p.delivered.length === 0)).to.equal(true);
    // Claimed: not handed out again while the lease runs (to another instance either: see the PostgreSQL tests).
    expect(await store.outbox.claim(new Date('2026-11-23T13:05:11Z'), 10, LEASE)).to.deep.equal([]);
  });

  it('retries a failed delivery after its time, remembers who had it, and never hands out a finished event', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    const { reference } = await store.createTicket(sampleTicket());
    const [created] = await store.outbox.claim(new Date('2026-11-23T13:05:10Z'), 10, LEASE);
    await store.outbox.delivered(created!.event.id, 'chat');
    await store.outbox.retryLater(created!.event.id, new Date('2026-11-23T13:10:00Z'), 'mail: connect ECONNREFUSED 127.0.0.1:2525');

    const later = open(clockAt('2026-11-23T13:06:00Z'));
    expect(await later.outbox.claim(new Date('2026-11-23T13:06:00Z'), 10, LEASE), 'before its retry time').to.deep.equal([]);
    const [again] = await later.outbox.claim(new Date('2026-11-23T13:10:00Z'), 10, LEASE);
    expect(again).to.deep.equal({ event: created!.event, delivered: ['chat'], attempts: 1 });
    expect(again!.event.reference).to.equal(reference);
    await later.outbox.delivered(again!.event.id, 'mail');
    await later.outbox.finish(again!.event.id);
    expect(await open(clockAt('2026-11-23T14:00:00Z')).outbox.claim(new Date('2026-11-23T14:00:00Z'), 10, LEASE)).to.deep.equal([]);
  });

  it('gives an event claimed by an instance that died to another once its lease is over', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    await store.createTicket(sampleTicket());
    expect(await store.outbox.claim(new Date('2026-11-23T13:05:10Z'), 10, LEASE)).to.have.length(1);
    expect(await store.outbox.claim(new Date('2026-11-23T13:06:11Z'), 10, LEASE)).to.have.length(1);
  });

  it('finds requests by words of the reason, the conversation or a message, by email, name or reference, accents and case aside', async () => {
    const store = open(clockAt('2026-11-23T13:05:09Z'));
    const ticket = await store.createTicket(sampleTicket());
    const other = await store.createTicket(sampleTicket({
      reason: 'Export PDF bloqué à 99 %', contact: { name: 'Marc Petit', email: 'marc.petit@exemple.fr' }, tried: { articles: [], flowSteps: [], transcript: [] },
    }));
    await store.changeRequest(other.reference, { type: 'reply', text: 'Pilote Canon réinstallé', visibility: 'internal', by: 'lea@scriba.example' });
    const found = async (q: string) => (await store.pageRequests({ q }, {})).requests.map((r) => r.reference);
    expect(await found('REINITIALISER')).to.deep.equal([ticket.reference]);
    expect(await found('mot de pase')).to.deep.equal([ticket.reference]); // the conversation copied with the ticket
    expect(await found('pilote canon')).to.deep.equal([other.reference]);
    expect(await found('marc.petit@')).to.deep.equal([other.reference]);
    expect(await found('élodie')).to.deep.equal([ticket.reference]);
    expect(await found(ticket.reference.toLowerCase())).to.deep.equal([ticket.reference]);
    expect(await found('99 %')).to.deep.equal([other.reference]);
    expect(await found('_'), 'LIKE wildcards are plain characters').to.deep.equal([]);
    expect(await found(''), 'no words: everything').to.have.length(2);
  });

  it('filters by owner (or nobody), by priority and by several statuses', async () => {
    const store = open(clockReading('2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'));
    const a = await store.createTicket(sampleTicket());
    const b = await store.createTicket(sampleTicket());
    const c = await store.createCallback(sampleCallback());
    await store.changeRequest(a.reference, { type: 'assign', assignee: 'Lea@scriba.example', by: 'lea@scriba.example' });
    await store.changeRequest(b.reference, { type: 'priority', priority: 'urgent', by: 'lea@scriba.example' });
    await store.changeRequest(c.reference, { type: 'status', status: 'resolved', by: 'lea@scriba.example' });
    const refs = async (filter: Parameters<HelpdeskStore['pageRequests']>[0]) => (await store.pageRequests(filter, {})).requests.map((r) => r.reference).sort();
    expect(await refs({ assignee: 'lea@scriba.example' })).to.deep.equal([a.reference]);
    expect(await refs({ assignee: null })).to.deep.equal([b.reference, c.reference].sort());
    expect(await refs({ priority: 'urgent' })).to.deep.equal([b.reference]);
    expect(await refs({ priority: 'normal' })).to.deep.equal([a.reference, c.reference].sort());
    expect(await refs({ statuses: ['open', 'in-progress'] })).to.deep.equal([a.reference, b.reference].sort());
  });

  it('summarizes what ranking by due time needs, the same as the requests it comes from, newest first', async () => {
    const store = open(clockReading('2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'));
    const ticket = await store.createTicket(sampleTicket({ level: 3 }));
    const callback = await store.createCallback(sampleCallback());
    await store.changeRequest(ticket.reference, { type: 'reply', text: 'Bonjour', visibility: 'public', by: 'lea@scriba.example' });
    await store.changeRequest(ticket.reference, { type: 'priority', priority: 'high', by: 'lea@scriba.example' });
    const whole = (await store.pageRequests({}, {})).requests;
    expect(await store.summarizeRequests({})).to.deep.equal(whole.map(summaryOf));
    expect((await store.summarizeRequests({ kind: 'callback' })).map((s) => s.reference)).to.deep.equal([callback.reference]);
    expect(summaryOf(whole[1]!)).to.deep.equal({ reference: ticket.reference, createdAt: ticket.createdAt, status: 'open', priority: 'high', firstReplyAt: '2026-11-23T12:00:00+01:00', kind: 'ticket', level: 3 });
  });
}
