// Staff accounts and signed-out sessions on PostgreSQL (see staffRecords.ts).
import type { Pool } from 'pg';
import type { StaffRecords } from '../staffRecords.js';
import type { StaffAccount, StaffRole } from '../types.js';

interface Row {
  email: string;
  role: StaffRole;
  password_hash: string;
  created_at: string;
  updated_at: string | null;
}

function accountOf(row: Row): StaffAccount {
  const account: StaffAccount = { email: row.email, role: row.role, passwordHash: row.password_hash, createdAt: row.created_at };
  if (row.updated_at !== null) account.updatedAt = row.updated_at;
  return account;
}

export function createPgStaffRecords(pool: Pool): StaffRecords {
  return {
    async findAccount(email) {
      const { rows } = await pool.query<Row>('SELECT email, role, password_hash, created_at, updated_at FROM staff_accounts WHERE email = $1', [email]);
      return rows[0] && accountOf(rows[0]);
    },
    async allAccounts() {
      const { rows } = await pool.query<Row>('SELECT email, role, password_hash, created_at, updated_at FROM staff_accounts ORDER BY email');
      return rows.map(accountOf);
    },
    async putAccount(a) {
      await pool.query(
        `INSERT INTO staff_accounts (email, role, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
        [a.email, a.role, a.passwordHash, a.createdAt, a.updatedAt ?? null],
      );
    },
    async revokedUntil(sid) {
      const { rows } = await pool.query<{ until: string }>('SELECT until FROM staff_revocations WHERE sid = $1', [sid]);
      return rows[0] ? Number(rows[0].until) : undefined;
    },
    async revoke(sid, until, now) {
      await pool.query('DELETE FROM staff_revocations WHERE until <= $1', [now]);
      await pool.query('INSERT INTO staff_revocations (sid, until) VALUES ($1, $2) ON CONFLICT (sid) DO UPDATE SET until = excluded.until', [sid, until]);
    },
  };
}
