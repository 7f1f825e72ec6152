import { expect } from 'chai';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { clockReading, sampleCallback, sampleTicket, useTempDataDir } from './helpers.js';

describe('listing requests for staff', () => {
  const dirs = useTempDataDir();
  let store: HelpdeskStore;

  beforeEach(async () => {
    const writer = createLowdbStore({
      dataDir: dirs.dataDir(),
      now: clockReading('2026-10-31T22:30:00Z', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z', '2026-11-24T08:00:00Z'),
    });
    await writer.createTicket(sampleTicket()); //                          L1-20261031-0001, last day of October
    await writer.createTicket(sampleTicket({ level: 3, language: 'en' })); // L1-20261123-0002
    await writer.createTicket(sampleTicket({ level: 4 })); //             L1-20261123-0003, same second
    await writer.createCallback(sampleCallback()); //                     L2-20261124-0001
    store = createLowdbStore({ dataDir: dirs.dataDir() });
  });

  const references = async (filter?: Parameters<HelpdeskStore['listRequests']>[0]) =>
    (await store.listRequests(filter)).map((r) => r.reference);

  it('lists every request across months, newest first', async () => {
    expect(await references()).to.deep.equal(['L2-20261124-0001', 'L1-20261123-0003', 'L1-20261123-0002', 'L1-20261031-0001']);
  });

  it('filters by kind, queue level, language and status', async () => {
    expect(await references({ kind: 'callback' })).to.deep.equal(['L2-20261124-0001']);
    expect(await references({ level: 2 })).to.deep.equal(['L2-20261124-0001']);
    expect(await references({ level: 4 })).to.deep.equal(['L1-20261123-0003']);
    expect(await references({ kind: 'ticket', language: 'en' })).to.deep.equal(['L1-20261123-0002']);
    await store.updateStatus('L1-20261031-0001', 'closed');
    expect(await references({ status: 'closed' })).to.deep.equal(['L1-20261031-0001']);
    expect(await references({ status: 'open' })).to.have.length(3);
  });

  it('takes a time range with `from` included and `to` left out', async () => {
    expect(await references({ from: '2026-11-23T10:00:00+01:00', to: new Date('2026-11-24T08:00:00Z') }))
      .to.deep.equal(['L1-20261123-0003', 'L1-20261123-0002']);
    expect(await references({ to: '2026-11-01T00:00:00+01:00' })).to.deep.equal(['L1-20261031-0001']);
  });

  it('refuses a time it cannot read', async () => {
    try {
      await store.listRequests({ from: 'yesterday' });
      expect.fail('should have refused the range');
    } catch (err) {
      expect((err as Error).message).to.equal('from is not a valid time (got yesterday)');
    }
  });
});
