import { expect } from 'chai';
import { dropOver, use } from '../../tickets/recentlyUsed.js';

describe('maps kept in the order of use', () => {
  it('drops the least recently used over the bound, passing over those to keep, and says which', () => {
    const open = new Map([['jan', 1], ['feb', 2], ['mar', 3]]);
    use(open, 'jan', 10); // used again: now the most recent
    use(open, 'apr', 4);
    const closed: number[] = [];
    dropOver(open, 2, { keep: (month) => month === 'feb', dropped: (fd) => closed.push(fd) });
    expect([...open.keys()]).to.deep.equal(['feb', 'apr']);
    expect(closed).to.deep.equal([3, 10]);
  });

  it('keeps more than the bound when every other entry must stay', () => {
    const pinned = new Map([['a', 1], ['b', 2], ['c', 3]]);
    dropOver(pinned, 1, { keep: () => true });
    expect(pinned.size).to.equal(3);
  });
});
