import { expect } from 'chai';
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
