import { createFileStaffRecords } from '../../tickets/staffRecords.js';
import { useTempDataDir } from './helpers.js';
import { staffRecordsContract } from './staffRecordsContract.js';

describe('staff accounts, signed-out sessions and the audit on disk', () => {
  const dirs = useTempDataDir();
  staffRecordsContract(() => createFileStaffRecords(dirs.dataDir()));
});
