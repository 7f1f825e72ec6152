import { expect } from 'chai';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { requestContract } from './requestContract.js';
import { clockAt, filesUnder, sampleCallback, sampleTicket, useTempDataDir } from './helpers.js';

describe('tickets and callback requests on disk', () => {
  const dirs = useTempDataDir();
  const storeAt = (iso: string) => createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt(iso) });
  requestContract((now) => createLowdbStore({ dataDir: dirs.dataDir(), now }));

  it('files requests by the month of their reference, one file per month', async () => {
    await storeAt('2026-11-23T10:00:00Z').createTicket(sampleTicket());
    await storeAt('2026-11-30T23:30:00Z').createCallback(sampleCallback()); // 1 December in Paris
    expect(await filesUnder(join(dirs.dataDir(), 'requests'))).to.deep.equal(['2026-11.jsonl', '2026-12.jsonl']);
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

  it('keeps every ticket when a crash left a half-written temp file in the requests folder', async () => {
    const ticket = await storeAt('2026-11-23T13:05:09Z').createTicket(sampleTicket());
    await writeFile(join(dirs.dataDir(), 'requests', '.2026-11.json.999.0badf00d.tmp'), '{"requests": [', 'utf8');
    const reopened = storeAt('2026-11-23T14:00:00Z');
    expect(await reopened.findByReference(ticket.reference)).to.deep.equal(ticket);
    expect((await reopened.listRequests()).map((r) => r.reference)).to.deep.equal([ticket.reference]);
  });

  it('updates nothing and writes nothing for an unknown reference', async () => {
    const store = storeAt('2026-11-23T13:05:09Z');
    expect(await store.updateStatus('L1-20261123-0009', 'closed')).to.equal(undefined);
    expect(await filesUnder(dirs.root())).to.deep.equal([]);
  });

  it('refuses a time zone it does not know', () => {
    expect(() => createLowdbStore({ dataDir: dirs.dataDir(), timeZone: 'Europe/Pariss' })).to.throw(RangeError, /Europe\/Pariss/);
  });
});
