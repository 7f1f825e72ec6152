// The typed-conversation suite (tests/conversations/typed/*.yaml, format in README.md next to it):
// conversations as customers type them, each run against the real bot on the bundled KB, every
// expected act and the outcome checked. The held-out set is measured by `npm run bench:conversation`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { loadConversations, runConversation } from '../../bench/conversationRunner.js';
import { bundled, bundledControl, PROJECT_ROOT } from '../helpers/bundledKb.js';

const DIR = path.join(PROJECT_ROOT, 'tests/conversations/typed');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()) {
  describe(`typed conversations: ${file}`, function () {
    this.timeout(30_000);
    for (const conversation of loadConversations(path.join(DIR, file))) {
      it(conversation.id, async () => {
        const { kb, matcher } = await bundled();
        const report = await runConversation(conversation, { kb, matcher, control: await bundledControl() });
        const transcript = report.turns.map((t) => `you> ${t.user}\n${t.replies.map((r) => `bot> ${r.text.replace(/\s+/g, ' ').slice(0, 160)}${r.buttons.length ? ` [${r.buttons.join('] [')}]` : ''}`).join('\n')}`).join('\n');
        expect(report.failures, `${report.failures.join('\n')}\n\n${transcript}`).to.deep.equal([]);
      });
    }
  });
}
