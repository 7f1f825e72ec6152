// Staff accounts: passwords hashed with argon2id, checked as slowly for an unknown email as for a
// wrong password. Where accounts are kept is the store's business (tickets/staffRecords.ts): files
// under DATA_DIR or PostgreSQL, read on each request so `npm run staff:add` applies without a restart.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { StaffRecords } from '../tickets/staffRecords.js';
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../tickets/types.js';

export const ROLES = STAFF_ROLES;
export type Role = StaffRole;
export type Account = StaffAccount;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

// argon2id (the library's default, named here so a change of default cannot weaken it), with the
// library's parameters: 19 MiB, 2 passes, 1 lane (OWASP's minimum recommendation for argon2id).
const ARGON2ID = 2 as Algorithm;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** What an admin does to an account from the console. */
export type AccountChange = { kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'remove' };

export type ChangeResult =
  /** `account`: as it is now (null once removed); `before`: as it was; `changed`: false when it already was so */
  | { ok: true; account: Account | null; before: Account; changed: boolean }
  | { ok: false; reason: 'not-found' | 'last-admin' };

export interface AccountStore {
  find(email: string): Promise<Account | undefined>;
  /** Every account, by email. */
  list(): Promise<Account[]>;
  /**
   * The account if the password is right, disabled or not (the caller says which); as slow for an
   * unknown email as for a wrong password.
   */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
  /** Creates the account, or sets its password (and role, when given) if it exists; `before`: as it was. */
  upsert(email: string, password: string, role?: Role): Promise<{ account: Account; created: boolean; before?: Account }>;
  /** Changes the role, disables, enables or removes; refused when no active admin would be left. */
  change(email: string, change: AccountChange): Promise<ChangeResult>;
}

/** An admin who can manage accounts: the console must always keep one. */
export const isActiveAdmin = (account: Account) => account.role === 'admin' && !account.disabledAt;

export function createAccountStore({ records, now = () => new Date() }: { records: StaffRecords; now?: () => Date }): AccountStore {
  let dummyHash: Promise<string> | undefined;
  const find = (email: string) => records.findAccount(normaliseEmail(email));

  return {
    find,
    async list() {
      return (await records.allAccounts()).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    },
    async verifyPassword(email, password) {
      const account = password.length <= MAX_PASSWORD_LENGTH ? await find(email) : undefined;
      if (!account) {
        // Same work as for a real account, so timing does not tell which emails exist.
        dummyHash ??= hash('not a real password, only here to spend time', { algorithm: ARGON2ID });
        await verify(await dummyHash, password.slice(0, MAX_PASSWORD_LENGTH)).catch(() => false);
        return undefined;
      }
      const ok = await verify(account.passwordHash, password).catch(() => false);
      return ok ? structuredClone(account) : undefined;
    },
    async upsert(email, password, role) {
      if (password.length < MIN_PASSWORD_LENGTH) throw new RangeError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
      if (password.length > MAX_PASSWORD_LENGTH) throw new RangeError(`the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
      const address = normaliseEmail(email);
      if (!isEmail(address)) throw new RangeError(`'${email}' is not an email address`);
      const existing = await records.findAccount(address);
      const passwordHash = await hash(password, { algorithm: ARGON2ID });
      const at = now().toISOString();
      const account: Account = existing
        ? { ...existing, passwordHash, updatedAt: at, ...(role ? { role } : {}) }
        : { email: address, role: role ?? 'agent', passwordHash, createdAt: at };
      await records.putAccount(account);
      return { account: structuredClone(account), created: !existing, ...(existing ? { before: existing } : {}) };
    },
    async change(email, change) {
      let before: Account | undefined;
      const decision = await records.changeAccount(normaliseEmail(email), (account, all) => {
        before = account;
        const after = applied(account, change, now().toISOString());
        if (after === account) return { refuse: 'unchanged' };
        // Checked against every account as the store holds them now: two admins demoting each other
        // at once cannot both succeed.
        if (isActiveAdmin(account) && (after === null || !isActiveAdmin(after)) && !all.some((a) => a.email !== account.email && isActiveAdmin(a))) {
          return { refuse: 'last-admin' };
        }
        return after === null ? { remove: true } : { keep: after };
      });
      if (!decision || !before) return { ok: false, reason: 'not-found' };
      if ('refuse' in decision) {
        return decision.refuse === 'unchanged' ? { ok: true, account: structuredClone(before), before, changed: false } : { ok: false, reason: 'last-admin' };
      }
      return { ok: true, account: 'keep' in decision ? structuredClone(decision.keep) : null, before, changed: true };
    },
  };
}

/** The account after the change (null: removed); the very same object when it already was so. */
function applied(account: Account, change: AccountChange, at: string): Account | null {
  switch (change.kind) {
    case 'remove':
      return null;
    case 'role':
      return account.role === change.role ? account : { ...account, role: change.role, updatedAt: at };
    case 'disable':
      // Its sessions end now, and stay ended when it is enabled again.
      return account.disabledAt ? account : { ...account, disabledAt: at, sessionsEndedAt: at, updatedAt: at };
    case 'enable': {
      if (!account.disabledAt) return account;
      const { disabledAt: _, ...enabled } = account;
      return { ...enabled, updatedAt: at };
    }
  }
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
