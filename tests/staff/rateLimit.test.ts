import { expect } from 'chai';
import { createRateLimiter } from '../../staff/rateLimit.js';

describe('the sign-in rate limit', () => {
  let at = Date.parse('2026-11-23T09:00:00Z');
  const clock = () => new Date(at);
  beforeEach(() => {
    at = Date.parse('2026-11-23T09:00:00Z');
  });

  it('allows five failures, then refuses for what remains of the 15 minutes', () => {
    const limiter = createRateLimiter({ now: clock });
    for (let i = 0; i < 5; i++) {
      expect(limiter.check(['email:anne@example.com'])).to.deep.equal({ limited: false });
      limiter.fail(['email:anne@example.com']);
      at += 60_000;
    }
    // First failure at 09:00, now 09:05: it ages out at 09:15.
    expect(limiter.check(['email:anne@example.com'])).to.deep.equal({ limited: true, retryAfterSeconds: 600 });
    at = Date.parse('2026-11-23T09:15:00Z');
    expect(limiter.check(['email:anne@example.com']).limited).to.equal(false);
  });

  it('limits on any of the keys: the same IP trying many emails is stopped too', () => {
    const limiter = createRateLimiter({ now: clock });
    for (let i = 0; i < 5; i++) limiter.fail([`email:user${i}@example.com`, 'ip:203.0.113.7']);
    expect(limiter.check(['email:new@example.com', 'ip:203.0.113.7']).limited).to.equal(true);
    expect(limiter.check(['email:new@example.com', 'ip:198.51.100.1']).limited).to.equal(false);
  });

  it('forgets a key after a successful sign-in', () => {
    const limiter = createRateLimiter({ now: clock, limit: 2 });
    limiter.fail(['email:a@example.com']);
    limiter.fail(['email:a@example.com']);
    limiter.reset(['email:a@example.com']);
    expect(limiter.check(['email:a@example.com']).limited).to.equal(false);
  });

  it('remembers a bounded number of keys', () => {
    const limiter = createRateLimiter({ now: clock, limit: 1, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) limiter.fail([key]);
    expect(limiter.check(['a']).limited).to.equal(false);
    expect(limiter.check(['d']).limited).to.equal(true);
  });
});
