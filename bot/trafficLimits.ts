// Limits on what anonymous visitors can make the bot do (rate-limiter-flexible, memory store; its
// PostgreSQL store when instances share a database): new chat conversations per address, messages
// per conversation, and the help centre's searches and feedback per address (each runs the
// matcher or writes a record). Over a limit: 429 with Retry-After, nothing stored.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters, type LimiterFactory } from '../tickets/rateLimitStore.js';

export interface TrafficLimits {
  /** new anonymous chat conversations per client address, per hour */
  startsPerHour: number;
  /** messages per conversation, per minute */
  messagesPerMinute: number;
  /** help-centre searches and "was this helpful?" answers per client address, per minute */
  helpPerMinute: number;
}

export const DEFAULT_TRAFFIC_LIMITS: TrafficLimits = { startsPerHour: 60, messagesPerMinute: 30, helpPerMinute: 30 };

export type Allowed = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface TrafficLimiter {
  start(address: string): Promise<Allowed>;
  message(conversationId: string): Promise<Allowed>;
  help(address: string): Promise<Allowed>;
}

/** `limiters`: where the counters live (memory, or the database shared by every instance). */
export function createTrafficLimiter(limits: TrafficLimits = DEFAULT_TRAFFIC_LIMITS, limiters: LimiterFactory = memoryLimiters): TrafficLimiter {
  const starts = limiters({ keyPrefix: 'start', points: limits.startsPerHour, duration: 3600 });
  const messages = limiters({ keyPrefix: 'msg', points: limits.messagesPerMinute, duration: 60 });
  const help = limiters({ keyPrefix: 'help', points: limits.helpPerMinute, duration: 60 });
  const take = async (limiter: RateLimiterAbstract, key: string): Promise<Allowed> => {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (res) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((res instanceof RateLimiterRes ? res.msBeforeNext : 1000) / 1000)) };
    }
  };
  return {
    start: (address) => take(starts, address),
    message: (conversationId) => take(messages, conversationId),
    help: (address) => take(help, address),
  };
}
