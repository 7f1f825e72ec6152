import { createPgStaffRecords } from '../../../tickets/postgres/pgStaffRecords.js';
import { usePostgres } from '../../helpers/postgres.js';
import { staffRecordsContract } from '../staffRecordsContract.js';

describe('staff accounts, signed-out sessions and the audit on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE staff_accounts, staff_revocations, staff_audit');
  const pool = () => db.shared();
  staffRecordsContract(() => createPgStaffRecords(pool()));
});
