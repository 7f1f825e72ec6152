// Tokens of the local Direct Line: stateless, HMAC-signed (HS256, JWT layout) with a server secret.
// A token names one conversation and one user and expires; nothing is stored, so a page reload
// resumes the conversation for as long as the token lives, and a restart too when the secret is
// fixed (DIRECT_LINE_LOCAL_SECRET). The JWT layout matters: Web Chat reads the user id from the
// token's `user` claim, as it does with Azure's Direct Line tokens.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Unix time in seconds */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export interface TokenSignerOptions {
  secret: string;
  /** lifetime of a token; Direct Line's own tokens live one hour */
  ttlSeconds?: number;
  now?: () => Date;
}

export interface IssuedToken {
  token: string;
  /** seconds, as Direct Line's `expires_in` */
  expiresIn: number;
}

export const TOKEN_TTL_SECONDS = 3600;

const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function b64(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A random id for a conversation or a user (16 bytes of crypto.randomBytes). */
export function randomId(prefix = ''): string {
  return prefix + randomBytes(16).toString('base64url');
}

export function createTokenSigner({ secret, ttlSeconds = TOKEN_TTL_SECONDS, now = () => new Date() }: TokenSignerOptions) {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest();
  const seconds = () => Math.floor(now().getTime() / 1000);

  return {
    issue(conversationId: string, userId: string): IssuedToken {
      const iat = seconds();
      // jti: two tokens issued in the same second for the same conversation still differ.
      const payload = b64(JSON.stringify({ conv: conversationId, user: userId, iat, exp: iat + ttlSeconds, jti: randomBytes(9).toString('base64url') }));
      const body = `${HEADER}.${payload}`;
      return { token: `${body}.${sign(body).toString('base64url')}`, expiresIn: ttlSeconds };
    },

    verify(token: string): TokenCheck {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
      const [header, payload, signature] = parts as [string, string, string];
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(`${header}.${payload}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const c = claims as { conv?: unknown; user?: unknown; exp?: unknown };
      if (typeof c.conv !== 'string' || typeof c.user !== 'string' || typeof c.exp !== 'number') return { ok: false, reason: 'malformed' };
      if (c.exp <= seconds()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { conversationId: c.conv, userId: c.user, expiresAt: c.exp } };
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;
