import { expect } from 'chai';
import { repeatedFailures } from '../../dialogs/repeatedFailures.js';
import { memoryLog } from '../helpers/conversation.js';

describe('failures of best-effort writes in the log', () => {
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  it('logs the first of a kind, counts the same ones for a minute, then logs again with the count', () => {
    const log = memoryLog();
    let clock = 0;
    const failed = repeatedFailures(log, { now: () => clock });
    failed('transcript', full, 'conv-1');
    for (let i = 0; i < 500; i++) failed('transcript', full, `conv-${i}`);
    failed('answer shown', full, 'conv-2'); // another kind: its own first line
    clock = 59_999;
    failed('transcript', full, 'conv-3');
    clock = 60_000;
    failed('transcript', full, 'conv-4');
    expect(log.lines.map((l) => [l.msg, (l.obj as { sameFailuresSinceLastLine?: number }).sameFailuresSinceLastLine])).to.deep.equal([
      ['transcript not recorded', undefined],
      ['answer shown not recorded', undefined],
      ['transcript not recorded', 501],
    ]);
  });

  it('tells a different error of the same write apart', () => {
    const log = memoryLog();
    const failed = repeatedFailures(log, { now: () => 0 });
    failed('transcript', full, 'conv-1');
    failed('transcript', Object.assign(new Error('read-only file system'), { code: 'EROFS' }), 'conv-1');
    expect(log.lines).to.have.length(2);
  });
});
