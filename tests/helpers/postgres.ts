// The PostgreSQL half of the suite: a fresh schema per describe block in the database named by
// TEST_DATABASE_URL (bash .ci/run starts a throw-away cluster and sets it), migrated like a real one,
// dropped afterwards. Without TEST_DATABASE_URL those blocks are skipped, and the run says so.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../tickets/postgres/migrate.js';

const url = process.env.TEST_DATABASE_URL;
let told = false;

export interface TestDatabase {
  /** a pool on the block's own schema (each call a new pool, as a second instance would have) */
  pool(): pg.Pool;
  /** the block's one pool for tests that need a single instance */
  shared(): pg.Pool;
  schema(): string;
}

/** `reset`: SQL run before each test of the block (TRUNCATE …), so each starts empty. */
export function usePostgres(reset?: string): TestDatabase {
  let schema = '';
  const pools: pg.Pool[] = [];
  let single: pg.Pool | undefined;
  const open = () => {
    const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
    pools.push(pool);
    return pool;
  };

  before(async function () {
    if (!url) {
      if (!told) process.stderr.write('\n  PostgreSQL tests skipped: TEST_DATABASE_URL is not set (bash .ci/run starts a throw-away cluster)\n');
      told = true;
      this.skip();
    }
    schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await admin.end();
    }
    await migrate(open());
  });

  if (reset) {
    beforeEach(async () => {
      await (single ??= open()).query(reset);
    });
  }

  after(async () => {
    if (!url || !schema) return;
    single = undefined;
    await Promise.all(pools.splice(0).map((p) => p.end()));
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });

  return { pool: open, shared: () => (single ??= open()), schema: () => schema };
}
