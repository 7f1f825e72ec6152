// Limits on what anonymous visitors can make the bot do (rate-limiter-flexible, memory store; its
// PostgreSQL store when instances share a database): new chat conversations per address, and
// messages per conversation. Over a limit: 429 with Retry-After, nothing stored.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface TrafficLimits {
  /** new anonymous chat conversations per client address, per hour */
  startsPerHour: number;
  /** messages per conversation, per minute */
  messagesPerMinute: number;
}

export const DEFAULT_TRAFFIC_LIMITS: TrafficLimits = { startsPerHour: 60, messagesPerMinute: 30 };

export type Allowed = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface TrafficLimiter {
  start(address: string): Promise<Allowed>;
  message(conversationId: string): Promise<Allowed>;
}

export function createTrafficLimiter(limits: TrafficLimits = DEFAULT_TRAFFIC_LIMITS): TrafficLimiter {
  const starts = new RateLimiterMemory({ keyPrefix: 'start', points: limits.startsPerHour, duration: 3600 });
  const messages = new RateLimiterMemory({ keyPrefix: 'msg', points: limits.messagesPerMinute, duration: 60 });
  const take = async (limiter: RateLimiterMemory, key: string): Promise<Allowed> => {
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
  };
}
