import { expect } from 'chai';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { InvalidRecordError } from '../../tickets/schemas.js';
import type { NewCallback } from '../../tickets/types.js';
import { clockAt, clockReading, filesUnder, sampleCallback, sampleTicket, unchecked, useTempDataDir } from './helpers.js';

describe('tickets and callback requests on disk', () => {
  const dirs = useTempDataDir();
  const storeAt = (iso: string) => createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt(iso) });

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

  it('dates the reference in Paris: 23:30 UTC on the 23rd is already the 24th', async () => {
    const ticket = await storeAt('2026-11-23T23:30:00Z').createTicket(sampleTicket());
    expect(ticket.reference).to.equal('L1-20261124-0001');
    expect(ticket.createdAt).to.equal('2026-11-24T00:30:00+01:00');
  });

  it('files requests by the month of their reference, one file per month', async () => {
    await storeAt('2026-11-23T10:00:00Z').createTicket(sampleTicket());
    await storeAt('2026-11-30T23:30:00Z').createCallback(sampleCallback()); // 1 December in Paris
    expect(await filesUnder(join(dirs.dataDir(), 'requests'))).to.deep.equal(['2026-11.jsonl', '2026-12.jsonl']);
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

  it('gives twenty concurrent tickets twenty references, and all twenty are on disk', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    const tickets = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createTicket(sampleTicket({ conversationId: `conv-${i}` }))));
    const references = tickets.map((t) => t.reference);
    expect(new Set(references).size).to.equal(20);

    const reopened = storeAt('2026-11-23T14:00:00Z');
    for (const ticket of tickets) expect(await reopened.findByReference(ticket.reference)).to.deep.equal(ticket);
    expect(await reopened.listRequests()).to.have.length(20);
  });

  it('moves a damaged month file aside, reports it, and keeps taking and finding new requests of that month', async () => {
    const file = join(dirs.dataDir(), 'requests', '2026-11.json');
    await mkdir(join(dirs.dataDir(), 'requests'), { recursive: true });
    await writeFile(file, '{"requests": [{"reference": "L1-20261123-0001"', 'utf8');
    const reports: string[] = [];
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T13:05:09Z'), report: (line) => reports.push(line) });
    // The counters file says 1 was given: the new ticket is 2, never a second 1.
    await writeFile(join(dirs.dataDir(), 'counters.json'), '{"L1": 1, "L2": 0}', 'utf8');
    const created = await store.createTicket(sampleTicket());
    expect(created.reference).to.equal('L1-20261123-0002');
    expect((await store.findByReference(created.reference))?.reference).to.equal(created.reference);
    expect((await store.listRequests()).map((r) => r.reference)).to.deep.equal([created.reference]);
    expect(reports.some((r) => r.includes(`${file} was damaged and moved to`))).to.equal(true);
    const aside = (await filesUnder(join(dirs.dataDir(), 'requests'))).filter((f) => f.includes('.damaged-'));
    expect(aside).to.have.length(1);
    expect(await readFile(join(dirs.dataDir(), 'requests', aside[0]!), 'utf8')).to.equal('{"requests": [{"reference": "L1-20261123-0001"');
  });

  it('skips a line cut short by a crash, says where, and keeps every complete request and the next ones', async () => {
    const store = storeAt('2026-11-23T10:00:00Z');
    const first = await store.createTicket(sampleTicket());
    const file = join(dirs.dataDir(), 'requests', '2026-11.jsonl');
    const { appendFile } = await import('node:fs/promises');
    await appendFile(file, '{"request": {"reference": "L1-20261123-00', 'utf8'); // a power cut mid-append
    const reports: string[] = [];
    const reopened = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T10:05:00Z'), report: (line) => reports.push(line) });
    const next = await reopened.createTicket(sampleTicket());
    expect(next.reference).to.equal('L1-20261123-0002');
    expect((await reopened.listRequests()).map((r) => r.reference)).to.deep.equal([next.reference, first.reference]);
    expect(reports.join('\n')).to.include(`${file}:2: `);
    // The next line starts on a line of its own: only the cut line is lost.
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).to.have.length(3);
  });

  it('never gives a reference twice when counters.json is deleted: it goes on from the highest stored', async () => {
    const store = storeAt('2026-11-23T10:00:00Z');
    await store.createTicket(sampleTicket());
    await store.createTicket(sampleTicket());
    await store.createCallback(sampleCallback());
    await rm(join(dirs.dataDir(), 'counters.json'));
    const restarted = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-24T10:00:00Z') });
    expect((await restarted.createTicket(sampleTicket())).reference).to.equal('L1-20261124-0003');
    expect((await restarted.createCallback(sampleCallback())).reference).to.equal('L2-20261124-0002');
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

  it('keeps every ticket when a crash left a half-written temp file in the requests folder', async () => {
    const ticket = await storeAt('2026-11-23T13:05:09Z').createTicket(sampleTicket());
    await writeFile(join(dirs.dataDir(), 'requests', '.2026-11.json.999.0badf00d.tmp'), '{"requests": [', 'utf8');
    const reopened = storeAt('2026-11-23T14:00:00Z');
    expect(await reopened.findByReference(ticket.reference)).to.deep.equal(ticket);
    expect((await reopened.listRequests()).map((r) => r.reference)).to.deep.equal([ticket.reference]);
  });

  it('records each status change with its time, note and author', async () => {
    const clock = clockReading('2026-11-23T13:05:09Z', '2026-11-23T15:00:00Z', '2026-11-24T09:12:00Z');
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clock });
    const { reference } = await store.createTicket(sampleTicket());
    await store.updateStatus(reference, 'in-progress', 'Lien renvoyé', 'agent.durand');
    const updated = await store.updateStatus(reference, 'resolved');
    expect(updated?.status).to.equal('resolved');

    const reopened = await storeAt('2026-11-25T00:00:00Z').findByReference(reference);
    expect(reopened?.status).to.equal('resolved');
    expect(reopened?.statusHistory).to.deep.equal([
      { status: 'open', at: '2026-11-23T14:05:09+01:00' },
      { status: 'in-progress', at: '2026-11-23T16:00:00+01:00', note: 'Lien renvoyé', by: 'agent.durand' },
      { status: 'resolved', at: '2026-11-24T10:12:00+01:00' },
    ]);
  });

  it('updates nothing and writes nothing for an unknown reference', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    expect(await store.updateStatus('L1-20261123-0009', 'closed')).to.equal(undefined);
    expect(await filesUnder(dirs.root())).to.deep.equal([]);
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

  it('refuses a time zone it does not know', () => {
    expect(() => createLowdbStore({ dataDir: dirs.dataDir(), timeZone: 'Europe/Pariss' })).to.throw(RangeError, /Europe\/Pariss/);
  });
});

async function expectInvalid(promise: Promise<unknown>, message: RegExp): Promise<void> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(InvalidRecordError);
    expect((err as Error).message).to.match(message);
    return;
  }
  expect.fail('expected the record to be refused');
}
