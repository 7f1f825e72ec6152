// The faults an operator meets, each played against the real bot process (started as `npm start`
// starts it) while customers type tickets and callbacks to the end. Every scenario ends with the
// same count: references acknowledged to a customer, found in the store, lost, given twice.
// Used by `npm run bench:faults` (all of them, kill -9 ×20) and by tests/bot/faults.test.ts;
// sharedDatabase.ts plays kill -9 on instances sharing a PostgreSQL database with the same helpers.
import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdir, open, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { requestPlans } from '../load/customers.js';
import { channelMessage, drive, type LevelResult } from '../load/driver.js';
import { startServer, type Server } from '../load/processes.js';
import { references, type ReferenceCheck } from '../load/references.js';
import { mulberry32 } from '../../knowledge/matching/softmaxClassifier.js';

export interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}

export interface FaultResult extends ReferenceCheck {
  fault: string;
  /** what else was checked about the bot's behaviour, and how it went */
  checks: Check[];
  /** set when the machine cannot play this fault (no tmpfs): nothing was checked */
  skipped?: string;
}

const NOTHING: ReferenceCheck = { acknowledged: 0, stored: 0, lost: 0, givenTwice: 0, requestConversations: 0, requestsWithoutReference: 0, lostSamples: [] };

/** Every reference kept and none given twice, and every other check passed. */
export const passed = (r: FaultResult) => r.skipped !== undefined || (r.lost === 0 && r.givenTwice === 0 && r.checks.every((c) => c.ok));

// Both languages' "could not record your request" message (strings/*.ts saveFailed).
const SAVE_FAILED = /could not record your request|pas pu enregistrer votre demande/;

/** The bot's environment in every scenario (the PostgreSQL one adds the database to it). */
export const env = (dataDir: string): Record<string, string> => ({
  DATA_DIR: dataDir,
  // One address starting many chats: the customer-facing limits would stop the bench.
  LIMIT_MESSAGES_PER_MINUTE: '1000000',
  LIMIT_CHAT_STARTS_PER_HOUR: '1000000',
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const exited = (server: Server) =>
  new Promise<number | null>((resolve) => (server.child.exitCode !== null || server.child.signalCode !== null ? resolve(server.child.exitCode) : server.child.once('exit', (code) => resolve(code))));

export interface Customers {
  done: Promise<LevelResult>;
  stop(): void;
}

/**
 * `concurrency` customers typing requests against the server until stopped (or `seconds`); or
 * against several, each message to the next in turn (see drive's `url`).
 */
export function customers(to: Server | readonly string[], prefix: string, { concurrency = 8, seconds = 60, seed = 1 } = {}): Customers {
  const controller = new AbortController();
  // every fetch listens to it: thousands of them in a long run
  setMaxListeners(0, controller.signal);
  const done = drive({ url: 'url' in to ? to.url : to, concurrency, seconds, plans: requestPlans(seed), prefix, signal: controller.signal, watch: SAVE_FAILED });
  return { done, stop: () => controller.abort() };
}

/** Customers typing requests for `ms`, then stopped: what they were told. */
export async function typingFor(to: Server | readonly string[], prefix: string, ms: number, seed = 1): Promise<LevelResult> {
  const load = customers(to, prefix, { seed });
  await sleep(ms);
  load.stop();
  return load.done;
}

export async function health(server: Server): Promise<number> {
  return (await fetch(`${server.url}/healthz`)).status;
}

export async function answersAQuestion(server: Server): Promise<boolean> {
  const probe = `probe-${Date.now()}`;
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(channelMessage(probe, probe, 'mot de passe oublié', 'fr-FR', 0)),
  });
  return res.status === 200 && JSON.stringify(await res.json()).includes('Mot de passe oublié');
}

export const requestsOf = (results: LevelResult[]) => results.reduce((a, r) => a + r.requestConversations, 0);

/** kill -9 at a random moment while tickets are being created, `rounds` times on one folder. */
export async function killNine(dataDir: string, rounds: number, seed = 20): Promise<FaultResult> {
  const random = mulberry32(seed);
  const results: LevelResult[] = [];
  let started = 0;
  for (let round = 0; round < rounds; round++) {
    // Each start after the first takes over the lock the killed process left.
    const server = await startServer('bot/main.ts', env(dataDir));
    started++;
    const load = customers(server, `kill${round}`, { seed: round + 1 });
    await sleep(400 + random() * 1600);
    server.child.kill('SIGKILL');
    await exited(server);
    load.stop();
    results.push(await load.done);
  }
  return {
    fault: `kill -9 ×${rounds}, 8 customers`,
    ...(await references(dataDir, results)),
    checks: [
      { what: 'restarted after every kill', ok: started === rounds, detail: `${started}/${rounds}` },
      { what: 'requests typed', ok: requestsOf(results) > 0, detail: String(requestsOf(results)) },
    ],
  };
}

/** SIGTERM under load: the turns under way finish, then the process exits 0. */
export async function sigterm(dataDir: string): Promise<FaultResult> {
  const server = await startServer('bot/main.ts', env(dataDir));
  const load = customers(server, 'term');
  await sleep(1500);
  const t0 = performance.now();
  const code = await server.stop();
  const stopMs = performance.now() - t0;
  load.stop();
  const result = await load.done;
  return {
    fault: 'SIGTERM under load',
    ...(await references(dataDir, [result])),
    checks: [
      { what: 'exit code 0', ok: code === 0, detail: String(code) },
      { what: 'stopped within 10 s', ok: stopMs < 10_000, detail: `${Math.round(stopMs)} ms` },
    ],
  };
}

/** A second process started on the same folder while the first works: refused, naming the first. */
export async function secondProcess(dataDir: string): Promise<FaultResult> {
  const first = await startServer('bot/main.ts', env(dataDir));
  const load = customers(first, 'first');
  const refusals: string[] = [];
  for (let i = 0; i < 3; i++) {
    try {
      const second = await startServer('bot/main.ts', env(dataDir));
      await second.stop();
      refusals.push('started');
    } catch (err) {
      refusals.push(new RegExp(`is in use by process ${first.child.pid}`).test((err as Error).message) ? 'refused, naming the first' : (err as Error).message.slice(0, 200));
    }
  }
  load.stop();
  const result = await load.done;
  await first.stop();
  return {
    fault: 'second process on the folder',
    ...(await references(dataDir, [result])),
    checks: [{ what: 'second process refused 3 times, naming the first', ok: refusals.every((r) => r === 'refused, naming the first'), detail: refusals.join('; ') }],
  };
}

/**
 * Files removed or damaged while the bot was stopped: counters.json deleted, then cut in half; a
 * half-written line at the end of the month's requests and answers (what a crash mid-append
 * leaves); a conversation state file of garbage. The bot starts, keeps every reference it gave and
 * gives none twice.
 */
export async function damagedFiles(dataDir: string): Promise<FaultResult> {
  const results: LevelResult[] = [];
  const round = async (name: string) => {
    const server = await startServer('bot/main.ts', env(dataDir));
    results.push(await typingFor(server, name, 1500, results.length + 1));
    const answered = await answersAQuestion(server);
    await server.stop();
    return answered;
  };
  // A folder that holds no request yet gets some first (the test reuses the kill -9 folder).
  if (!(await readdir(path.join(dataDir, 'requests')).catch(() => [])).some((n) => n.endsWith('.jsonl'))) await round('before');
  await rm(path.join(dataDir, 'counters.json'));
  const afterDelete = await round('counter-deleted');
  const counters = path.join(dataDir, 'counters.json');
  await truncate(counters, Math.floor((await stat(counters)).size / 2));
  for (const folder of ['requests', 'answers']) {
    for (const name of (await readdir(path.join(dataDir, folder)).catch(() => [])).filter((n) => n.endsWith('.jsonl'))) {
      const file = await open(path.join(dataDir, folder, name), 'a');
      await file.write('{"request":{"reference":"L1-2026');
      await file.close();
    }
  }
  const stateDir = path.join(dataDir, 'state');
  const bucket = (await readdir(stateDir)).find((n) => /^[0-9a-f]{2}$/.test(n));
  const stateName = bucket && (await readdir(path.join(stateDir, bucket)))[0];
  if (bucket && stateName) await writeFile(path.join(stateDir, bucket, stateName), '\u0000\u0000{"garbage');
  const afterDamage = await round('damaged');
  const afterFaults = results.slice(-2);
  const requests = requestsOf(afterFaults);
  return {
    fault: 'counter deleted, then counter, month and state files damaged',
    ...(await references(dataDir, results)),
    checks: [
      { what: 'requests taken after each fault', ok: afterFaults.every((r) => r.requestConversations > 0 && r.acknowledged.size > 0), detail: String(requests) },
      { what: 'knowledge answers after each fault', ok: afterDelete && afterDamage },
    ],
  };
}

/** The fatal log line's message. */
const fatalLine = (output: string) => /"level":60[^\n]*"msg":"((?:[^"\\]|\\.)*)"/.exec(output)?.[1] ?? output.slice(0, 300);

function mountTmpfs(dir: string, sizeMB: number): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (err) {
    return `cannot mount a tmpfs here (${((err as { stderr?: Buffer }).stderr?.toString() || (err as Error).message).trim()})`;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
}

/** Writes until the file system says it is full. */
async function fillUp(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
}

/**
 * The disk fills up under load (a 16 MB tmpfs): requests are refused with the "could not record"
 * message, knowledge answers go on, /healthz says 503; once space is freed, requests are taken again.
 */
export async function diskFull(parent: string): Promise<FaultResult> {
  const dataDir = path.join(parent, 'tmpfs');
  await mkdir(dataDir, { recursive: true });
  const cannot = mountTmpfs(dataDir, 16);
  if (cannot) return { fault: 'disk full', skipped: cannot, ...NOTHING, checks: [] };
  try {
    const results: LevelResult[] = [];
    const server = await startServer('bot/main.ts', env(path.join(dataDir, 'data')));
    try {
      results.push(await typingFor(server, 'space', 1000));
      await fillUp(path.join(dataDir, 'filler'));
      const full = await typingFor(server, 'full', 1500, 2);
      results.push(full);
      const healthFull = await health(server);
      const answeredFull = await answersAQuestion(server);
      await rm(path.join(dataDir, 'filler'));
      const freed = await typingFor(server, 'freed', 1500, 3);
      results.push(freed);
      const healthFreed = await health(server);
      await server.stop();
      return {
        fault: 'disk full under load, then space freed',
        ...(await references(path.join(dataDir, 'data'), results)),
        checks: [
          { what: 'full: "could not record" said, no reference given, no HTTP error', ok: full.watched > 0 && full.acknowledged.size === 0 && full.errors === 0, detail: `${full.watched} said, ${full.acknowledged.size} given, ${full.errors} errors ${full.errorSamples.join('; ')}`.trim() },
          { what: 'full: /healthz 503', ok: healthFull === 503, detail: String(healthFull) },
          { what: 'full: knowledge answers go on', ok: answeredFull },
          { what: 'freed: requests taken again, /healthz 200', ok: freed.acknowledged.size > 0 && healthFreed === 200, detail: `${freed.acknowledged.size} references, /healthz ${healthFreed}` },
        ],
      };
    } finally {
      server.child.kill('SIGKILL');
      await exited(server);
    }
  } finally {
    unmount(dataDir);
  }
}

/** A folder that cannot be written (a read-only mount): the bot refuses to start and says why. */
export async function readOnly(parent: string): Promise<FaultResult> {
  const dataDir = path.join(parent, 'readonly');
  await mkdir(dataDir, { recursive: true });
  const cannot = mountTmpfs(dataDir, 4);
  const base = { fault: 'read-only data folder at start', ...NOTHING };
  if (cannot) return { ...base, skipped: cannot, checks: [] };
  try {
    execFileSync('mount', ['-o', 'remount,ro', dataDir], { stdio: 'pipe' });
    let output = '';
    try {
      const server = await startServer('bot/main.ts', env(dataDir));
      await server.stop();
    } catch (err) {
      output = (err as Error).message;
    }
    return {
      ...base,
      checks: [
        { what: 'refused to start, exit 1', ok: /exited with 1/.test(output), detail: output.split('\n')[0] },
        { what: 'says the folder cannot be written, no stack trace', ok: /cannot be written|read-only/i.test(output) && !/"stack"|\n\s+at /.test(output), detail: fatalLine(output) },
      ],
    };
  } finally {
    unmount(dataDir);
  }
}
