import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { helpPagesContract } from './helpPagesContract.js';
import { useTempDataDir } from './helpers.js';

describe("the help centre's records on disk", () => {
  const dirs = useTempDataDir();
  helpPagesContract((now) => createLowdbStore({ dataDir: dirs.dataDir(), now }));
});
