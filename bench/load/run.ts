// npm run bench:load [-- --json] [--seconds 15] [--levels 1,10,50] [--prefill 10000]
//                     [--storage postgres --instances 2]   (DATABASE_URL: a database it may add a schema to)
//                     [--staff-only] [--keep] [--schema bench_xxxx]
// Starts the helpdesk bot (as npm start does) and an echo bot on the same stack, drives both with
// the same customers at each concurrency for a bounded time, then checks every reference a
// customer was given against the store. With --prefill N, the same at 10 concurrent on a DATA_DIR
// first filled with N conversations, against an empty one, and the staff list endpoints on it.
// With --storage postgres, the same levels again on N instances sharing one PostgreSQL database,
// each message sent to the next instance in turn (as a round-robin load balancer does), and with
// --prefill N, the same 10 customers and staff endpoints on one instance on a schema filled with N
// conversations (kept with --keep, measured again with --schema, migrations added since applied).
// --staff-only: only the prefilled store of --storage and its staff endpoints (no levels).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../knowledge/loadKnowledge.js';
import { round } from '../measure.js';
import { customerPlans } from './customers.js';
import { drive, type LevelResult } from './driver.js';
import { peakMemory, ROOT, startServer, type Server } from './processes.js';
import { prefill } from './prefill.js';
import { prefillPostgres } from './pgPrefill.js';
import { measureStaffEndpoints, staffEndpointList, staffSamples, type EndpointFigures } from './staffEndpoints.js';
import { references } from './references.js';
import { openBenchSchema } from './benchSchema.js';
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
    'staff-only': { type: 'boolean', default: false },
    schema: { type: 'string' },
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

/** The staff endpoints on a running bot, searching for a stored ticket's reference and email. */
async function staffEndpoints(server: Server, rounds = 20) {
  return measureStaffEndpoints(server, STAFF_TOKEN, staffEndpointList(await staffSamples(server, STAFF_TOKEN)), rounds, say);
}

const ratio = (a: number, b: number) => round(a / b, 2);
const onDatabase = values.storage === 'postgres';
const staffOnly = values['staff-only']!;
if (staffOnly && prefillCount === 0 && !(onDatabase && values.schema)) throw new Error('--staff-only needs --prefill N (or, with --storage postgres, --schema of a kept one)');
const temp = await mkdtemp(path.join(os.tmpdir(), 'bench-load-'));
const report: Record<string, unknown> = { seconds, levels, prefill: prefillCount, node: process.version, cpus: os.cpus().length };
try {
  let empty10: LevelFigures | undefined;
  let emptyOnDb10: LevelFigures | undefined;
  if (!staffOnly) {
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
    empty10 = botRun.levels.find((l) => l.concurrency === 10) ?? botRun.levels[0]!;

    if (onDatabase) {
      const onDb = await onPostgres(Number(values.instances), botRun.levels);
      report.postgres = onDb;
      emptyOnDb10 = onDb.levels.find((l) => l.concurrency === 10) ?? onDb.levels[0]!;
    }
  }
  if (prefillCount > 0 && !(staffOnly && onDatabase)) await onFilesPrefilled(empty10);
  if (onDatabase && (prefillCount > 0 || values.schema)) report.postgresPrefilled = await onPostgresPrefilled(emptyOnDb10);
} finally {
  if (!values.keep) await rm(temp, { recursive: true, force: true });
  else say(`data kept in ${temp}`);
}

/** N conversations in a DATA_DIR: 10 customers on it against the empty one (unless --staff-only), the staff endpoints. */
async function onFilesPrefilled(empty10: LevelFigures | undefined) {
  const fullDir = path.join(temp, 'prefilled');
  say(`prefilling ${prefillCount} conversations…`);
  const t0 = performance.now();
  await prefill(fullDir, kb, prefillCount, (n) => say(`  ${n}`));
  report.prefillSeconds = round((performance.now() - t0) / 1000, 1);
  say(`helpdesk bot, ${prefillCount} conversations prefilled in ${report.prefillSeconds} s`);
  const full = await startServer('bot/main.ts', botEnv(fullDir));
  const fullRun = empty10 && (await runLevels(full, 'prefilled', [10]));
  report.staffPrefilled = await staffEndpoints(full);
  await full.stop();
  if (!empty10 || !fullRun) return;
  const refsFull = await references(fullDir, fullRun.results);
  const full10 = fullRun.levels[0]!;
  report.prefilled = { level: full10, references: refsFull, againstEmpty: { p50: ratio(full10.p50Ms, empty10.p50Ms), throughput: ratio(empty10.turnsPerSecond, full10.turnsPerSecond) } };
}

/**
 * N conversations in a PostgreSQL schema of their own (or the kept --schema), one instance on it:
 * 10 customers against the empty schema (unless --staff-only), the staff endpoints.
 */
async function onPostgresPrefilled(emptyOnDb10: LevelFigures | undefined) {
  const database = await openBenchSchema(process.env.DATABASE_URL, values.schema ? { reuse: values.schema } : {});
  const keep = values.keep || values.schema !== undefined;
  const out: Record<string, unknown> = { schema: database.name };
  try {
    if (!values.schema) {
      say(`prefilling ${prefillCount} conversations in PostgreSQL (schema ${database.name}) through the store…`);
      const t0 = performance.now();
      await prefillPostgres(database.env.DATABASE_URL!, kb, prefillCount, (n) => say(`  ${n}`));
      out.prefillSeconds = round((performance.now() - t0) / 1000, 1);
      say(`  prefilled in ${out.prefillSeconds} s`);
    }
    const held = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM conversations');
    out.conversations = Number(held.rows[0]!.n);
    say(`helpdesk bot, one instance on PostgreSQL, ${out.conversations} conversations`);
    const server = await startServer('bot/main.ts', { ...botEnv(path.join(temp, 'postgres-prefilled')), ...database.env });
    const run = emptyOnDb10 && (await runLevels(server, 'postgres-prefilled', [10]));
    out.staff = await staffEndpoints(server);
    await server.stop();
    if (emptyOnDb10 && run) {
      const full10 = run.levels[0]!;
      out.level = full10;
      out.references = await references(createPgStore(database.pool), run.results);
      out.againstEmpty = { p50: ratio(full10.p50Ms, emptyOnDb10.p50Ms), throughput: ratio(emptyOnDb10.turnsPerSecond, full10.turnsPerSecond) };
    }
    return out;
  } finally {
    await (keep ? database.close() : database.drop());
    if (keep) say(`schema ${database.name} kept: measure it again with --storage postgres --staff-only --schema ${database.name}`);
  }
}

/** The same levels on `instances` bot processes sharing one database, in a schema of its own. */
async function onPostgres(instances: number, files: LevelFigures[]) {
  const database = await openBenchSchema(process.env.DATABASE_URL);
  try {
    say(`helpdesk bot, ${instances} instance(s) on one PostgreSQL database`);
    const env = (i: number) => ({ ...botEnv(path.join(temp, `postgres-${i}`)), ...database.env });
    const servers = await Promise.all(Array.from({ length: instances }, (_, i) => startServer('bot/main.ts', env(i))));
    const run = await runLevels(servers, 'postgres');
    const staff = await staffEndpoints(servers[0]!, 5);
    const exits = await Promise.all(servers.map((s) => s.stop()));
    const refs = await references(createPgStore(database.pool), run.results);
    say(`  references: ${refs.acknowledged} given, ${refs.stored} stored, ${refs.lost} lost, ${refs.givenTwice} given twice; exit codes ${exits.join(', ')}`);
    return {
      instances,
      levels: run.levels,
      againstFiles: run.levels.map((l, i) => ({ concurrency: l.concurrency, p50: ratio(l.p50Ms, files[i]!.p50Ms), throughput: ratio(files[i]!.turnsPerSecond, l.turnsPerSecond) })),
      references: refs,
      staff,
    };
  } finally {
    await database.drop();
  }
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const rows: string[][] = [['concurrency', 'bot turns/s', 'echo turns/s', 'bot p50/p95/p99 ms', 'echo p50 ms', 'p50 ×echo', 'throughput ÷echo', 'errors', 'peak MB']];
  for (const [i, b] of ((report.bot as LevelFigures[] | undefined) ?? []).entries()) {
    const e = (report.echo as LevelFigures[])[i]!;
    const r = (report.ratios as Array<{ p50: number; throughput: number }>)[i]!;
    rows.push([String(b.concurrency), String(b.turnsPerSecond), String(e.turnsPerSecond), `${b.p50Ms} / ${b.p95Ms} / ${b.p99Ms}`, String(e.p50Ms), `${r.p50} (target ≤ 3 at 10)`, `${r.throughput} (target ≤ 3 at 10)`, String(b.errors), String(b.peakMemoryMB)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  if (report.bot) for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}\n`);
  if (report.references) process.stdout.write(`references: ${JSON.stringify(report.references)}\n`);
  const onDb = report.postgres as { instances: number; levels: LevelFigures[]; againstFiles: Array<{ p50: number; throughput: number }>; references: unknown } | undefined;
  if (onDb) {
    for (const [i, l] of onDb.levels.entries()) {
      process.stdout.write(`postgres ×${onDb.instances} instances, ${l.concurrency} concurrent: ${l.turnsPerSecond} turns/s, p50/p95/p99 ${l.p50Ms} / ${l.p95Ms} / ${l.p99Ms} ms, ${l.errors} errors; against files p50 ×${onDb.againstFiles[i]!.p50}, throughput ÷${onDb.againstFiles[i]!.throughput}\n`);
    }
    process.stdout.write(`postgres references: ${JSON.stringify(onDb.references)}\n`);
  }
  if (report.prefilled) process.stdout.write(`prefilled ${prefillCount}: ${JSON.stringify(report.prefilled)} (target ≤ 1.3)\n`);
  const staffLines = (label: string, staff: unknown) => {
    for (const [endpoint, f] of Object.entries((staff ?? {}) as Record<string, EndpointFigures>)) {
      process.stdout.write(`${label} ${endpoint}: p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms${f.p95Ms > 150 ? ' (target p95 ≤ 150)' : ''}, HTTP ${f.status}\n`);
    }
  };
  staffLines(`staff, files, ${prefillCount} conversations:`, report.staffPrefilled);
  const onDbFull = report.postgresPrefilled as { conversations: number; staff: unknown; level?: LevelFigures; references?: unknown; againstEmpty?: unknown } | undefined;
  if (onDbFull?.level) process.stdout.write(`postgres prefilled ${onDbFull.conversations}: ${JSON.stringify({ level: onDbFull.level, references: onDbFull.references, againstEmpty: onDbFull.againstEmpty })} (target ≤ 1.3)\n`);
  if (onDbFull) staffLines(`staff, postgres, ${onDbFull.conversations} conversations:`, onDbFull.staff);
}
