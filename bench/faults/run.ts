// npm run bench:faults [-- --json] [--rounds 20] [--storage postgres]   (DATABASE_URL: a database it may add a schema to)
// Plays every fault of scenarios.ts against the real bot process and prints, for each, the
// references acknowledged to customers, stored, lost and given twice, and what else was checked.
// With --storage postgres, then kill -9 ×rounds of either of two instances sharing one PostgreSQL
// database (sharedDatabase.ts), in a schema of its own dropped after.
// Exits 1 when a reference was lost or given twice, or a check failed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchSchema, type BenchSchema } from '../load/benchSchema.js';
import { damagedFiles, diskFull, killNine, passed, readOnly, secondProcess, sigterm, type FaultResult } from './scenarios.js';
import { killNineShared } from './sharedDatabase.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, rounds: { type: 'string', default: '20' }, storage: { type: 'string', default: 'files' } },
});
if (values.storage !== 'files' && values.storage !== 'postgres') throw new Error(`--storage must be files or postgres (got '${values.storage}')`);
const say = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

// Opened first: a database that cannot be used is said before the files scenarios run.
const database: BenchSchema | undefined = values.storage === 'postgres' ? await openBenchSchema(process.env.DATABASE_URL) : undefined;
const temp = await mkdtemp(path.join(os.tmpdir(), 'bench-faults-'));
const results: FaultResult[] = [];
try {
  const scenarios: Array<[string, (dir: string) => Promise<FaultResult>]> = [
    ['kill', (dir) => killNine(dir, Number(values.rounds))],
    ['sigterm', sigterm],
    ['second', secondProcess],
    ['damaged', damagedFiles],
    ['full', () => diskFull(temp)],
    ['readonly', () => readOnly(temp)],
  ];
  if (database) scenarios.push(['postgres-kill', (dir) => killNineShared(database, dir, Number(values.rounds))]);
  for (const [name, play] of scenarios) {
    const result = await play(path.join(temp, name));
    results.push(result);
    if (result.skipped) {
      say(`${result.fault}: skipped, ${result.skipped}`);
      continue;
    }
    say(`${result.fault}: ${result.acknowledged} acknowledged, ${result.stored} stored, ${result.lost} lost, ${result.givenTwice} given twice${passed(result) ? '' : '  ← FAILED'}`);
    for (const c of result.checks) say(`  ${c.ok ? '✔' : '✘'} ${c.what}${c.detail ? ` (${c.detail})` : ''}`);
  }
} finally {
  await rm(temp, { recursive: true, force: true });
  await database?.drop();
}
if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exitCode = results.every(passed) ? 0 : 1;
