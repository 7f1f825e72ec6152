// The staff console's API (/api/staff/…, contract in the issue "The support staff's console"):
// mountStaff adds every route to the bot's restify server, which already parses JSON bodies.
import type restify from 'restify';
import { parseBusinessHours } from '../dialogs/contact/businessHours.js';
import { DEFAULT_FIRST_REPLY_HOURS } from './requestDue.js';
import { createAccountStore } from './accounts.js';
import { mountAccountsApi } from './accountsApi.js';
import { mountArticlesApi } from './articlesApi.js';
import { createAuditRecorder, mountAuditApi } from './auditApi.js';
import { createAuth } from './auth.js';
import { mountAuthApi } from './authApi.js';
import type { StaffContext, StaffDeps } from './context.js';
import { mountDashboardApi } from './dashboardApi.js';
import { mountExportApi } from './exportApi.js';
import { createKbWriter } from './kbWriter.js';
import { createSignInLimiter } from './signInLimiter.js';
import { mountRequestsApi } from './requestsApi.js';
import { createStoredRevocations } from './revocations.js';
import { createSessions } from './sessions.js';
import { mountTranscriptsApi } from './transcriptsApi.js';
import { mountTryApi } from './tryApi.js';
import { mountUnansweredApi } from './unansweredApi.js';

export type { StaffDeps } from './context.js';

export const MIN_SECRET_LENGTH = 32;

/** A STAFF_TOKEN or STAFF_SESSION_SECRET too short to be safe: refuse to start rather than run weak. */
export class StaffConfigError extends Error {
  override name = 'StaffConfigError';
}

function secretOrUndefined(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < MIN_SECRET_LENGTH) {
    throw new StaffConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length}); try \`openssl rand -base64 48\``);
  }
  return value;
}

export function mountStaff(server: restify.Server, deps: StaffDeps): void {
  const staffToken = secretOrUndefined('STAFF_TOKEN', deps.staffToken);
  const sessionSecret = secretOrUndefined('STAFF_SESSION_SECRET', deps.sessionSecret);
  const now = deps.now ?? (() => new Date());
  const log = deps.log;
  const accounts = createAccountStore({ records: deps.records, now });
  const sessions = createSessions({
    ...(sessionSecret ? { secret: sessionSecret } : {}),
    now,
    revocations: createStoredRevocations(deps.records, now),
  });
  const ctx: StaffContext = {
    server,
    store: deps.store,
    live: deps.live,
    timeZone: deps.timeZone ?? 'Europe/Paris',
    dueRules: deps.dueRules ?? { firstReplyHours: DEFAULT_FIRST_REPLY_HOURS, business: parseBusinessHours('mon-fri 09:00-18:00', deps.timeZone ?? 'Europe/Paris') },
    trustProxy: deps.trustProxy ?? false,
    now,
    log,
    accounts,
    sessions,
    auth: createAuth({ accounts, sessions, ...(staffToken ? { staffToken } : {}) }),
    limiter: createSignInLimiter(deps.signInLimits, deps.limiters),
    kb: createKbWriter({ live: deps.live, store: deps.store, log }),
    audit: createAuditRecorder({ records: deps.records, now, trustProxy: deps.trustProxy ?? false, log }),
    auditRecords: deps.records,
  };
  mountAuthApi(ctx);
  mountRequestsApi(ctx);
  mountTranscriptsApi(ctx);
  mountUnansweredApi(ctx);
  mountArticlesApi(ctx);
  mountDashboardApi(ctx);
  mountTryApi(ctx);
  mountExportApi(ctx);
  mountAccountsApi(ctx);
  mountAuditApi(ctx);
}
