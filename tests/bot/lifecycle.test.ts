// The bot process as an operator runs it: one process per data folder, a health check that tells
// the truth, a stop that finishes the turns under way, temp files of a crash cleaned at start, and
// website chats that survive a restart.
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { channelMessage } from '../helpers/channelMessage.js';
import { startBot, type RunningBot } from '../helpers/processes.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';
import { tempDataDir } from '../helpers/conversation.js';

function exited(bot: RunningBot): Promise<number | null> {
  return new Promise((resolve) => (bot.child.exitCode !== null ? resolve(bot.child.exitCode) : bot.child.once('exit', (code) => resolve(code))));
}

/** Runs `bot/main.ts` to its end (a start that is refused), with its output. */
function runToEnd(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bot/main.ts')], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the bot process', function () {
  this.timeout(60_000);
  let dataDir = '';
  let bot: RunningBot | undefined;
  beforeEach(async () => {
    dataDir = await tempDataDir();
  });
  afterEach(() => {
    bot?.child.kill('SIGKILL');
    bot = undefined;
  });

  it('refuses to start on a data folder another process holds, and names that process', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    const second = await runToEnd({ DATA_DIR: dataDir });
    expect(second.code).to.equal(1);
    expect(second.output).to.match(new RegExp(`is in use by process ${bot.child.pid} on `));
  });

  it('answers /healthz and /readyz 200 when it can work, 503 when its data folder cannot be written', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
    expect(await (await fetch(`${bot.url}/readyz`)).json()).to.deep.equal({ status: 'ready' });
    // A folder where the probe file should be: writing it fails, as on a full or read-only disk.
    await rm(path.join(dataDir, '.health'), { force: true });
    await mkdir(path.join(dataDir, '.health', 'blocked'), { recursive: true });
    const failing = await fetch(`${bot.url}/healthz`);
    expect(failing.status).to.equal(503);
    expect(await failing.json()).to.deep.include({ status: 'failing', articles: 44 });
    expect((await fetch(`${bot.url}/readyz`)).status).to.equal(503);
  });

  it('on SIGTERM finishes the turn under way, exits 0 and frees the folder for the next start', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    const reply = fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(channelMessage('mot de passe oublié', { conversation: { id: 'stop-conv' } })) });
    await new Promise((resolve) => setTimeout(resolve, 15));
    bot.child.kill('SIGTERM');
    const res = await reply;
    expect(res.status).to.equal(200);
    expect(JSON.stringify(await res.json())).to.include('Mot de passe oublié');
    expect(await exited(bot)).to.equal(0);
    expect(bot.output()).to.include('"msg":"stopped"');
    bot = await startBot({ DATA_DIR: dataDir });
  });

  it('removes at start the temp files an interrupted write left behind', async () => {
    await mkdir(path.join(dataDir, 'requests'), { recursive: true });
    await writeFile(path.join(dataDir, 'requests', '.2026-11.json.4242.0a1b2c3d.tmp'), '{"requests": [');
    bot = await startBot({ DATA_DIR: dataDir });
    expect(await readdir(path.join(dataDir, 'requests'))).to.deep.equal([]);
    expect(bot.output()).to.include('removed 1 temp file');
  });

  it('keeps website chats open across a restart: the token secret is kept in the data folder', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    const started = (await (await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { conversationId: string; token: string };
    bot.child.kill('SIGTERM');
    await exited(bot);
    bot = await startBot({ DATA_DIR: dataDir });
    const polled = await fetch(`${bot.url}/v3/directline/conversations/${started.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${started.token}` } });
    expect(polled.status).to.equal(200);
  });
});
