import { createPgStore } from '../../../tickets/postgres/pgStore.js';
import { usePostgres } from '../../helpers/postgres.js';
import { helpPagesContract } from '../helpPagesContract.js';

describe("the help centre's records on PostgreSQL", () => {
  const db = usePostgres('TRUNCATE records');
  helpPagesContract((now) => createPgStore(db.shared(), { now }));
});
