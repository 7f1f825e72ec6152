import { createPgStaffRecords } from '../../../tickets/postgres/pgStaffRecords.js';
import { usePostgres } from '../../helpers/postgres.js';
import { staffRecordsContract } from '../staffRecordsContract.js';

describe('staff accounts and signed-out sessions on PostgreSQL', () => {
  const db = usePostgres('TRUNCATE staff_accounts, staff_revocations');
  const pool = () => db.shared();
  staffRecordsContract(() => createPgStaffRecords(pool()));
});
