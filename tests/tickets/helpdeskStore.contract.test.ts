import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { useTempDataDir } from './helpers.js';
import { storeContract } from './storeContract.js';

describe('the helpdesk store on disk: records, transcripts, purge, erasure', () => {
  const dirs = useTempDataDir();
  storeContract((now, maxTranscriptBytes) => {
    const reports: string[] = [];
    return { store: createLowdbStore({ dataDir: dirs.dataDir(), now, report: (l) => reports.push(l), ...(maxTranscriptBytes ? { maxTranscriptBytes } : {}) }), reports };
  });
});
