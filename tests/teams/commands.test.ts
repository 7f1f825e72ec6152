// The command menu Teams shows (manifest and French file) must list commands the bot understands:
// picking one sends its title as the message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { bundledControl } from '../helpers/bundledKb.js';
import { TEAMS_DIR } from '../../teams/package.js';

interface Command {
  title: string;
}
const manifest: { bots: Array<{ commandLists: Array<{ commands: Command[] }> }> } = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8'));
const fr: Record<string, string> = JSON.parse(readFileSync(join(TEAMS_DIR, 'fr.json'), 'utf8'));
const commands = manifest.bots[0]?.commandLists[0]?.commands ?? [];
const expected = ['help', 'human', 'status', 'cancel'];

describe('the bot commands Teams offers', () => {
  it('are help, talk to a human, where is my ticket and cancel', async () => {
    const control = await bundledControl();
    expect(commands.map((c) => control.classify(c.title, 'en').intent)).to.deep.equal(expected);
  });

  it('are understood in French too', async () => {
    const control = await bundledControl();
    const titles = commands.map((_, i) => fr[`bots[0].commandLists[0].commands[${i}].title`] ?? '(untranslated)');
    expect(titles.map((t) => control.classify(t, 'fr').intent)).to.deep.equal(expected);
  });
});
