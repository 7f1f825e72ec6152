// The chat page has its own copy of the file limits (the browser cannot import
// tickets/filePolicy.ts): this keeps the two the same, so the picker offers what the server keeps
// and the page leaves out what the server would refuse.
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE } from '../../tickets/filePolicy.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

const chatScript = () => readFile(path.join(PROJECT_ROOT, 'web/assets/chat.js'), 'utf8');
/** The value of `const name = a * b * c;` in the script. */
const product = (script: string, name: string) =>
  (new RegExp(`const ${name} = ([\\d\\s*]+);`).exec(script)?.[1] ?? '0').split('*').reduce((p, f) => p * Number(f.trim()), 1);

describe('the file limits in the chat page', () => {
  it('are the server\'s: 10 MB a file, 5 files a message', async () => {
    const script = await chatScript();
    expect(product(script, 'MAX_FILE_BYTES')).to.equal(MAX_FILE_BYTES);
    expect(product(script, 'MAX_FILES_PER_MESSAGE')).to.equal(MAX_FILES_PER_MESSAGE);
  });

  it('offers in the picker exactly the extensions the server keeps', async () => {
    const list = /const ACCEPTED_EXTENSIONS = \[([^\]]*)\]/.exec(await chatScript())?.[1] ?? '';
    expect([...list.matchAll(/'(\w+)'/g)].map((m) => m[1])).to.have.members([...ACCEPTED_EXTENSIONS]);
  });
});
