// Build time, heap and latency of the ranking core at 100 000 synthetic example questions.
import { buildIndex, mapRound } from './evaluate.js';
import { latency, round } from './measure.js';
import { syntheticKb } from './synthetic.js';

export function evaluateScale(entries: number) {
  const { train, test } = syntheticKb(entries);
  const { index, buildMs, heapMB } = buildIndex(train);
  const lat = mapRound(latency(test, (e) => index.rank(e.text, 'en', 3)));
  const correct = test.filter((e) => index.rank(e.text, 'en', 1)[0]?.label === e.label).length;
  return {
    entries,
    labels: index.labels.length,
    buildMs: round(buildMs, 1),
    heapMB: round(heapMB, 1),
    p50Ms: lat.p50Ms,
    p99Ms: lat.p99Ms,
    accuracy: round(correct / test.length),
  };
}
