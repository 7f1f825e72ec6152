// What every backend of tickets and callback requests does (the embedded files and PostgreSQL).
import { expect } from 'chai';
import type { RequestStore } from '../../tickets/postgres/pgRequestStore.js';
import { InvalidRecordError } from '../../tickets/schemas.js';
import type { NewCallback } from '../../tickets/types.js';
import { clockAt, clockReading, sampleCallback, sampleTicket, unchecked } from './helpers.js';

async function expectInvalid(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
    expect.fail('expected an InvalidRecordError');
  } catch (err) {
    expect(err).to.be.instanceOf(InvalidRecordError);
    expect((err as Error).message).to.match(pattern);
  }
}

/** `open(now)`: the store with that clock, as a restarted process would see it. Each test starts empty. */
export function requestContract(open: (now: () => Date) => RequestStore): void {
  const storeAt = (iso: string) => open(clockAt(iso));

  it('finds a ticket with all its fields after the store is reopened', async () => {
    const created = await storeAt('2026-11-23T13:05:09Z').createTicket(sampleTicket());
    const found = await storeAt('2026-11-23T14:00:00Z').findByReference(created.reference);
    expect(found).to.deep.equal({
      ...sampleTicket(),
      kind: 'ticket',
      reference: 'L1-20261123-0001',
      createdAt: '2026-11-23T14:05:09+01:00',
      status: 'open',
      statusHistory: [{ status: 'open', at: '2026-11-23T14:05:09+01:00' }],
    });
  });

  it('keeps where to write to the customer (a Teams conversation reference) with the request', async () => {
    const address = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: 'a:1Xq9…personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', conversationType: 'personal' },
      bot: { id: '28:4f2c…', name: 'Scriba' },
      user: { id: '29:1Ab…', name: 'Claire Dubois', aadObjectId: '6f1a3c0e-1111-2222-3333-444455556666' },
      locale: 'fr-FR',
    };
    const created = await storeAt('2026-11-23T13:05:09Z').createTicket({ ...sampleTicket(), address });
    expect((await storeAt('2026-11-23T14:00:00Z').findByReference(created.reference))?.address).to.deep.equal(address);
  });

  it('dates the reference in Paris: 23:30 UTC on the 23rd is already the 24th', async () => {
    const ticket = await storeAt('2026-11-23T23:30:00Z').createTicket(sampleTicket());
    expect(ticket.reference).to.equal('L1-20261124-0001');
    expect(ticket.createdAt).to.equal('2026-11-24T00:30:00+01:00');
  });

  it('books a callback under an L2 reference and keeps the slot and the consent', async () => {
    const callback = await storeAt('2026-11-23T13:05:09Z').createCallback(sampleCallback());
    expect(callback.reference).to.equal('L2-20261123-0001');
    const found = await storeAt('2026-11-23T13:06:00Z').findByReference('l2 20261123 1');
    expect(found).to.deep.include({ kind: 'callback', consent: true, slot: sampleCallback().slot, timeZone: 'Europe/Paris' });
  });

  it('refuses a callback without consent or with a phone number not in E.164 form', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    await expectInvalid(store.createCallback(unchecked<NewCallback>({ ...sampleCallback(), consent: false })), /consent/);
    await expectInvalid(store.createCallback(sampleCallback({ contact: { phone: '06 12 34 56 78' } })), /E\.164/);
    expect(await store.listRequests()).to.deep.equal([]);
  });

  it('finds a reference however the user typed it, and nothing for an unknown one', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    await store.createTicket(sampleTicket());
    expect((await store.findByReference('my ticket is l1-20261123-1'))?.reference).to.equal('L1-20261123-0001');
    expect(await store.findByReference('L1-20261123-0002')).to.equal(undefined);
    expect(await store.findByReference('L1-20250101-0001')).to.equal(undefined);
    expect(await store.findByReference('hello')).to.equal(undefined);
  });

  it('never reuses a number after a restart', async () => {
    await storeAt('2026-11-23T10:00:00Z').createTicket(sampleTicket());
    await storeAt('2026-11-23T10:00:00Z').createTicket(sampleTicket());
    const third = await storeAt('2026-11-24T10:00:00Z').createTicket(sampleTicket());
    expect(third.reference).to.equal('L1-20261124-0003');
  });

  it('gives twenty concurrent tickets twenty references, and all twenty are kept', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    const tickets = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createTicket(sampleTicket({ conversationId: `conv-${i}` }))));
    const references = tickets.map((t) => t.reference);
    expect(new Set(references).size).to.equal(20);

    const reopened = storeAt('2026-11-23T14:00:00Z');
    for (const ticket of tickets) expect(await reopened.findByReference(ticket.reference)).to.deep.equal(ticket);
    expect(await reopened.listRequests()).to.have.length(20);
  });

  it('gives a retried creation (same request key) the same request, not a second one', async () => {
    const store = storeAt('2026-11-23T10:00:00Z');
    const first = await store.createTicket(sampleTicket({ requestKey: 'conv-1|activity-9' }));
    const again = await storeAt('2026-11-23T10:00:05Z').createTicket(sampleTicket({ requestKey: 'conv-1|activity-9' }));
    expect(again.reference).to.equal(first.reference);
    expect(await store.listRequests()).to.have.length(1);
    const other = await store.createTicket(sampleTicket({ requestKey: 'conv-1|activity-10' }));
    expect(other.reference).to.not.equal(first.reference);
  });

  it('records each status change with its time, note and author', async () => {
    const clock = clockReading('2026-11-23T13:05:09Z', '2026-11-23T15:00:00Z', '2026-11-24T09:12:00Z');
    const store = open(clock);
    const { reference } = await store.createTicket(sampleTicket());
    await store.updateStatus(reference, 'in-progress', 'Lien renvoyé', 'agent.durand');
    const updated = await store.updateStatus(reference, 'resolved');
    expect(updated?.status).to.equal('resolved');

    const reopened = await storeAt('2026-11-25T00:00:00Z').findByReference(reference);
    expect(reopened?.status).to.equal('resolved');
    // Each change carries the id of its event (what the notifications were told).
    expect(reopened?.statusHistory.map(({ id, ...change }) => ({ ...change, event: typeof id }))).to.deep.equal([
      { status: 'open', at: '2026-11-23T14:05:09+01:00', event: 'undefined' },
      { status: 'in-progress', at: '2026-11-23T16:00:00+01:00', note: 'Lien renvoyé', by: 'agent.durand', event: 'string' },
      { status: 'resolved', at: '2026-11-24T10:12:00+01:00', event: 'string' },
    ]);
  });

  it('refuses a status that does not exist', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    const { reference } = await store.createTicket(sampleTicket());
    await expectInvalid(store.updateStatus(reference, unchecked('done')), /status/);
  });

  it('does not let a caller change a stored ticket through the object it got back', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    const ticket = await store.createTicket(sampleTicket());
    ticket.contact.email = 'changed@example.com';
    expect((await store.findByReference(ticket.reference))?.contact.email).to.equal('elodie.marchand@exemple.fr');
  });


  it('pages newest first, filtered, with the total of every match', async () => {
    const clock = clockReading('2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z', '2026-11-24T09:00:00Z');
    const store = open(clock);
    const a = await store.createTicket(sampleTicket());
    const b = await store.createCallback(sampleCallback());
    const c = await store.createTicket(sampleTicket({ level: 3, language: 'en' }));
    const d = await store.createTicket(sampleTicket());
    const all = await store.pageRequests({}, { offset: 1, limit: 2 });
    expect(all.total).to.equal(4);
    expect(all.requests.map((r) => r.reference)).to.deep.equal([c.reference, b.reference]);
    expect((await store.listRequests({ kind: 'ticket' })).map((r) => r.reference)).to.deep.equal([d.reference, c.reference, a.reference]);
    expect((await store.listRequests({ level: 3 })).map((r) => r.reference)).to.deep.equal([c.reference]);
    expect((await store.listRequests({ level: 2, language: 'en' })).map((r) => r.reference)).to.deep.equal([b.reference]);
    expect((await store.listRequests({ from: '2026-11-23T10:00:00Z', to: '2026-11-24T00:00:00Z' })).map((r) => r.reference)).to.deep.equal([c.reference, b.reference]);
    await store.updateStatus(a.reference, 'resolved');
    expect((await store.pageRequests({ status: 'resolved' }, {})).total).to.equal(1);
  });
}
