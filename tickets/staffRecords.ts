// What the staff console stores: accounts and signed-out sessions. The embedded backend keeps them
// in DATA_DIR/staff/ (accounts.json, re-read when `npm run staff:add` changes it from another
// process; revoked.json, so a restart does not bring signed-out sessions back); PostgreSQL in
// tables (postgres/pgStaffRecords.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from './durableJsonFile.js';
import { STAFF_ROLES, type StaffAccount } from './types.js';

export interface StaffRecords {
  /** `email` lower-case */
  findAccount(email: string): Promise<StaffAccount | undefined>;
  /** Every account (the import into PostgreSQL copies them). */
  allAccounts(): Promise<StaffAccount[]>;
  /** Creates or replaces the account with this email. */
  putAccount(account: StaffAccount): Promise<void>;
  /** ms since the epoch until which the session is signed out; undefined if it is not */
  revokedUntil(sid: string): Promise<number | undefined>;
  /** Signs the session out until `until`; forgets entries that have expired by `now`. */
  revoke(sid: string, until: number, now: number): Promise<void>;
}

const accountSchema = z.object({ email: z.string(), role: z.enum(STAFF_ROLES), passwordHash: z.string(), createdAt: z.string(), updatedAt: z.string().optional() });
const accountsSchema = z.object({ accounts: z.array(accountSchema) });
const revokedSchema = z.object({ revoked: z.record(z.string(), z.number()) });

export function createFileStaffRecords(dataDir: string): StaffRecords {
  const accountsFile = join(dataDir, 'staff', 'accounts.json');
  const accounts = new DurableJsonFile<z.infer<typeof accountsSchema>>(accountsFile, { parse: (value) => accountsSchema.parse(value) });
  const revokedFile = new DurableJsonFile<z.infer<typeof revokedSchema>>(join(dataDir, 'staff', 'revoked.json'), { parse: (value) => revokedSchema.parse(value) });
  let cached: { stamp: string; data: z.infer<typeof accountsSchema> } | undefined;
  let revoked: Promise<Map<string, number>> | undefined;

  async function loadAccounts() {
    const info = await stat(accountsFile).catch(() => undefined);
    const stamp = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'none';
    if (cached?.stamp !== stamp) cached = { stamp, data: (await accounts.read()) ?? { accounts: [] } };
    return cached.data;
  }
  const loadRevoked = () => (revoked ??= revokedFile.read().then((data) => new Map(Object.entries(data?.revoked ?? {}))));

  return {
    async findAccount(email) {
      const found = (await loadAccounts()).accounts.find((a) => a.email === email);
      return found && structuredClone(found);
    },
    async allAccounts() {
      return structuredClone((await loadAccounts()).accounts);
    },
    async putAccount(account) {
      const data = structuredClone(await loadAccounts());
      const at = data.accounts.findIndex((a) => a.email === account.email);
      if (at >= 0) data.accounts[at] = structuredClone(account);
      else data.accounts.push(structuredClone(account));
      await accounts.write(data);
      cached = undefined;
    },
    async revokedUntil(sid) {
      return (await loadRevoked()).get(sid);
    },
    async revoke(sid, until, now) {
      const map = await loadRevoked();
      for (const [id, end] of map) if (end <= now) map.delete(id);
      map.set(sid, until);
      await revokedFile.write({ revoked: Object.fromEntries(map) });
    },
  };
}
