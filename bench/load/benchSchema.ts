// A schema of its own for a bench run on PostgreSQL, in the database DATABASE_URL names: created
// and migrated, its URL (search_path set) given to the bot instances, dropped at the end, so a run
// leaves the database as it found it and two runs on the same database never meet. A schema filled
// for a run can be kept instead (close) and opened again by name (reuse), with the migrations added
// since applied: bench:load --keep, then --schema.
// Used by bench:load --storage postgres and bench:faults --storage postgres.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../tickets/postgres/migrate.js';

export interface BenchSchema {
  name: string;
  /** what a bot instance on the schema adds to its environment: STORAGE, DATABASE_URL (the schema as search_path), a shared chat token secret */
  env: Record<string, string>;
  /** a small pool on the schema, for the checks */
  pool: pg.Pool;
  /** removes the schema and everything in it; the instances must be stopped */
  drop(): Promise<void>;
  /** ends the pools and keeps the schema as it is, to be opened again with `reuse` */
  close(): Promise<void>;
}

export async function openBenchSchema(url: string | undefined, { reuse }: { reuse?: string } = {}): Promise<BenchSchema> {
  if (!url) throw new Error('--storage postgres needs DATABASE_URL: a database the bench may create a schema in (bash .ci/run shows how to start a throw-away cluster)');
  const name = reuse ?? `bench_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`a bench schema's name is lower-case letters, digits and _ (got '${name}')`);
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    if (!reuse) await admin.query(`CREATE SCHEMA ${name}`);
    else if ((await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).rowCount === 0) throw new Error(`no schema ${name} in the database DATABASE_URL names`);
  } catch (err) {
    await admin.end();
    throw err;
  }
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${name}`);
  const pool = new pg.Pool({ connectionString: scoped.href, max: 2 });
  const close = async () => {
    await pool.end();
    await admin.end();
  };
  const drop = async () => {
    await pool.end();
    await admin.query(`DROP SCHEMA ${name} CASCADE`);
    await admin.end();
  };
  try {
    await migrate(pool);
  } catch (err) {
    await (reuse ? close() : drop());
    throw err;
  }
  // Instances sharing the load sign chat tokens with one secret, as a deployment behind a load balancer must.
  const env = { STORAGE: 'postgres', DATABASE_URL: scoped.href, DIRECT_LINE_LOCAL_SECRET: 'bench-direct-line-secret-0123456789abcdef' };
  return { name, env, pool, drop, close };
}
