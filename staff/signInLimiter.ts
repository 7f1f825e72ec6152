// Sign-in attempts, limited with rate-limiter-flexible (memory store now; its PostgreSQL store when
// instances share a database). An attempt is counted before the password is checked, so thirty
// concurrent wrong passwords cannot all be tried; and the limits never lock the owner out:
// - an account from one address: 5 attempts per 15 minutes, then that address waits for that account;
// - one address, any accounts: 30 failures per 15 minutes (password spraying);
// - one account, any addresses: after 20 failures in an hour it is slowed to one attempt every
//   30 seconds (an attack from rotating addresses), never locked: the owner waits half a minute.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { memoryLimiters, type LimiterFactory } from '../tickets/rateLimitStore.js';

export interface SignInLimits {
  /** attempts per account and address within `windowSeconds` */
  perAccountAndAddress: number;
  /** failures per address, any account, within `windowSeconds` */
  perAddress: number;
  windowSeconds: number;
  /** failures per account, any address, within an hour, before attempts are spaced */
  accountFailuresBeforeSlowing: number;
  /** the spacing of attempts on a slowed account */
  slowedSpacingSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAccountAndAddress: 5,
  perAddress: 30,
  windowSeconds: 15 * 60,
  accountFailuresBeforeSlowing: 20,
  slowedSpacingSeconds: 30,
};

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SignInLimiter {
  /** Counts an attempt for this account from this address, or says how long to wait. */
  admit(account: string, address: string): Promise<Admission>;
  /** The password was wrong. */
  failed(account: string, address: string): Promise<void>;
  /** The password was right: that account's count from that address starts again. */
  succeeded(account: string, address: string): Promise<void>;
}

const waitOf = (res: unknown) => Math.max(1, Math.ceil((res instanceof RateLimiterRes ? res.msBeforeNext : 1000) / 1000));

/** `limiters`: where the counters live (memory, or the database shared by every instance). */
export function createSignInLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, limiters: LimiterFactory = memoryLimiters): SignInLimiter {
  const pair = limiters({ keyPrefix: 'pair', points: limits.perAccountAndAddress, duration: limits.windowSeconds });
  const address = limiters({ keyPrefix: 'ip', points: limits.perAddress, duration: limits.windowSeconds });
  // Counted, never refused by itself: it only decides when sign-ins for the account slow down.
  const accountFailures = limiters({ keyPrefix: 'acct', points: 2_000_000_000, duration: 3600 });
  const slowed = limiters({ keyPrefix: 'slow', points: 1, duration: limits.slowedSpacingSeconds });
  // A space joins them: neither an email nor an address holds one, and PostgreSQL's text refuses the NUL byte.
  const pairKey = (account: string, ip: string) => `${account} ${ip}`;

  return {
    async admit(account, ip) {
      const blockedAddress = await address.get(ip);
      if (blockedAddress && blockedAddress.consumedPoints >= limits.perAddress) return { ok: false, retryAfterSeconds: waitOf(blockedAddress) };
      try {
        await pair.consume(pairKey(account, ip));
      } catch (res) {
        return { ok: false, retryAfterSeconds: waitOf(res) };
      }
      const failures = await accountFailures.get(account);
      if (failures && failures.consumedPoints >= limits.accountFailuresBeforeSlowing) {
        try {
          await slowed.consume(account);
        } catch (res) {
          await pair.reward(pairKey(account, ip));
          return { ok: false, retryAfterSeconds: waitOf(res) };
        }
      }
      return { ok: true };
    },
    async failed(account, ip) {
      await Promise.all([address.consume(ip).catch(() => undefined), accountFailures.consume(account)]);
    },
    async succeeded(account, ip) {
      await Promise.all([pair.delete(pairKey(account, ip)), accountFailures.delete(account), slowed.delete(account)]);
    },
  };
}
