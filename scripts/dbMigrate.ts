// npm run db:migrate: creates or upgrades the PostgreSQL schema named by DATABASE_URL (from the
// environment or .env), applying the numbered SQL files of tickets/postgres/migrations not applied
// yet, each in a transaction. Safe to run while instances start: they take the same lock.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { migrate, MigrationError } from '../tickets/postgres/migrate.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (see .env.example)');
    return 2;
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const applied = await migrate(pool);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
    return 0;
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : `cannot reach the database: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
