// npm run staff:add -- email [--role viewer|agent|admin]
// Creates a staff console account, or sets a new password (and the role, when given) for an
// existing one. The password comes from STAFF_PASSWORD, or is typed twice on the terminal without
// being shown. Accounts live where the bot keeps them: DATA_DIR/staff/accounts.json, or with
// STORAGE=postgres the database DATABASE_URL names (from the environment or .env). What the command
// did goes into the staff audit, as done by `staff:add`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../tickets/postgres/migrate.js';
import { databaseWhere } from '../tickets/postgres/openPgStorage.js';
import { createPgStaffRecords } from '../tickets/postgres/pgStaffRecords.js';
import { createFileStaffRecords, type StaffRecords } from '../tickets/staffRecords.js';
import { AUDIT_COMMAND_LINE_ACTOR, type StaffAuditEntry } from '../tickets/types.js';
import { createAccountStore, isEmail, MIN_PASSWORD_LENGTH, normaliseEmail, ROLES, type Account, type Role } from '../staff/accounts.js';

const USAGE = 'usage: npm run staff:add -- email [--role viewer|agent|admin]   (password from STAFF_PASSWORD or typed)';

class UsageError extends Error {}

/** Reads one line from the terminal with echo off. */
async function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(prompt);
    muted = true; // the prompt is written; what the user types is not
    return await answer;
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.STAFF_PASSWORD !== undefined && env.STAFF_PASSWORD !== '') return env.STAFF_PASSWORD;
  if (!process.stdin.isTTY) throw new UsageError('no terminal to type the password in: set STAFF_PASSWORD');
  const password = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if ((await askHidden('Same password again: ')) !== password) throw new UsageError('the two passwords differ; nothing was changed');
  return password;
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const email = normaliseEmail(positionals[0]!);
  if (!isEmail(email)) throw new UsageError(`'${positionals[0]}' is not an email address`);
  const role = values.role;
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')} (got '${role}')`);

  const password = await readPassword(process.env);
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const { records, where, close } = await openRecords(process.env);
  try {
    const { account, created, before } = await createAccountStore({ records }).upsert(email, password, role as Role | undefined);
    console.log(`${created ? 'created' : 'updated'} ${account.email} (${account.role}), data in ${where}`);
    try {
      await audit(records, account, before);
    } catch (err) {
      // The account is changed all the same: say so rather than fail.
      console.error(`the staff audit could not record it: ${err instanceof Error ? err.message : String(err)}`);
    }
  } finally {
    await close();
  }
}

/** The store the bot reads accounts from, as bot/config.ts picks it. */
async function openRecords(env: NodeJS.ProcessEnv): Promise<{ records: StaffRecords; where: string; close: () => Promise<void> }> {
  if (env.STORAGE === 'postgres') {
    if (!env.DATABASE_URL) throw new UsageError('DATABASE_URL is required when STORAGE is postgres (postgres://user:password@host:5432/database)');
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    try {
      // The bot migrates at start; the first account may come before the first start.
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { records: createPgStaffRecords(pool), where: `PostgreSQL ${databaseWhere(env.DATABASE_URL)}`, close: () => pool.end() };
  }
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return { records: createFileStaffRecords(dataDir), where: dataDir, close: async () => undefined };
}

async function audit(records: StaffRecords, account: Account, before: Account | undefined): Promise<void> {
  const entry = (action: StaffAuditEntry['action'], details?: string): StaffAuditEntry => ({
    at: new Date().toISOString(), actor: AUDIT_COMMAND_LINE_ACTOR, action, target: account.email, ...(details ? { details } : {}),
  });
  if (!before) {
    await records.appendAudit(entry('account-created', `role ${account.role}`));
    return;
  }
  await records.appendAudit(entry('account-password-set'));
  if (before.role !== account.role) await records.appendAudit(entry('account-role-changed', `${before.role} → ${account.role}`));
}

try {
  await main();
} catch (err) {
  console.error(err instanceof UsageError || err instanceof RangeError ? err.message : err);
  process.exitCode = 1;
}
