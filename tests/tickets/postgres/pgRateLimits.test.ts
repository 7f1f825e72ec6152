// Limits that hold across instances: counters in the shared database.
import { expect } from 'chai';
import { createTrafficLimiter } from '../../../bot/trafficLimits.js';
import { createSignInLimiter } from '../../../staff/signInLimiter.js';
import { pgLimiters } from '../../../tickets/postgres/pgRateLimits.js';
import { usePostgres } from '../../helpers/postgres.js';

describe('rate limits on PostgreSQL, shared by every instance', () => {
  const db = usePostgres('TRUNCATE rate_limits');

  it('refuses the sixth sign-in attempt for an account and address, wherever the attempts landed', async () => {
    // Two instances behind a load balancer, each with its own pool and limiter.
    const a = createSignInLimiter(undefined, pgLimiters(db.pool()));
    const b = createSignInLimiter(undefined, pgLimiters(db.pool()));
    for (let i = 0; i < 5; i++) {
      const instance = i % 2 ? a : b;
      expect(await instance.admit('anne@example.com', '203.0.113.7')).to.deep.equal({ ok: true });
      await instance.failed('anne@example.com', '203.0.113.7');
    }
    const refused = await a.admit('anne@example.com', '203.0.113.7');
    expect(refused.ok).to.equal(false);
    expect((await b.admit('anne@example.com', '198.51.100.66')).ok, 'another address is not refused').to.equal(true);
  });

  it('admits at most five of thirty concurrent attempts spread over two instances', async () => {
    const a = createSignInLimiter(undefined, pgLimiters(db.pool()));
    const b = createSignInLimiter(undefined, pgLimiters(db.pool()));
    const admitted = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).admit('sam@example.com', '203.0.113.9')));
    expect(admitted.filter((x) => x.ok)).to.have.length(5);
  });

  it('counts a conversation\'s messages across instances', async () => {
    const a = createTrafficLimiter({ startsPerHour: 60, messagesPerMinute: 3, helpPerMinute: 30 }, pgLimiters(db.pool()));
    const b = createTrafficLimiter({ startsPerHour: 60, messagesPerMinute: 3, helpPerMinute: 30 }, pgLimiters(db.pool()));
    const results = [await a.message('conv-1'), await b.message('conv-1'), await a.message('conv-1'), await b.message('conv-1')];
    expect(results.map((r) => r.ok)).to.deep.equal([true, true, true, false]);
    expect((await a.message('conv-2')).ok).to.equal(true);
  });
});
