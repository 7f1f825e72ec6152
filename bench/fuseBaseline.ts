// The baseline the issue names: fuse.js searching every training utterance, top hit's label wins.
// Run on a sample of the test set because each query takes hundreds of milliseconds.
import Fuse from 'fuse.js';
import type { IntentDataset } from './datasets.js';
import { latency, round } from './measure.js';

export function fuseBaseline(ds: IntentDataset, sample = 300) {
  const fuse = new Fuse(ds.train, { keys: ['text'], useTokenSearch: true, ignoreDiacritics: true, includeScore: true });
  const step = Math.max(1, Math.floor(ds.test.length / sample));
  const queries = ds.test.filter((_, i) => i % step === 0).slice(0, sample);
  let correct = 0;
  const lat = latency(queries, (q) => fuse.search(q.text, { limit: 1 }));
  for (const q of queries) if (fuse.search(q.text, { limit: 1 })[0]?.item.label === q.label) correct++;
  return { queries: queries.length, accuracy: round(correct / queries.length), p50Ms: round(lat.p50Ms, 1), p99Ms: round(lat.p99Ms, 1) };
}
