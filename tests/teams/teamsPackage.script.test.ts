import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { BOT_ID, jsonEntry, zipEntries } from './helpers.js';

const root = resolve(import.meta.dirname, '..', '..');

function run(env: Record<string, string>, outFile: string) {
  return spawnSync('npm', ['run', '--silent', 'teams:package', '--', '--out', outFile], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run teams:package', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scriba-teams-script-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the package for the MicrosoftAppId of the environment', () => {
    const out = join(dir, 'app.zip');
    const result = run({ MicrosoftAppId: BOT_ID, PUBLIC_HOSTNAME: 'bot.contoso.com' }, out);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include(`wrote ${out} (manifest.json, color.png, outline.png, fr.json)`);
    expect(jsonEntry(zipEntries(out), 'manifest.json').bots).to.have.nested.property('[0].botId', BOT_ID);
  });

  it('exits 1 with a clear message, and writes nothing, when MicrosoftAppId is not a GUID', () => {
    const out = join(dir, 'app.zip');
    const result = run({ MicrosoftAppId: 'scriba-bot' }, out);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include("MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, the Microsoft App ID of the Azure Bot (got 'scriba-bot')");
    expect(existsSync(out)).to.equal(false);
  });
});
