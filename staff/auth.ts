// Who is calling: a script with `Authorization: Bearer <STAFF_TOKEN>` (admin, no CSRF), or a person
// with the signed `staff_session` cookie. The account is read from the store on every request, so
// a change applies at the caller's next request: a new role at once, and a new password, a disabled
// or removed account end its sessions. Cookie callers must send X-CSRF-Token on every
// state-changing request.
import type restify from 'restify';
import type { AccountStore, Role } from './accounts.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { HttpError, isHttps } from './http.js';
import { sameText, type Session, type Sessions } from './sessions.js';

export const SESSION_COOKIE = 'staff_session';
/** what a status change made with STAFF_TOKEN records as `by` */
export const TOKEN_USER = 'staff-token';

export interface Principal {
  email: string;
  role: Role;
  via: 'session' | 'token';
  session?: Session;
  csrfToken?: string;
}

const RANK: Record<Role, number> = { viewer: 0, agent: 1, admin: 2 };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Auth {
  /** The caller, or undefined; refreshes the session cookie when it is due. */
  identify(req: restify.Request, res: restify.Response): Promise<Principal | undefined>;
  /** The caller if signed in, CSRF-checked and of at least `role`; else throws 401 / 403. */
  require(req: restify.Request, res: restify.Response, role: Role): Promise<Principal>;
  checkCsrf(req: restify.Request, principal: Principal): void;
  setSessionCookie(req: restify.Request, res: restify.Response, token: string, session: Session): void;
  clearSessionCookie(req: restify.Request, res: restify.Response): void;
}

export function createAuth({ accounts, sessions, staffToken }: { accounts: AccountStore; sessions: Sessions; staffToken?: string }): Auth {
  const auth: Auth = {
    async identify(req, res) {
      const authorization = req.headers.authorization;
      if (typeof authorization === 'string' && /^bearer /i.test(authorization)) {
        const given = authorization.slice(7).trim();
        return staffToken && sameText(given, staffToken) ? { email: TOKEN_USER, role: 'admin', via: 'token' } : undefined;
      }
      const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      if (!token) return undefined;
      const verified = await sessions.verify(token);
      if (!verified) return undefined;
      const account = await accounts.find(verified.session.email);
      if (!account || account.disabledAt || sessions.passwordTag(account.passwordHash) !== verified.session.passwordTag) return undefined;
      // Disabled then enabled again: the sessions it had before stay ended.
      if (account.sessionsEndedAt && verified.session.issuedAt <= Date.parse(account.sessionsEndedAt)) return undefined;
      if (verified.refreshed) auth.setSessionCookie(req, res, verified.refreshed, verified.session);
      return { email: account.email, role: account.role, via: 'session', session: verified.session, csrfToken: sessions.csrfToken(verified.session) };
    },

    async require(req, res, role) {
      const principal = await auth.identify(req, res);
      if (!principal) throw new HttpError(401, { error: 'sign in required' });
      auth.checkCsrf(req, principal);
      if (RANK[principal.role] < RANK[role]) throw new HttpError(403, { error: 'forbidden' });
      return principal;
    },

    checkCsrf(req, principal) {
      if (principal.via !== 'session' || !principal.session || SAFE_METHODS.has(req.method ?? 'GET')) return;
      const header = req.headers['x-csrf-token'];
      if (!sessions.checkCsrf(principal.session, typeof header === 'string' ? header : undefined)) throw new HttpError(403, { error: 'csrf' });
    },

    setSessionCookie(req, res, token, session) {
      res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { maxAge: sessions.secondsLeft(session), secure: isHttps(req) }));
    },

    clearSessionCookie(req, res) {
      res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { maxAge: 0, secure: isHttps(req) }));
    },
  };
  return auth;
}
