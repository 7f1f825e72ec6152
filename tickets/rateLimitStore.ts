// Where rate-limit counters live (rate-limiter-flexible): in this process's memory with the embedded
// store, in PostgreSQL when instances share a database (postgres/pgRateLimits.ts), so a limit holds
// across the instances a load balancer spreads requests over.
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimiterOptions {
  /** keeps the counters of one limit apart from the others' */
  keyPrefix: string;
  points: number;
  /** seconds */
  duration: number;
}

export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);
