// One transaction on one connection of the pool: committed when `job` resolves, rolled back when it
// throws, the connection returned either way.
import type { Pool, PoolClient } from 'pg';

export async function inTransaction<R>(pool: Pool, job: (client: PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await job(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
