import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { useTempDataDir } from './helpers.js';
import { requestEventsContract } from './requestEventsContract.js';

describe('request changes and their events on disk', () => {
  const dirs = useTempDataDir();
  requestEventsContract((now) => createLowdbStore({ dataDir: dirs.dataDir(), now }));
});
