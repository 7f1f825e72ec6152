// What every part of the staff API is given: the bot's own store and live knowledge, plus the
// accounts, sessions, sign-in limiter and audit built once by mountStaff.
import type restify from 'restify';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { StaffAudit, StaffRecords } from '../tickets/staffRecords.js';
import type { StaffAuditAction } from '../tickets/types.js';
import type { LimiterFactory } from '../tickets/rateLimitStore.js';
import type { AccountStore } from './accounts.js';
import type { Auth, Principal } from './auth.js';
import type { KbWriter } from './kbWriter.js';
import type { SignInLimiter, SignInLimits } from './signInLimiter.js';
import type { Sessions } from './sessions.js';
import type { DueRules } from './requestDue.js';

export interface StaffDeps {
  store: HelpdeskStore;
  live: LiveKnowledge;
  /** where accounts, signed-out sessions and the audit are kept (files under DATA_DIR, or PostgreSQL) */
  records: StaffRecords;
  /** STAFF_TOKEN: `Authorization: Bearer …` acts as admin; at least 32 characters; unset = no bearer access */
  staffToken?: string;
  /** STAFF_SESSION_SECRET: signs session cookies; at least 32 characters; unset = random per process */
  sessionSecret?: string;
  /** the store's time zone: days of the dashboard, dates in filters (default Europe/Paris) */
  timeZone?: string;
  /** opening hours and first-reply targets, for due times (default: mon-fri 09:00-18:00 in timeZone, FIRST_REPLY_HOURS' defaults) */
  dueRules?: DueRules;
  /** behind a reverse proxy: take the caller's IP from X-Forwarded-For for the sign-in limit (default false) */
  trustProxy?: boolean;
  /** sign-in limits (tests shorten them) */
  signInLimits?: SignInLimits;
  /** where the sign-in counters live (default: this process's memory) */
  limiters?: LimiterFactory;
  now?: () => Date;
  log: (line: string) => void;
}

export interface StaffContext {
  server: restify.Server;
  store: HelpdeskStore;
  live: LiveKnowledge;
  timeZone: string;
  dueRules: DueRules;
  trustProxy: boolean;
  now: () => Date;
  log: (line: string) => void;
  accounts: AccountStore;
  sessions: Sessions;
  auth: Auth;
  limiter: SignInLimiter;
  kb: KbWriter;
  /**
   * Records in the staff audit what the caller did (`who`: the principal, or for a failed sign-in
   * the email typed), with their address. Called after the change is made; never throws (a failed
   * write is logged: the change has happened and its answer must say so).
   */
  audit(req: restify.Request, who: Principal | string, action: StaffAuditAction, target?: string, details?: string): Promise<void>;
  /** the audit as kept, for the pages that read it */
  auditRecords: StaffAudit;
}
