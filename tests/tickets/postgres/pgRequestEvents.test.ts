import { expect } from 'chai';
import { backfillRequestSearch } from '../../../tickets/postgres/pgRequestStore.js';
import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { sampleTicket } from '../helpers.js';
import { requestEventsContract } from '../requestEventsContract.js';

describe('request changes and their events on PostgreSQL, between instances', () => {
  const db = usePostgres('TRUNCATE requests, request_events; ALTER SEQUENCE request_number_l1 RESTART; ALTER SEQUENCE request_number_l2 RESTART');
  // Each call a new pool: a second instance of the bot on the same database.
  requestEventsContract((now) => createPgStore(db.pool(), { now }));
});

describe('the outbox shared by two instances on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE requests, request_events; ALTER SEQUENCE request_number_l1 RESTART');

  it('hands each event to one instance only, however many claim at once', async () => {
    const instances = [createPgStore(db.pool()), createPgStore(db.pool())];
    for (let i = 0; i < 30; i++) await instances[i % 2]!.createTicket(sampleTicket());
    const at = new Date(Date.now() + 1000);
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => instances[i % 2]!.outbox.claim(at, 7, 60_000)));
    const ids = claims.flat().map((p) => p.event.id);
    expect(ids).to.have.length(30);
    expect(new Set(ids).size, 'no event given twice').to.equal(30);
  });
});

describe('requests stored before the inbox search (migration 0012)', () => {
  const db = usePostgres('TRUNCATE requests, request_events; ALTER SEQUENCE request_number_l1 RESTART');

  it('are given their search text at start, and found', async () => {
    const store = createPgStore(db.shared());
    const { reference } = await store.createTicket(sampleTicket({ reason: 'Licence expirée sur le serveur TSE' }));
    await db.shared().query('UPDATE requests SET search = NULL');
    expect((await store.pageRequests({ q: 'licence expiree' }, {})).total, 'not searchable yet').to.equal(0);
    expect(await backfillRequestSearch(db.shared(), 1)).to.equal(1);
    expect((await store.pageRequests({ q: 'licence expiree' }, {})).requests.map((r) => r.reference)).to.deep.equal([reference]);
  });
});

describe('the outbox and the retention purge on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE requests, request_events; ALTER SEQUENCE request_number_l1 RESTART');

  it('forgets delivered events older than the cutoff, keeps the pending ones', async () => {
    const store = createPgStore(db.shared());
    const first = await store.createTicket(sampleTicket());
    await store.createTicket(sampleTicket());
    const [done] = await store.outbox.claim(new Date(Date.now() + 1000), 1, 60_000);
    await store.outbox.finish(done!.event.id);
    expect(done!.event.reference).to.equal(first.reference);
    const purged = await store.purgeBefore(new Date(Date.now() + 60_000));
    expect(purged.records).to.equal(1);
    const { rows } = await db.shared().query<{ n: string }>('SELECT count(*) AS n FROM request_events');
    expect(Number(rows[0]!.n), 'the pending one stays').to.equal(1);
  });
});
