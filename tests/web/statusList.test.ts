// The staff pages have their own copy of the request statuses (the browser cannot import
// tickets/types.ts): their types keep each label table complete (tsconfig.browser.json), and this
// keeps the lists the same as the one list in tickets/types.ts, in its order.
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DUE_STATES } from '../../staff/requestDue.js';
import { REQUEST_PRIORITIES, REQUEST_STATUSES } from '../../tickets/types.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

const asset = (name: string) => readFile(path.join(PROJECT_ROOT, 'web/staff/assets', name), 'utf8');
/** The keys of the object literal assigned to `name` in a script. */
const keysOf = (script: string, name: string) => {
  const literal = new RegExp(`const ${name} = \\{([^}]*)\\}`).exec(script)?.[1] ?? '';
  return [...literal.matchAll(/'?([\w-]+)'?\s*:/g)].map((m) => m[1]);
};

describe('the request statuses in the staff pages', () => {
  it('lists the statuses of tickets/types.ts, in the same order', async () => {
    const list = /export const STATUSES = \[([^\]]*)\]/.exec(await asset('dom.js'))?.[1] ?? '';
    expect([...list.matchAll(/'([\w-]+)'/g)].map((m) => m[1])).to.deep.equal([...REQUEST_STATUSES]);
  });

  it('has a label for each and a next status for each', async () => {
    expect(keysOf(await asset('dom.js'), 'STATUS_KEYS')).to.have.members([...REQUEST_STATUSES]);
    expect(keysOf(await asset('requestDetails.js'), 'NEXT')).to.have.members([...REQUEST_STATUSES]);
  });
});

describe('the request priorities and due states in the staff pages', () => {
  it('lists the priorities of tickets/types.ts, in the same order, each with a label', async () => {
    const script = await asset('requestWork.js');
    const list = /export const PRIORITIES = \[([^\]]*)\]/.exec(script)?.[1] ?? '';
    expect([...list.matchAll(/'([\w-]+)'/g)].map((m) => m[1])).to.deep.equal([...REQUEST_PRIORITIES]);
    expect(keysOf(script, 'PRIORITY_KEYS')).to.have.members([...REQUEST_PRIORITIES]);
  });

  it('labels every due state of staff/requestDue.ts', async () => {
    expect(keysOf(await asset('requestWork.js'), 'DUE_KEYS')).to.have.members([...DUE_STATES]);
  });
});
