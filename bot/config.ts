// Configuration from the environment, validated once at start: one clear message per bad variable.
import { z } from 'zod';
import type { Thresholds } from '../knowledge/matching/thresholds.js';
import { DEFAULT_THRESHOLDS } from '../knowledge/matching/defaultThresholds.js';
import { parseBusinessHours, type BusinessHours } from '../dialogs/contact/businessHours.js';
import type { SlotOptions } from '../dialogs/contact/slots.js';
import { DEFAULT_TRAFFIC_LIMITS, type TrafficLimits } from './trafficLimits.js';
import { DEFAULT_LINK_HOSTS } from '../knowledge/answerSafety.js';
import type { SupportLevel } from '../tickets/types.js';
import { DEFAULT_FIRST_REPLY_HOURS } from '../staff/requestDue.js';

export interface Config {
  port: number;
  host: string;
  knowledgeDir: string;
  /** hosts the answers may link to (and their subdomains) */
  linkHosts: string[];
  dataDir: string;
  /** where everything is stored: files under DATA_DIR (one process), or a PostgreSQL database (several instances) */
  storage: { kind: 'files' } | { kind: 'postgres'; url: string };
  defaultLocale: 'fr' | 'en';
  thresholds: Thresholds;
  /** callback hours; their zone is also the zone of reference numbers and record times */
  businessHours: BusinessHours;
  callbackSlots: SlotOptions;
  /** Teams tenants allowed to use the bot; empty = any */
  teamsAllowedTenants: string[];
  /** days transcripts, analysis records and conversation state are kept */
  retentionDays: number;
  /** anonymous chats started per address per hour, messages per conversation per minute */
  traffic: TrafficLimits;
  /** the staff console: bearer token for scripts, session signing secret, X-Forwarded-For trusted */
  staff: { token?: string; sessionSecret?: string; trustProxy: boolean };
  /** Bot Framework registration; absent in local mode */
  botFramework?: { appId: string; appPassword?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string; openIdMetadataUrl?: string };
  /** the support team's Teams channel, where each request is posted as a card; absent: none */
  supportTeam?: { teamId: string; channelId: string; serviceUrl: string; tenantId?: string; lang: 'fr' | 'en' };
  /** the address customers and staff reach this server at (https://help.scriba.example), for links to the console */
  publicUrl?: string;
  /** mail to customers (confirmations, replies, status changes); absent: no mail is sent */
  mail?: { url: string; from: string; replyTo?: string };
  /** per support level, the business hours within which staff should first reply (due times in the console) */
  firstReplyHours: Record<SupportLevel, number>;
  /** the website chat: pages under web/, Direct Line for Web Chat */
  webChat: {
    /** the in-process Direct Line: on in local mode, off with a MicrosoftAppId unless LOCAL_DIRECTLINE=true */
    localDirectLine: boolean;
    /** signs the local Direct Line's tokens; unset = a random secret per process (chats end on restart) */
    localSecret?: string;
    /** a real Azure Bot's Direct Line channel: the page gets its tokens from there */
    azure?: { secret: string; endpoint: string };
    /** origins allowed to show the chat in an iframe (the embed snippet); ['*'] = any */
    embedOrigins: string[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

// An empty variable (`PORT=` in .env) means "use the default", as if it were not set.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const confidence = z.coerce.number({ error: 'must be a number between 0 and 1' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const Env = z.object({
  PORT: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535')),
  KNOWLEDGE_DIR: optional(z.string()),
  KB_LINK_HOSTS: optional(z.string()),
  DATA_DIR: optional(z.string()),
  STORAGE: optional(z.enum(['files', 'postgres'], { error: "must be 'files' or 'postgres'" })),
  DATABASE_URL: optional(z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a postgres:// URL')),
  DEFAULT_LOCALE: optional(z.enum(['fr', 'en'], { error: "must be 'fr' or 'en'" })),
  MATCH_ANSWER_THRESHOLD: optional(confidence),
  MATCH_CLARIFY_THRESHOLD: optional(confidence),
  BUSINESS_HOURS: optional(z.string()),
  BUSINESS_TIMEZONE: optional(z.string()),
  CALLBACK_SLOT_MINUTES: optional(z.coerce.number({ error: 'must be a whole number of minutes' }).int('must be a whole number of minutes').min(5, 'must be at least 5').max(480, 'must be at most 480')),
  CALLBACK_SLOTS: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 to 6').max(6, 'must be 1 to 6')),
  CALLBACK_LEAD_MINUTES: optional(z.coerce.number({ error: 'must be a whole number of minutes' }).int('must be a whole number of minutes').min(0, 'must not be negative')),
  TEAMS_ALLOWED_TENANTS: optional(z.string()),
  RETENTION_DAYS: optional(z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1')),
  LIMIT_CHAT_STARTS_PER_HOUR: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1')),
  LIMIT_MESSAGES_PER_MINUTE: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1')),
  LIMIT_HELP_PER_MINUTE: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1')),
  STAFF_TOKEN: optional(z.string().min(32, 'must be at least 32 characters (a bearer token for scripts)')),
  STAFF_SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  STAFF_TRUST_PROXY: optional(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" })),
  MicrosoftAppId: optional(z.string()),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppType: optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { error: "must be 'MultiTenant', 'SingleTenant' or 'UserAssignedMSI'" })),
  MicrosoftAppTenantId: optional(z.string()),
  BOT_OPENID_METADATA_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  LOCAL_DIRECTLINE: optional(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" })),
  DIRECT_LINE_LOCAL_SECRET: optional(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)')),
  DIRECT_LINE_SECRET: optional(z.string()),
  DIRECT_LINE_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  WEB_EMBED_ORIGINS: optional(z.string()),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL (smtp://user:password@mail.example.com:587)')),
  MAIL_FROM: optional(z.string().regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, e.g. Scriba support <support@scriba.example>')),
  MAIL_REPLY_TO: optional(z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an email address')),
  FIRST_REPLY_HOURS: optional(z.string()),
  TEAMS_SUPPORT_TEAM: optional(z.string().regex(/^19:\S+@thread\.(?:tacv2|skype)$/, "must be a Teams channel id such as 19:abc…@thread.tacv2 (the team's General channel)")),
  TEAMS_SUPPORT_CHANNEL: optional(z.string().regex(/^19:\S+@thread\.(?:tacv2|skype)$/, 'must be a Teams channel id such as 19:abc…@thread.tacv2')),
  TEAMS_SERVICE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://smba.trafficmanager.net/emea/' })),
  TEAMS_SUPPORT_LOCALE: optional(z.enum(['fr', 'en'], { error: "must be 'fr' or 'en'" })),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://help.scriba.example' })),
});

/** Never echoed in an error message. */
const SECRETS = new Set(['DATABASE_URL', 'MicrosoftAppPassword', 'DIRECT_LINE_LOCAL_SECRET', 'DIRECT_LINE_SECRET', 'STAFF_TOKEN', 'STAFF_SESSION_SECRET', 'SMTP_URL']);


/** "L1=8, L2=4, L3=16, L4=40" (levels left out keep their default). */
export function firstReplyHoursOf(value: string | undefined): Record<SupportLevel, number> {
  const hours = { ...DEFAULT_FIRST_REPLY_HOURS };
  const problems: string[] = [];
  for (const part of (value ?? '').split(/[\s,;]+/).filter(Boolean)) {
    const m = /^L?([1-4])[=:](\d+(?:\.\d+)?)$/i.exec(part);
    if (!m || Number(m[2]) <= 0) problems.push(`FIRST_REPLY_HOURS: '${part}' is not a level and a number of business hours, such as L1=8`);
    else hours[Number(m[1]) as SupportLevel] = Number(m[2]);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return hours;
}

/** The Bot Framework service for Teams when the team's region is not given (it redirects). */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

/** "https://www.example.com, https://shop.example.com" or "*": the origins allowed to frame the chat. */
function parseOrigins(value: string | undefined): string[] {
  const origins = (value ?? '*').split(/[\s,]+/).filter(Boolean);
  const bad = origins.filter((o) => o !== '*' && !/^https?:\/\/[^/\s'";]+$/.test(o));
  if (bad.length > 0) throw new ConfigError(bad.map((o) => `WEB_EMBED_ORIGINS: '${o}' is not an origin such as https://www.example.com (or *)`));
  return origins.length > 0 ? origins : ['*'];
}

/** "scriba.example, docs.partner.example": hosts answers may link to; unset = the product's own sites. */
export function linkHostsOf(value: string | undefined): string[] {
  const hosts = (value ?? '').split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter(Boolean);
  const bad = hosts.filter((h) => !/^[a-z0-9.-]+$/.test(h));
  if (bad.length > 0) throw new ConfigError(bad.map((h) => `KB_LINK_HOSTS: '${h}' is not a host name such as help.example.com`));
  return hosts.length > 0 ? hosts : [...DEFAULT_LINK_HOSTS];
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      const value = env[key] ?? '';
      return `${key} ${i.message} (got ${SECRETS.has(key) ? `${value.length} characters` : `'${value}'`})`;
    }));
  }
  const e = parsed.data;
  const thresholds = {
    answer: e.MATCH_ANSWER_THRESHOLD ?? DEFAULT_THRESHOLDS.answer,
    clarify: e.MATCH_CLARIFY_THRESHOLD ?? DEFAULT_THRESHOLDS.clarify,
  };
  if (thresholds.clarify > thresholds.answer) {
    throw new ConfigError([`MATCH_CLARIFY_THRESHOLD (${thresholds.clarify}) must not be above MATCH_ANSWER_THRESHOLD (${thresholds.answer})`]);
  }
  let businessHours: BusinessHours;
  try {
    businessHours = parseBusinessHours(e.BUSINESS_HOURS ?? 'mon-fri 09:00-18:00', e.BUSINESS_TIMEZONE ?? 'Europe/Paris');
  } catch (err) {
    throw new ConfigError([err instanceof Error ? err.message : String(err)]);
  }
  if (e.SMTP_URL && !e.MAIL_FROM) throw new ConfigError(['MAIL_FROM is required with SMTP_URL: the address mails to customers come from (Scriba support <support@scriba.example>)']);
  if (e.STORAGE === 'postgres' && !e.DATABASE_URL) throw new ConfigError(['DATABASE_URL is required when STORAGE is postgres (postgres://user:password@host:5432/database)']);
  const appId = e.MicrosoftAppId;
  if (e.TEAMS_SUPPORT_TEAM && !appId) throw new ConfigError(['TEAMS_SUPPORT_TEAM needs the bot registered with Azure (MicrosoftAppId): Teams only talks to a registered bot']);
  if (e.MicrosoftAppType === 'SingleTenant' && appId && !e.MicrosoftAppTenantId) {
    throw new ConfigError(['MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant']);
  }
  return {
    port: e.PORT ?? 3978,
    // Without an app id nobody is authenticated: listen on loopback only.
    host: appId ? '0.0.0.0' : '127.0.0.1',
    knowledgeDir: e.KNOWLEDGE_DIR ?? './knowledge',
    linkHosts: linkHostsOf(e.KB_LINK_HOSTS),
    dataDir: e.DATA_DIR ?? './data',
    storage: e.STORAGE === 'postgres' && e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'files' },
    defaultLocale: e.DEFAULT_LOCALE ?? 'fr',
    thresholds,
    businessHours,
    staff: {
      ...(e.STAFF_TOKEN ? { token: e.STAFF_TOKEN } : {}),
      ...(e.STAFF_SESSION_SECRET ? { sessionSecret: e.STAFF_SESSION_SECRET } : {}),
      trustProxy: e.STAFF_TRUST_PROXY === 'true',
    },
    teamsAllowedTenants: (e.TEAMS_ALLOWED_TENANTS ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    retentionDays: e.RETENTION_DAYS ?? 365,
    traffic: { startsPerHour: e.LIMIT_CHAT_STARTS_PER_HOUR ?? DEFAULT_TRAFFIC_LIMITS.startsPerHour, messagesPerMinute: e.LIMIT_MESSAGES_PER_MINUTE ?? DEFAULT_TRAFFIC_LIMITS.messagesPerMinute, helpPerMinute: e.LIMIT_HELP_PER_MINUTE ?? DEFAULT_TRAFFIC_LIMITS.helpPerMinute },
    ...(e.SMTP_URL && e.MAIL_FROM ? { mail: { url: e.SMTP_URL, from: e.MAIL_FROM, ...(e.MAIL_REPLY_TO ? { replyTo: e.MAIL_REPLY_TO } : {}) } } : {}),
    firstReplyHours: firstReplyHoursOf(e.FIRST_REPLY_HOURS),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.TEAMS_SUPPORT_TEAM
      ? {
          supportTeam: {
            teamId: e.TEAMS_SUPPORT_TEAM,
            channelId: e.TEAMS_SUPPORT_CHANNEL ?? e.TEAMS_SUPPORT_TEAM,
            serviceUrl: e.TEAMS_SERVICE_URL ?? DEFAULT_TEAMS_SERVICE_URL,
            lang: e.TEAMS_SUPPORT_LOCALE ?? e.DEFAULT_LOCALE ?? 'fr',
            ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
          },
        }
      : {}),
    callbackSlots: { count: e.CALLBACK_SLOTS ?? 4, slotMinutes: e.CALLBACK_SLOT_MINUTES ?? 60, minLeadMinutes: e.CALLBACK_LEAD_MINUTES ?? 60 },
    webChat: {
      // With an app id the bot is public: the anonymous local Direct Line only if asked for.
      localDirectLine: e.LOCAL_DIRECTLINE ? e.LOCAL_DIRECTLINE === 'true' : !appId,
      ...(e.DIRECT_LINE_LOCAL_SECRET ? { localSecret: e.DIRECT_LINE_LOCAL_SECRET } : {}),
      ...(e.DIRECT_LINE_SECRET ? { azure: { secret: e.DIRECT_LINE_SECRET, endpoint: (e.DIRECT_LINE_ENDPOINT ?? DEFAULT_DIRECT_LINE_ENDPOINT).replace(/\/+$/, '') } } : {}),
      embedOrigins: parseOrigins(e.WEB_EMBED_ORIGINS),
    },
    ...(appId
      ? {
          botFramework: {
            appId,
            appType: e.MicrosoftAppType ?? 'MultiTenant',
            ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
            ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
            ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
          },
        }
      : {}),
  };
}
