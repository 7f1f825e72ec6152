// Rate-limit counters in PostgreSQL (rate-limiter-flexible's own store on our pool and our table,
// migration 0006). While the database cannot answer, each limiter falls back to counting in memory
// (the library's insurance limiter): a database hiccup neither lets everything through everywhere
// nor answers every customer 429.
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import type { LimiterFactory } from '../rateLimitStore.js';

export function pgLimiters(pool: Pool): LimiterFactory {
  return (options) => new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}
