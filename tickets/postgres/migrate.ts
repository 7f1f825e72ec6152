// Versioned schema migrations: plain numbered SQL files (migrations/NNNN_name.sql) applied in order,
// each in its own transaction with its version recorded in schema_migrations, under an advisory lock
// so instances starting together apply each one once. Plain files rather than a migration tool: the
// schema is small, the SQL is what a DBA reviews, and there is no down-migration to keep honest.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';

const DIR = join(import.meta.dirname, 'migrations');
const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Any constant shared by every instance of this application: "helpdesk" in ASCII. */
const LOCK = 0x68656c70;

export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(readonly file: string, cause: unknown) {
    super(`migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The migration files, in the order they apply. */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(DIR)).filter((f) => FILE.test(f)).sort();
}

/** Applies the migrations not applied yet; returns their versions (file names without .sql). */
export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of await migrationFiles()) {
      const version = file.slice(0, -'.sql'.length);
      if (done.has(version)) continue;
      const sql = await readFile(join(DIR, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new MigrationError(file, err);
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => undefined);
    client.release();
  }
}
