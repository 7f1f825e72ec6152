import { expect } from 'chai';
import { createPgRequestStore } from '../../../tickets/postgres/pgRequestStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { requestContract } from '../requestContract.js';
import { clockAt, sampleTicket } from '../helpers.js';

describe('tickets and callback requests on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE requests, request_events; ALTER SEQUENCE request_number_l1 RESTART; ALTER SEQUENCE request_number_l2 RESTART');
  const pool = () => db.shared();
  requestContract((now) => createPgRequestStore(pool(), { timeZone: 'Europe/Paris', now }));

  it('never gives one reference to two customers when two instances create at once', async () => {
    // Two bot instances behind a load balancer, each with its own pool, one shared database.
    const a = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:05:09Z') });
    const b = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:05:09Z') });
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).createTicket(sampleTicket({ conversationId: `conv-${i}` }))));
    expect(new Set(made.map((t) => t.reference)).size).to.equal(40);
    expect((await a.pageRequests({}, { limit: 1 })).total).to.equal(40);
  });

  it('gives a retried activity the same request on whichever instance it lands', async () => {
    const a = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:05:09Z') });
    const b = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:05:10Z') });
    const key = 'conv-1|activity-9';
    const [first, second] = await Promise.all([a.createTicket(sampleTicket({ requestKey: key })), b.createTicket(sampleTicket({ requestKey: key }))]);
    expect(second.reference).to.equal(first.reference);
    expect((await a.pageRequests({}, {})).total).to.equal(1);
  });

  it('keeps both of two status changes made at once by two staff members', async () => {
    const a = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:05:09Z') });
    const b = createPgRequestStore(db.pool(), { timeZone: 'Europe/Paris', now: clockAt('2026-11-23T13:06:00Z') });
    const { reference } = await a.createTicket(sampleTicket());
    await Promise.all([a.updateStatus(reference, 'in-progress', 'je prends', 'agent.durand'), b.updateStatus(reference, 'in-progress', 'moi aussi', 'agent.martin')]);
    const found = await a.findByReference(reference);
    expect(found?.statusHistory.map((c) => c.by ?? '-').sort()).to.deep.equal(['-', 'agent.durand', 'agent.martin']);
  });
});
