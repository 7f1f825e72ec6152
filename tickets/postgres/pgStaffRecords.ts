// Staff accounts, signed-out sessions and the staff audit on PostgreSQL (see staffRecords.ts).
import type { Pool, PoolClient } from 'pg';
import { checkedAuditEntry, type StaffRecords } from '../staffRecords.js';
import type { StaffAccount, StaffAuditAction, StaffAuditEntry, StaffAuditFilter, StaffRole } from '../types.js';
import { sqlRange } from './sqlTime.js';
import { inTransaction } from './transaction.js';

interface Row {
  email: string;
  role: StaffRole;
  password_hash: string;
  created_at: string;
  updated_at: string | null;
  disabled_at: string | null;
  sessions_ended_at: string | null;
}

interface AuditRow {
  at: Date;
  actor: string;
  action: StaffAuditAction;
  target: string | null;
  details: string | null;
  address: string | null;
}

const COLUMNS = 'email, role, password_hash, created_at, updated_at, disabled_at, sessions_ended_at';
const AUDIT_COLUMNS = 'at, actor, action, target, details, address';
/** Held while an account changes, by every instance: "staf" in ASCII (migrations hold another). */
const ACCOUNTS_LOCK = 0x73746166;

function accountOf(row: Row): StaffAccount {
  const account: StaffAccount = { email: row.email, role: row.role, passwordHash: row.password_hash, createdAt: row.created_at };
  if (row.updated_at !== null) account.updatedAt = row.updated_at;
  if (row.disabled_at !== null) account.disabledAt = row.disabled_at;
  if (row.sessions_ended_at !== null) account.sessionsEndedAt = row.sessions_ended_at;
  return account;
}

function entryOf(row: AuditRow): StaffAuditEntry {
  const entry: StaffAuditEntry = { at: row.at.toISOString(), actor: row.actor, action: row.action };
  if (row.target !== null) entry.target = row.target;
  if (row.details !== null) entry.details = row.details;
  if (row.address !== null) entry.address = row.address;
  return entry;
}

async function put(db: Pool | PoolClient, a: StaffAccount): Promise<void> {
  await db.query(
    `INSERT INTO staff_accounts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (email) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, updated_at = excluded.updated_at,
       disabled_at = excluded.disabled_at, sessions_ended_at = excluded.sessions_ended_at`,
    [a.email, a.role, a.passwordHash, a.createdAt, a.updatedAt ?? null, a.disabledAt ?? null, a.sessionsEndedAt ?? null],
  );
}

/** The WHERE clause of an audit filter and its parameters (numbered from $1). */
function auditWhere(filter: StaffAuditFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [...sqlRange(filter)];
  const clauses = ['at >= $1', 'at < $2'];
  if (filter.action) clauses.push(`action = $${params.push(filter.action)}`);
  if (filter.actor) clauses.push(`actor = $${params.push(filter.actor)}`);
  return { where: clauses.join(' AND '), params };
}

export function createPgStaffRecords(pool: Pool): StaffRecords {
  return {
    async findAccount(email) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM staff_accounts WHERE email = $1`, [email]);
      return rows[0] && accountOf(rows[0]);
    },
    async allAccounts() {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM staff_accounts ORDER BY email`);
      return rows.map(accountOf);
    },
    putAccount: (a) => put(pool, a),
    async changeAccount(email, decide) {
      return inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
        const all = (await client.query<Row>(`SELECT ${COLUMNS} FROM staff_accounts ORDER BY email`)).rows.map(accountOf);
        const account = all.find((a) => a.email === email);
        const decision = account && decide(structuredClone(account), all);
        if (decision && 'keep' in decision) await put(client, { ...decision.keep, email });
        else if (decision && 'remove' in decision) await client.query('DELETE FROM staff_accounts WHERE email = $1', [email]);
        return decision;
      });
    },
    async revokedUntil(sid) {
      const { rows } = await pool.query<{ until: string }>('SELECT until FROM staff_revocations WHERE sid = $1', [sid]);
      return rows[0] ? Number(rows[0].until) : undefined;
    },
    async revoke(sid, until, now) {
      await pool.query('DELETE FROM staff_revocations WHERE until <= $1', [now]);
      await pool.query('INSERT INTO staff_revocations (sid, until) VALUES ($1, $2) ON CONFLICT (sid) DO UPDATE SET until = excluded.until', [sid, until]);
    },

    async appendAudit(input) {
      const e = checkedAuditEntry(input);
      await pool.query(
        `INSERT INTO staff_audit (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`,
        [new Date(e.at), e.actor, e.action, e.target ?? null, e.details ?? null, e.address ?? null],
      );
    },
    async pageAudit(filter, { offset, limit }) {
      const { where, params } = auditWhere(filter);
      const [page, count] = await Promise.all([
        pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM staff_audit WHERE ${where} ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]),
        pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff_audit WHERE ${where}`, params),
      ]);
      return { entries: page.rows.map(entryOf), total: count.rows[0]!.n };
    },
    async allAudit() {
      const { rows } = await pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM staff_audit ORDER BY at, id`);
      return rows.map(entryOf);
    },
    async lastSignIns(emails) {
      const { rows } = await pool.query<{ actor: string; at: Date }>(
        `SELECT actor, max(at) AS at FROM staff_audit WHERE action = 'sign-in' AND actor = ANY($1::text[]) GROUP BY actor`,
        [[...emails]],
      );
      return Object.fromEntries(rows.map((r) => [r.actor, r.at.toISOString()]));
    },
  };
}
