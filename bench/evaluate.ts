// Figures for one intent dataset: accuracy with the val-chosen threshold, out-of-scope recall,
// typo robustness, build time, heap and latency.
import { createIntentIndex, type IntentIndex, type IntentIndexOptions } from '../knowledge/matching/intentIndex.js';
import { chooseThresholds, type ThresholdChoice } from '../knowledge/matching/thresholds.js';
import type { IntentDataset, Labelled } from './datasets.js';
import { heapMB, latency, round } from './measure.js';
import { corrupter } from './typos.js';

export interface DatasetFigures {
  examples: number;
  labels: number;
  buildMs: number;
  heapMB: number;
  /** top-1 accuracy on test; with an out-of-scope split, a question the threshold rejects counts as wrong */
  accuracy: number;
  /** top-1 accuracy with no threshold */
  rawAccuracy: number;
  oosRecall?: number;
  thresholds?: { clarify: number; answer: number };
  validation?: ThresholdChoice['validation'];
  typoLightAccuracy: number;
  typoHeavyAccuracy: number;
  typoLightDrop: number;
  typoHeavyDrop: number;
  latency: { p50Ms: number; p99Ms: number; meanMs: number };
}

function scoreAll(index: IntentIndex, items: readonly Labelled[]) {
  return items.map(({ text, label }) => {
    const top = index.rank(text, 'en', 1)[0];
    return { score: top?.score ?? 0, correct: top?.label === label };
  });
}

function accuracy(scored: { score: number; correct: boolean }[], threshold: number): number {
  return scored.filter((s) => s.correct && s.score >= threshold).length / Math.max(scored.length, 1);
}

export function buildIndex(train: readonly Labelled[], options: IntentIndexOptions = {}) {
  const before = heapMB();
  const t0 = performance.now();
  const index = createIntentIndex(train.map((e) => ({ ...e, lang: 'en' as const })), options);
  const buildMs = performance.now() - t0;
  return { index, buildMs, heapMB: Math.max(0, heapMB() - before) };
}

export function evaluateDataset(ds: IntentDataset, options: IntentIndexOptions = {}, seed = 1): DatasetFigures {
  const { index, buildMs, heapMB: heap } = buildIndex(ds.train, options);
  const hasOos = ds.oosVal.length > 0 && ds.val.length > 0;

  let threshold = 0;
  let choice: ThresholdChoice | undefined;
  if (hasOos) {
    const oosVal = ds.oosVal.map((text) => index.rank(text, 'en', 1)[0]?.score ?? 0);
    choice = chooseThresholds(scoreAll(index, ds.val), oosVal);
    threshold = choice.clarify;
  }

  const test = scoreAll(index, ds.test);
  const light = corrupter(0.3, seed);
  const heavy = corrupter(1, seed + 1);
  const typoLight = scoreAll(index, ds.test.map((e) => ({ ...e, text: light(e.text) })));
  const typoHeavy = scoreAll(index, ds.test.map((e) => ({ ...e, text: heavy(e.text) })));
  const acc = accuracy(test, threshold);
  const lightAcc = accuracy(typoLight, threshold);
  const heavyAcc = accuracy(typoHeavy, threshold);

  const figures: DatasetFigures = {
    examples: ds.train.length,
    labels: index.labels.length,
    buildMs: round(buildMs, 1),
    heapMB: round(heap, 1),
    accuracy: round(acc),
    rawAccuracy: round(accuracy(test, 0)),
    typoLightAccuracy: round(lightAcc),
    typoHeavyAccuracy: round(heavyAcc),
    typoLightDrop: round(acc - lightAcc),
    typoHeavyDrop: round(acc - heavyAcc),
    latency: mapRound(latency(ds.test, (e) => index.rank(e.text, 'en', 3))),
  };
  if (hasOos && choice) {
    const oosTest = ds.oosTest.map((text) => index.rank(text, 'en', 1)[0]?.score ?? 0);
    figures.oosRecall = round(oosTest.filter((s) => s < threshold).length / Math.max(oosTest.length, 1));
    figures.thresholds = { clarify: round(choice.clarify, 3), answer: round(choice.answer, 3) };
    figures.validation = { accuracy: round(choice.validation.accuracy), oosRecall: round(choice.validation.oosRecall), answerPrecision: round(choice.validation.answerPrecision), answerCoverage: round(choice.validation.answerCoverage) };
  }
  return figures;
}

export function mapRound<T extends Record<string, number>>(o: T, digits = 4): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, digits)])) as T;
}
