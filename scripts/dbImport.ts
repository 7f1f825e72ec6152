// npm run db:import -- DATA_DIR: copies an embedded store (files under DATA_DIR) into the empty
// PostgreSQL database DATABASE_URL names (from the environment or .env), after migrating its schema.
// Stop the bot first: the folder has one writer at a time (the script takes its lock).
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DataDirLockedError, lockDataDir } from '../tickets/dataDirLock.js';
import { importDataDir, NotEmptyError } from '../tickets/postgres/importDataDir.js';
import { migrate } from '../tickets/postgres/migrate.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run db:import -- DATA_DIR   (DATABASE_URL names the database)');
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (see .env.example)');
    return 2;
  }
  const dataDir = path.resolve(folder);
  if (!existsSync(dataDir)) {
    console.error(`${dataDir} does not exist`);
    return 2;
  }
  const lock = await lockDataDir(dataDir, { waitMs: 0 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await migrate(pool);
    const imported = await importDataDir(dataDir, pool, { timeZone: process.env.BUSINESS_TIMEZONE || 'Europe/Paris', report: (line) => console.error(line) });
    console.log(`imported ${imported.requests} requests, ${imported.records} records, ${imported.transcripts} transcripts, ${imported.files} files, ${imported.states} conversation states, ${imported.accounts} staff accounts, ${imported.audit} staff audit entries`);
    return 0;
  } catch (err) {
    console.error(err instanceof NotEmptyError ? err.message : `the import failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
    await lock.release();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exitCode = 1;
}
