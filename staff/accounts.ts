// Staff accounts in DATA_DIR/staff/accounts.json: email (lower-case), role, argon2id hash. Written by
// `npm run staff:add` (another process), read by the server on each request: the file is re-read
// when it changes on disk, so a new password or role applies without a restart.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../tickets/durableJsonFile.js';

export const ROLES = ['viewer', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export interface Account {
  email: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  updatedAt?: string;
}

const accountSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  passwordHash: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
});
const fileSchema = z.object({ accounts: z.array(accountSchema) });
type AccountsFile = z.infer<typeof fileSchema>;

// argon2id (the library's default, named here so a change of default cannot weaken it), with the
// library's parameters: 19 MiB, 2 passes, 1 lane (OWASP's minimum recommendation for argon2id).
const ARGON2ID = 2 as Algorithm;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function accountsFile(dataDir: string): string {
  return join(dataDir, 'staff', 'accounts.json');
}

export interface AccountStore {
  find(email: string): Promise<Account | undefined>;
  /** The account if the password is right; as slow for an unknown email as for a wrong password. */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
  /** Creates the account, or sets its password (and role, when given) if it exists. */
  upsert(email: string, password: string, role?: Role): Promise<{ account: Account; created: boolean }>;
}

export function createAccountStore({ dataDir, now = () => new Date() }: { dataDir: string; now?: () => Date }): AccountStore {
  const file = accountsFile(dataDir);
  const adapter = new DurableJsonFile<AccountsFile>(file, { parse: (value) => fileSchema.parse(value) });
  let cached: { stamp: string; data: AccountsFile } | undefined;
  let dummyHash: Promise<string> | undefined;

  async function load(): Promise<AccountsFile> {
    const info = await stat(file).catch(() => undefined);
    const stamp = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'none';
    if (cached?.stamp !== stamp) cached = { stamp, data: (await adapter.read()) ?? { accounts: [] } };
    return cached.data;
  }

  const find = async (email: string) => (await load()).accounts.find((a) => a.email === normaliseEmail(email));

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
      const data = structuredClone(await load());
      const passwordHash = await hash(password, { algorithm: ARGON2ID });
      const at = now().toISOString();
      const existing = data.accounts.find((a) => a.email === address);
      const account: Account = existing
        ? Object.assign(existing, { passwordHash, updatedAt: at, ...(role ? { role } : {}) })
        : { email: address, role: role ?? 'agent', passwordHash, createdAt: at };
      if (!existing) data.accounts.push(account);
      await adapter.write(data);
      cached = undefined;
      return { account: structuredClone(account), created: !existing };
    },
  };
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
