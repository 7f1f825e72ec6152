// What the staff console stores: accounts, signed-out sessions and the staff audit. The embedded
// backend keeps them in DATA_DIR/staff/ (accounts.json, re-read when `npm run staff:add` changes it
// from another process; revoked.json, so a restart does not bring signed-out sessions back;
// audit/2026-11.jsonl, one file per month, UTC); PostgreSQL in tables (postgres/pgStaffRecords.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from './durableJsonFile.js';
import { createKeyedQueue } from './keyedQueue.js';
import { createMonthlyLog } from './monthlyLog.js';
import { parseInput } from './schemas.js';
import { STAFF_AUDIT_ACTIONS, STAFF_ROLES, type StaffAccount, type StaffAuditEntry, type StaffAuditFilter } from './types.js';

/** What changeAccount does with the account: keep it as given, remove it, or change nothing and say why. */
export type AccountDecision = { keep: StaffAccount } | { remove: true } | { refuse: string };

/**
 * The staff audit: kept as long as the deployment keeps it (it is the record of who did what), so
 * neither the retention purge nor a privacy erasure of a customer touches it; it holds staff data
 * only (emails, addresses, what was changed).
 */
export interface StaffAudit {
  appendAudit(entry: StaffAuditEntry): Promise<void>;
  /** Newest first, with how many match in all. */
  pageAudit(filter: StaffAuditFilter, page: { offset: number; limit: number }): Promise<{ entries: StaffAuditEntry[]; total: number }>;
  /** Every entry, oldest first (the import into PostgreSQL copies them). */
  allAudit(): Promise<StaffAuditEntry[]>;
  /** The time of each account's last sign-in, for those of `emails` that ever signed in. */
  lastSignIns(emails: readonly string[]): Promise<Record<string, string>>;
}

export interface StaffRecords extends StaffAudit {
  /** `email` lower-case */
  findAccount(email: string): Promise<StaffAccount | undefined>;
  /** Every account (the import into PostgreSQL copies them). */
  allAccounts(): Promise<StaffAccount[]>;
  /** Creates or replaces the account with this email. */
  putAccount(account: StaffAccount): Promise<void>;
  /**
   * Changes an account, one change of accounts at a time (on every instance): `decide` sees the
   * account and every account as they are now, so a rule across accounts (one active admin at
   * least) holds when two admins act at once. Undefined when there is no such account.
   */
  changeAccount(email: string, decide: (account: StaffAccount, all: StaffAccount[]) => AccountDecision): Promise<AccountDecision | undefined>;
  /** ms since the epoch until which the session is signed out; undefined if it is not */
  revokedUntil(sid: string): Promise<number | undefined>;
  /** Signs the session out until `until`; forgets entries that have expired by `now`. */
  revoke(sid: string, until: number, now: number): Promise<void>;
}

export const accountSchema = z.object({
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  passwordHash: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  disabledAt: z.string().optional(),
  sessionsEndedAt: z.string().optional(),
}) satisfies z.ZodType<StaffAccount>;
const accountsSchema = z.object({ accounts: z.array(accountSchema) });
const revokedSchema = z.object({ revoked: z.record(z.string(), z.number()) });

export const AUDIT_LIMITS = { actor: 254, target: 300, details: 300, address: 100 } as const;

export const auditEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string().min(1).max(AUDIT_LIMITS.actor),
  action: z.enum(STAFF_AUDIT_ACTIONS),
  target: z.string().max(AUDIT_LIMITS.target).optional(),
  details: z.string().max(AUDIT_LIMITS.details).optional(),
  address: z.string().max(AUDIT_LIMITS.address).optional(),
}) satisfies z.ZodType<StaffAuditEntry>;

/** The entry as both backends keep it: checked, its time in UTC to the millisecond. */
export function checkedAuditEntry(entry: StaffAuditEntry): StaffAuditEntry {
  const at = new Date(entry.at);
  return parseInput(auditEntrySchema, { ...entry, at: Number.isNaN(at.getTime()) ? entry.at : at.toISOString() }, 'staff audit entry');
}

export function createFileStaffRecords(dataDir: string): StaffRecords {
  const accountsFile = join(dataDir, 'staff', 'accounts.json');
  const accounts = new DurableJsonFile<z.infer<typeof accountsSchema>>(accountsFile, { parse: (value) => accountsSchema.parse(value) });
  const revokedFile = new DurableJsonFile<z.infer<typeof revokedSchema>>(join(dataDir, 'staff', 'revoked.json'), { parse: (value) => revokedSchema.parse(value) });
  // Synced before an append resolves (an audit line must survive a crash), and never cached:
  // `npm run staff:add` appends from another process, and a page must show its lines.
  const audit = createMonthlyLog<StaffAuditEntry>({
    dir: join(dataDir, 'staff', 'audit'), timeZone: 'UTC', now: () => new Date(), schema: auditEntrySchema, what: 'staff audit entry', durable: true, cached: 0,
  });
  // Read-change-write of accounts.json, one at a time in this process.
  const queue = createKeyedQueue();
  const serially = <T>(job: () => Promise<T>) => queue.run('accounts', job);
  let cached: { stamp: string; data: z.infer<typeof accountsSchema> } | undefined;
  let revoked: Promise<Map<string, number>> | undefined;

  async function loadAccounts() {
    const info = await stat(accountsFile).catch(() => undefined);
    const stamp = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'none';
    if (cached?.stamp !== stamp) cached = { stamp, data: (await accounts.read()) ?? { accounts: [] } };
    return cached.data;
  }
  async function writeAccounts(data: z.infer<typeof accountsSchema>) {
    await accounts.write(data);
    cached = undefined;
  }
  const loadRevoked = () => (revoked ??= revokedFile.read().then((data) => new Map(Object.entries(data?.revoked ?? {}))));
  const matches = (filter: StaffAuditFilter) => (e: StaffAuditEntry) => (!filter.action || e.action === filter.action) && (!filter.actor || e.actor === filter.actor);

  return {
    async findAccount(email) {
      const found = (await loadAccounts()).accounts.find((a) => a.email === email);
      return found && structuredClone(found);
    },
    async allAccounts() {
      return structuredClone((await loadAccounts()).accounts);
    },
    putAccount: (account) => serially(async () => {
      const data = structuredClone(await loadAccounts());
      const at = data.accounts.findIndex((a) => a.email === account.email);
      if (at >= 0) data.accounts[at] = structuredClone(account);
      else data.accounts.push(structuredClone(account));
      await writeAccounts(data);
    }),
    changeAccount: (email, decide) => serially(async () => {
      const data = structuredClone(await loadAccounts());
      const at = data.accounts.findIndex((a) => a.email === email);
      if (at < 0) return undefined;
      const decision = decide(structuredClone(data.accounts[at]!), structuredClone(data.accounts));
      if ('refuse' in decision) return decision;
      if ('keep' in decision) data.accounts[at] = structuredClone({ ...decision.keep, email });
      else data.accounts.splice(at, 1);
      await writeAccounts(data);
      return decision;
    }),
    async revokedUntil(sid) {
      return (await loadRevoked()).get(sid);
    },
    async revoke(sid, until, now) {
      const map = await loadRevoked();
      for (const [id, end] of map) if (end <= now) map.delete(id);
      map.set(sid, until);
      await revokedFile.write({ revoked: Object.fromEntries(map) });
    },

    async appendAudit(entry) {
      await audit.append(checkedAuditEntry(entry));
    },
    async pageAudit(filter, { offset, limit }) {
      // Oldest first, in the order written when two share a millisecond: reversed, newest first.
      const found = (await audit.list(filter)).filter(matches(filter)).reverse();
      return { entries: found.slice(offset, offset + limit), total: found.length };
    },
    allAudit: () => audit.list(),
    async lastSignIns(emails) {
      const wanted = new Set(emails);
      const last: Record<string, string> = {};
      for (const e of await audit.list()) if (e.action === 'sign-in' && wanted.has(e.actor)) last[e.actor] = e.at;
      return last;
    },
  };
}
