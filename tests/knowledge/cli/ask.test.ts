import { expect } from 'chai';
import { runScript } from '../../helpers/processes.js';

/** Runs `npm run ask -- args` the way staff do (node + tsx), feeding `stdin`. */
const ask = (args: string[], stdin = '') => runScript('knowledge/cli/ask.ts', args, { stdin });

describe('npm run ask', () => {
  it('prints one JSON line per question read from standard input', async () => {
    const { code, stdout } = await ask(['--json'], 'how do i reset my pasword\nrecette de crêpes\n\n🙂\n');
    expect(code).to.equal(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).to.have.length(3);
    for (const line of lines) {
      expect(line).to.include.keys('question', 'language', 'decision', 'matches');
      expect(['answer', 'clarify', 'none']).to.include(line.decision);
      for (const m of line.matches as Array<Record<string, unknown>>) {
        expect(m).to.have.all.keys('id', 'title', 'score');
        expect(m.score).to.be.within(0, 1);
      }
    }
    expect(lines[0]).to.deep.include({ question: 'how do i reset my pasword', language: 'en' });
    expect((lines[0]!.matches as Array<{ id: string }>)[0]!.id).to.equal('reset-password');
    expect(lines[1]).to.deep.include({ language: 'fr', decision: 'none' });
    expect(lines[2]).to.deep.include({ decision: 'none', matches: [] });
  });

  it('prints the decision, language and top three for a question given as an argument', async () => {
    const { code, stdout } = await ask(['mot de passe oublié']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^decision: answer$/m);
    expect(stdout).to.match(/^language: fr$/m);
    expect(stdout).to.match(/^1\. reset-password\s+\d\.\d{3}\s+Réinitialiser votre mot de passe$/m);
    expect(stdout.match(/^\d\. /gm)).to.have.length(3);
  });

  it('refuses a broken knowledge folder with its problems', async () => {
    const { code, stderr } = await ask(['--kb', 'no-such-folder', 'hello']);
    expect(code).to.equal(1);
    expect(stderr).to.match(/no-such-folder\/articles:1: articles folder is missing/);
  });
});
