import { createPgStaffRecords } from '../../../tickets/postgres/pgStaffRecords.js';
import { usePostgres } from '../../helpers/postgres.js';
import { staffRecordsContract } from '../staffRecordsContract.js';

describe('staff accounts and signed-out sessions on PostgreSQL', () => {
  const db = usePostgres();
  let shared: ReturnType<typeof db.pool> | undefined;
  const pool = () => (shared ??= db.pool());
  beforeEach(async () => {
    await pool().query('TRUNCATE staff_accounts, staff_revocations');
  });
  staffRecordsContract(() => createPgStaffRecords(pool()));
});
