// POST /api/staff/login, POST /api/staff/logout, GET /api/staff/me. Signing in and "who am I" also
// give the business time zone: the console shows every time in it, whatever the browser's zone.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, normaliseEmail } from './accounts.js';
import { bodyOf, clientIp, guard, HttpError, json, parse } from './http.js';
import type { StaffContext } from './context.js';
import type { Me } from '../web/apiTypes.js';

const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export function mountAuthApi({ server, accounts, sessions, auth, limiter, log, trustProxy, timeZone, audit }: StaffContext): void {
  server.post('/api/staff/login', guard(log, async (req, res) => {
    const { email, password } = parse(loginBody, bodyOf(req), 'sign-in');
    const who = normaliseEmail(email);
    const ip = clientIp(req, trustProxy);
    // Counted before the password is checked: concurrent attempts cannot slip past the limit.
    const admitted = await limiter.admit(who, ip);
    if (!admitted.ok) {
      throw new HttpError(429, { error: 'too many attempts', retryAfterSeconds: admitted.retryAfterSeconds }, { 'Retry-After': String(admitted.retryAfterSeconds) });
    }
    // Attempts refused by the limit above are not audited: anyone could fill the disk with them.
    const account = await accounts.verifyPassword(email, password);
    if (!account) {
      await limiter.failed(who, ip);
      // The email is not logged: people sometimes type their password in that field. The audit,
      // which only admins read, keeps it: it says which account was tried.
      log(`staff sign-in refused from ${ip}`);
      await audit(req, who, 'sign-in-failed', undefined, 'wrong password or unknown account');
      throw new HttpError(401, { error: 'invalid credentials' });
    }
    if (account.disabledAt) {
      await limiter.failed(who, ip);
      await audit(req, account.email, 'sign-in-failed', undefined, 'account disabled');
      // Said plainly, and only to someone who knew the password: an admin can enable it again.
      throw new HttpError(403, { error: 'account disabled' });
    }
    await limiter.succeeded(who, ip);
    await audit(req, account.email, 'sign-in');
    const { token, session } = sessions.issue(account.email, account.passwordHash);
    auth.setSessionCookie(req, res, token, session);
    return json({ email: account.email, role: account.role, csrfToken: sessions.csrfToken(session), timeZone } satisfies Me);
  }));

  server.post('/api/staff/logout', guard(log, async (req, res) => {
    const principal = await auth.identify(req, res);
    if (principal?.session) {
      auth.checkCsrf(req, principal);
      await sessions.revoke(principal.session);
      await audit(req, principal, 'sign-out');
    }
    auth.clearSessionCookie(req, res);
    return { status: 204 };
  }));

  server.get('/api/staff/me', guard(log, async (req, res) => {
    const principal = await auth.identify(req, res);
    if (!principal) throw new HttpError(401, { error: 'sign in required' });
    return json({ email: principal.email, role: principal.role, csrfToken: principal.csrfToken ?? null, timeZone } satisfies Me);
  }));
}
