// Staff sessions as signed cookies: `v1.<payload>.<HMAC-SHA256>`, both base64url. Nothing is stored
// per session but the ids of sessions signed out (see revocations.ts), so with a fixed
// STAFF_SESSION_SECRET a restart signs nobody out. A session ends 8 h after sign-in, or after 1 h
// without use; each use (at most once a minute) re-issues the cookie with a new "last seen".
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createMemoryRevocations, type Revocations } from './revocations.js';

export const ABSOLUTE_MS = 8 * 3600_000;
export const IDLE_MS = 3600_000;
const REFRESH_AFTER_MS = 60_000;

export interface Session {
  sid: string;
  email: string;
  /** ms since the epoch */
  issuedAt: number;
  seenAt: number;
  /** ties the session to the password it was opened with: a new password ends old sessions */
  passwordTag: string;
}

export interface SessionOptions {
  /** STAFF_SESSION_SECRET; unset = random per process (sessions end with the process) */
  secret?: string;
  now?: () => Date;
  revocations?: Revocations;
}

export interface Sessions {
  issue(email: string, passwordHash: string): { token: string; session: Session };
  /** The session, if the token is genuine, not expired, not idle and not signed out; `refreshed` is the cookie to send back. */
  verify(token: string): Promise<{ session: Session; refreshed?: string } | undefined>;
  csrfToken(session: Session): string;
  checkCsrf(session: Session, given: string | undefined): boolean;
  revoke(session: Session): Promise<void>;
  /** seconds until the session's absolute end: the cookie's Max-Age */
  secondsLeft(session: Session): number;
  passwordTag(passwordHash: string): string;
}

export function createSessions({ secret, now = () => new Date(), revocations = createMemoryRevocations(now) }: SessionOptions = {}): Sessions {
  const key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  const mac = (purpose: string, data: string) => createHmac('sha256', key).update(`${purpose}\n${data}`).digest('base64url');

  function encode(session: Session): string {
    const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
    return `v1.${payload}.${mac('session', payload)}`;
  }

  function decode(token: string): Session | undefined {
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== 'v1' || !payload || !signature || rest.length > 0) return undefined;
    if (!sameText(signature, mac('session', payload))) return undefined;
    try {
      const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Session>;
      const { sid, email, issuedAt, seenAt, passwordTag } = value;
      if (typeof sid !== 'string' || typeof email !== 'string' || typeof passwordTag !== 'string') return undefined;
      if (typeof issuedAt !== 'number' || typeof seenAt !== 'number') return undefined;
      return { sid, email, issuedAt, seenAt, passwordTag };
    } catch {
      return undefined;
    }
  }

  const passwordTag = (passwordHash: string) => mac('password', passwordHash).slice(0, 22);

  return {
    issue(email, passwordHash) {
      const at = now().getTime();
      const session: Session = { sid: randomBytes(16).toString('base64url'), email, issuedAt: at, seenAt: at, passwordTag: passwordTag(passwordHash) };
      return { token: encode(session), session };
    },
    async verify(token) {
      const session = decode(token);
      if (!session) return undefined;
      const at = now().getTime();
      if (at >= session.issuedAt + ABSOLUTE_MS || at >= session.seenAt + IDLE_MS || at < session.issuedAt - 60_000) return undefined;
      if (await revocations.has(session.sid)) return undefined;
      if (at - session.seenAt < REFRESH_AFTER_MS) return { session };
      const fresh = { ...session, seenAt: at };
      return { session: fresh, refreshed: encode(fresh) };
    },
    csrfToken: (session) => mac('csrf', session.sid),
    checkCsrf: (session, given) => typeof given === 'string' && sameText(given, mac('csrf', session.sid)),
    revoke: (session) => revocations.add(session.sid, session.issuedAt + ABSOLUTE_MS),
    secondsLeft: (session) => Math.max(0, Math.ceil((session.issuedAt + ABSOLUTE_MS - now().getTime()) / 1000)),
    passwordTag,
  };
}

/** Constant-time comparison of two strings (length aside). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
