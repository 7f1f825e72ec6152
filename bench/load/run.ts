// npm run bench:load [-- --json] [--seconds 15] [--levels 1,10,50] [--prefill 10000]
//                     [--storage postgres --instances 2]   (DATABASE_URL: a database it may add a schema to)
// Starts the helpdesk bot (as npm start does) and an echo bot on the same stack, drives both with
// the same customers at each concurrency for a bounded time, then checks every reference a
// customer was given against the store. With --prefill N, the same at 10 concurrent on a DATA_DIR
// first filled with N conversations, against an empty one, and the staff list endpoints on it.
// With --storage postgres, the same levels again on N instances sharing one PostgreSQL database,
// each message sent to the next instance in turn (as a round-robin load balancer does).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../knowledge/loadKnowledge.js';
import { percentile, round } from '../measure.js';
import { customerPlans } from './customers.js';
import { drive, type LevelResult } from './driver.js';
import { peakMemory, ROOT, startServer, type Server } from './processes.js';
import { prefill } from './prefill.js';
import { references } from './references.js';
import pg from 'pg';
import { migrate } from '../../tickets/postgres/migrate.js';
import { createPgStore } from '../../tickets/postgres/pgStore.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '15' },
    levels: { type: 'string', default: '1,10,50' },
    prefill: { type: 'string' },
    keep: { type: 'boolean', default: false },
    storage: { type: 'string', default: 'files' },
    instances: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const levels = values.levels!.split(',').map(Number);
const prefillCount = values.prefill ? Number(values.prefill) : 0;
const say = (line: string) => {
  if (!values.json) process.stderr.write(`${line}\n`);
};

const STAFF_TOKEN = 'bench-staff-token-0123456789abcdef0123456789';
const kb = await loadKnowledge(path.join(ROOT, 'knowledge'));

function botEnv(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    STAFF_TOKEN,
    // The bench is one address starting many chats: the customer-facing limits would stop it.
    LIMIT_MESSAGES_PER_MINUTE: '1000000',
    LIMIT_CHAT_STARTS_PER_HOUR: '1000000',
  };
}

interface LevelFigures {
  concurrency: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  turns: number;
  conversations: number;
  errors: number;
  errorSamples: string[];
  peakMemoryMB: number;
}

function figures(r: LevelResult, peakMB: number): LevelFigures {
  return {
    concurrency: r.concurrency, turnsPerSecond: round(r.turnsPerSecond, 1), p50Ms: round(r.p50Ms, 1), p95Ms: round(r.p95Ms, 1), p99Ms: round(r.p99Ms, 1),
    turns: r.turns, conversations: r.conversations, errors: r.errors, errorSamples: r.errorSamples, peakMemoryMB: round(peakMB, 0),
  };
}

async function runLevels(servers: Server | Server[], prefix: string, only = levels): Promise<{ levels: LevelFigures[]; results: LevelResult[] }> {
  const out: LevelFigures[] = [];
  const results: LevelResult[] = [];
  const all = Array.isArray(servers) ? servers : [servers];
  const url = all.map((s) => s.url);
  for (const concurrency of only) {
    // The same customers for both bots at a level: the seed is the level.
    const plans = customerPlans(kb, concurrency);
    // A short warm-up (JIT, first file opens) not timed; its references are checked like the rest.
    results.push(await drive({ url, concurrency, seconds: 1, plans: customerPlans(kb, 999), prefix: `${prefix}-warm-${concurrency}` }));
    // Peak memory of the first instance (they share the work evenly).
    const { result, peakMB } = await peakMemory(all[0]!, () => drive({ url, concurrency, seconds, plans, prefix: `${prefix}-${concurrency}` }));
    results.push(result);
    out.push(figures(result, peakMB));
    say(`  ${prefix} ×${concurrency}: ${result.turnsPerSecond.toFixed(1)} turns/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors, ${peakMB.toFixed(0)} MB`);
  }
  return { levels: out, results };
}

const STAFF_ENDPOINTS = [
  '/api/staff/requests',
  '/api/staff/requests?status=open&kind=ticket',
  '/api/staff/transcripts',
  '/api/staff/transcripts?q=mot%20de%20passe',
  '/api/staff/unanswered',
  '/api/staff/dashboard',
  '/api/staff/articles/history',
];

async function staffEndpoints(server: Server, rounds = 20) {
  const out: Record<string, { p50Ms: number; p95Ms: number; bytes: number; status: number }> = {};
  for (const endpoint of STAFF_ENDPOINTS) {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    for (let i = 0; i < rounds + 1; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}${endpoint}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      const body = await res.arrayBuffer();
      if (i > 0) times.push(performance.now() - t0); // the first call warms caches
      bytes = body.byteLength;
      status = res.status;
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => percentile(times, p);
    out[endpoint] = { p50Ms: round(q(0.5), 1), p95Ms: round(q(0.95), 1), bytes, status };
    say(`  staff ${endpoint}: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KB, HTTP ${status}`);
  }
  return out;
}

const ratio = (a: number, b: number) => round(a / b, 2);
const temp = await mkdtemp(path.join(os.tmpdir(), 'bench-load-'));
const report: Record<string, unknown> = { seconds, levels, prefill: prefillCount, node: process.version, cpus: os.cpus().length };
try {
  say(`echo bot (same botbuilder + restify stack), ${seconds} s per level`);
  const echo = await startServer('bench/load/echoBot.ts', {});
  const echoRun = await runLevels(echo, 'echo');
  await echo.stop();

  say('helpdesk bot, empty DATA_DIR');
  const emptyDir = path.join(temp, 'empty');
  const bot = await startServer('bot/main.ts', botEnv(emptyDir));
  const botRun = await runLevels(bot, 'bot');
  const staffEmpty = await staffEndpoints(bot, 5);
  const exit = await bot.stop();
  const refs = await references(emptyDir, botRun.results);
  say(`  references: ${refs.acknowledged} given, ${refs.stored} stored, ${refs.lost} lost, ${refs.givenTwice} given twice; bot exit code ${exit}`);

  report.echo = echoRun.levels;
  report.bot = botRun.levels;
  report.ratios = botRun.levels.map((b, i) => {
    const e = echoRun.levels[i]!;
    return { concurrency: b.concurrency, p50: ratio(b.p50Ms, e.p50Ms), throughput: ratio(e.turnsPerSecond, b.turnsPerSecond) };
  });
  report.references = refs;
  report.staffEmpty = staffEmpty;

  if (values.storage === 'postgres') report.postgres = await onPostgres(Number(values.instances), botRun.levels);

  if (prefillCount > 0) {
    const fullDir = path.join(temp, 'prefilled');
    say(`prefilling ${prefillCount} conversations…`);
    const t0 = performance.now();
    await prefill(fullDir, kb, prefillCount, (n) => say(`  ${n}`));
    report.prefillSeconds = round((performance.now() - t0) / 1000, 1);
    say(`helpdesk bot, ${prefillCount} conversations prefilled`);
    const full = await startServer('bot/main.ts', botEnv(fullDir));
    const fullRun = await runLevels(full, 'prefilled', [10]);
    report.staffPrefilled = await staffEndpoints(full);
    await full.stop();
    const refsFull = await references(fullDir, fullRun.results);
    const empty10 = botRun.levels.find((l) => l.concurrency === 10) ?? botRun.levels[0]!;
    const full10 = fullRun.levels[0]!;
    report.prefilled = { level: full10, references: refsFull, againstEmpty: { p50: ratio(full10.p50Ms, empty10.p50Ms), throughput: ratio(empty10.turnsPerSecond, full10.turnsPerSecond) } };
  }
} finally {
  if (!values.keep) await rm(temp, { recursive: true, force: true });
  else say(`data kept in ${temp}`);
}

/** The same levels on `instances` bot processes sharing one database, in a schema of its own. */
async function onPostgres(instances: number, files: LevelFigures[]) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--storage postgres needs DATABASE_URL: a database the bench may create a schema in (bash .ci/run shows how to start a throw-away cluster)');
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const pool = new pg.Pool({ connectionString: scoped.href, max: 2 });
  try {
    await migrate(pool);
    say(`helpdesk bot, ${instances} instance(s) on one PostgreSQL database`);
    const env = (i: number) => ({ ...botEnv(path.join(temp, `postgres-${i}`)), STORAGE: 'postgres', DATABASE_URL: scoped.href, DIRECT_LINE_LOCAL_SECRET: 'bench-direct-line-secret-0123456789abcdef' });
    const servers = await Promise.all(Array.from({ length: instances }, (_, i) => startServer('bot/main.ts', env(i))));
    const run = await runLevels(servers, 'postgres');
    const staff = await staffEndpoints(servers[0]!, 5);
    const exits = await Promise.all(servers.map((s) => s.stop()));
    const refs = await references(createPgStore(pool), run.results);
    say(`  references: ${refs.acknowledged} given, ${refs.stored} stored, ${refs.lost} lost, ${refs.givenTwice} given twice; exit codes ${exits.join(', ')}`);
    return {
      instances,
      levels: run.levels,
      againstFiles: run.levels.map((l, i) => ({ concurrency: l.concurrency, p50: ratio(l.p50Ms, files[i]!.p50Ms), throughput: ratio(files[i]!.turnsPerSecond, l.turnsPerSecond) })),
      references: refs,
      staff,
    };
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const rows: string[][] = [['concurrency', 'bot turns/s', 'echo turns/s', 'bot p50/p95/p99 ms', 'echo p50 ms', 'p50 ×echo', 'throughput ÷echo', 'errors', 'peak MB']];
  for (const [i, b] of (report.bot as LevelFigures[]).entries()) {
    const e = (report.echo as LevelFigures[])[i]!;
    const r = (report.ratios as Array<{ p50: number; throughput: number }>)[i]!;
    rows.push([String(b.concurrency), String(b.turnsPerSecond), String(e.turnsPerSecond), `${b.p50Ms} / ${b.p95Ms} / ${b.p99Ms}`, String(e.p50Ms), `${r.p50} (target ≤ 3 at 10)`, `${r.throughput} (target ≤ 3 at 10)`, String(b.errors), String(b.peakMemoryMB)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
  process.stdout.write(`references: ${JSON.stringify(report.references)}\n`);
  const onDb = report.postgres as { instances: number; levels: LevelFigures[]; againstFiles: Array<{ p50: number; throughput: number }>; references: unknown } | undefined;
  if (onDb) {
    for (const [i, l] of onDb.levels.entries()) {
      process.stdout.write(`postgres ×${onDb.instances} instances, ${l.concurrency} concurrent: ${l.turnsPerSecond} turns/s, p50/p95/p99 ${l.p50Ms} / ${l.p95Ms} / ${l.p99Ms} ms, ${l.errors} errors; against files p50 ×${onDb.againstFiles[i]!.p50}, throughput ÷${onDb.againstFiles[i]!.throughput}\n`);
    }
    process.stdout.write(`postgres references: ${JSON.stringify(onDb.references)}\n`);
  }
  if (report.prefilled) process.stdout.write(`prefilled ${prefillCount}: ${JSON.stringify(report.prefilled)} (target ≤ 1.3)\n`);
}
