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

export interface AccountStore {
  find(email: string): Promise<Account | undefined>;
  /** The account if the password is right; as slow for an unknown email as for a wrong password. */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
  /** Creates the account, or sets its password (and role, when given) if it exists. */
  upsert(email: string, password: string, role?: Role): Promise<{ account: Account; created: boolean }>;
}

export function createAccountStore({ records, now = () => new Date() }: { records: StaffRecords; now?: () => Date }): AccountStore {
  let dummyHash: Promise<string> | undefined;
  const find = (email: string) => records.findAccount(normaliseEmail(email));

  return {
    find,
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
      return { account: structuredClone(account), created: !existing };
    },
  };
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
