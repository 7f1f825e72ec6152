import { expect } from 'chai';
import { ETagConflictError } from '../../../tickets/keyValueStore.js';
import { migrate } from '../../../tickets/postgres/migrate.js';
import { createPgKeyValueStore } from '../../../tickets/postgres/pgKeyValueStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { keyValueContract } from '../keyValueContract.js';

describe('conversation state on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE conversation_state');
  const pool = () => db.shared();
  keyValueContract(() => createPgKeyValueStore(pool()));

  it('lets one of two instances win a race on the same conversation, and refuses the other', async () => {
    // Two bot instances behind a load balancer, each with its own pool, both read the same state.
    const a = createPgKeyValueStore(db.pool());
    const b = createPgKeyValueStore(db.pool());
    const key = 'msteams/conversations/19:race@thread.v2';
    await a.write({ [key]: { step: 'email' } });
    const readA = (await a.read([key]))[key] as { eTag: string };
    const readB = (await b.read([key]))[key] as { eTag: string };
    const results = await Promise.allSettled([a.write({ [key]: { ...readA, step: 'phone' } }), b.write({ [key]: { ...readB, step: 'summary' } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).to.be.instanceOf(ETagConflictError);
    const winner = results[0]!.status === 'fulfilled' ? 'phone' : 'summary';
    expect((await b.read([key]))[key]).to.deep.include({ step: winner });
  });

  it('applies its migrations once, however many instances start', async () => {
    const again = await Promise.all([migrate(db.pool()), migrate(db.pool())]);
    expect(again).to.deep.equal([[], []]);
    const { rows } = await db.pool().query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).to.include('0001_conversation_state');
  });
});
