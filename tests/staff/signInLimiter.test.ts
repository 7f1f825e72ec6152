// The sign-in limits: counted before the password check, per account and address, per address,
// and an account attacked from many addresses slowed down rather than locked.
import { expect } from 'chai';
import { createSignInLimiter, DEFAULT_SIGN_IN_LIMITS } from '../../staff/signInLimiter.js';

const quick = { ...DEFAULT_SIGN_IN_LIMITS, windowSeconds: 1, slowedSpacingSeconds: 1 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the sign-in limits', () => {
  it('admit five attempts per account and address, then say how long to wait, then admit again', async function () {
    this.timeout(5_000);
    const limiter = createSignInLimiter(quick);
    for (let i = 0; i < 5; i++) {
      expect(await limiter.admit('anne@example.com', '203.0.113.7')).to.deep.equal({ ok: true });
      await limiter.failed('anne@example.com', '203.0.113.7');
    }
    const refused = await limiter.admit('anne@example.com', '203.0.113.7');
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.retryAfterSeconds).to.equal(1);
    await wait(1_100);
    expect((await limiter.admit('anne@example.com', '203.0.113.7')).ok).to.equal(true);
  });

  it('admit at most five of thirty concurrent attempts: the count comes before the password check', async () => {
    const limiter = createSignInLimiter();
    const admitted = await Promise.all(Array.from({ length: 30 }, () => limiter.admit('anne@example.com', '203.0.113.7')));
    expect(admitted.filter((a) => a.ok)).to.have.length(5);
  });

  it('never lock the owner out because someone else failed on their account', async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 10; i++) {
      await limiter.admit('anne@example.com', '198.51.100.66');
      await limiter.failed('anne@example.com', '198.51.100.66');
    }
    expect((await limiter.admit('anne@example.com', '203.0.113.7')).ok).to.equal(true);
  });

  it('stop one address trying many accounts', async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 30; i++) {
      expect((await limiter.admit(`user${i}@example.com`, '198.51.100.66')).ok).to.equal(true);
      await limiter.failed(`user${i}@example.com`, '198.51.100.66');
    }
    expect((await limiter.admit('new@example.com', '198.51.100.66')).ok).to.equal(false);
    expect((await limiter.admit('new@example.com', '203.0.113.7')).ok).to.equal(true);
  });

  it('space the attempts on an account failed from many addresses, which the owner then waits out', async function () {
    this.timeout(5_000);
    const limiter = createSignInLimiter(quick);
    for (let i = 0; i < 20; i++) {
      await limiter.admit('anne@example.com', `198.51.100.${i}`);
      await limiter.failed('anne@example.com', `198.51.100.${i}`);
    }
    expect((await limiter.admit('anne@example.com', '192.0.2.1')).ok, 'the first attempt after the failures').to.equal(true);
    const next = await limiter.admit('anne@example.com', '192.0.2.2');
    expect(next).to.deep.equal({ ok: false, retryAfterSeconds: 1 });
    await wait(1_100);
    expect((await limiter.admit('anne@example.com', '203.0.113.7')).ok, 'the owner, half a minute later').to.equal(true);
    await limiter.succeeded('anne@example.com', '203.0.113.7');
    expect((await limiter.admit('anne@example.com', '203.0.113.8')).ok).to.equal(true);
  });
});
