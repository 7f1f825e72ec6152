import { expect } from 'chai';
import { createKeyedQueue } from '../../tickets/keyedQueue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('jobs queued per key', () => {
  it('runs the jobs of one key one after the other, and other keys meanwhile', async () => {
    const queue = createKeyedQueue();
    const seen: string[] = [];
    const job = (name: string) => async () => {
      seen.push(`${name} starts`);
      await tick();
      seen.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([queue.run('a', job('a1')), queue.run('a', job('a2')), queue.run('b', job('b1'))]);
    expect(results).to.deep.equal(['a1', 'a2', 'b1']);
    expect(seen.indexOf('a2 starts')).to.be.greaterThan(seen.indexOf('a1 ends'));
    expect(seen.indexOf('b1 starts')).to.be.lessThan(seen.indexOf('a1 ends'));
  });

  it('goes on after a failed job, and says a key is busy only while it has jobs', async () => {
    const queue = createKeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('a', async () => 'written');
    expect(queue.busy('a')).to.equal(true);
    expect(await failed.catch((err: Error) => err.message)).to.equal('disk full');
    expect(await next).to.equal('written');
    await tick();
    expect(queue.busy('a')).to.equal(false);
  });
});
