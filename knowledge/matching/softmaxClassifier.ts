// A linear softmax classifier over sparse features, trained by SGD.
//
// A dense weight matrix (features x classes) does not scale: 100 000 questions over a few thousand
// articles would need gigabytes. Here a class only has weights for the features seen in its own
// examples, stored by feature like an inverted index. Scoring a message walks the postings of its
// features, so the cost follows how many classes share its words, not the size of the KB.
import type { SparseVector } from './features.js';

export interface TrainingExample {
  x: SparseVector;
  label: number;
}

export interface TrainOptions {
  /** passes over the examples; 'auto' makes about 120 000 updates, between 4 and 30 passes */
  epochs: number | 'auto';
  learningRate: number;
  l2: number;
  seed: number;
  /** a feature keeps weights for at most this many classes (those where it is most frequent) */
  maxClassesPerFeature: number;
  /** retrain once with weights for the classes each example was confused with; false = one pass */
  hardNegatives: { minProbability: number; perExample: number; maxExamples: number } | false;
}

export const DEFAULT_TRAINING: TrainOptions = { epochs: 'auto', learningRate: 0.8, l2: 1e-6, seed: 7, maxClassesPerFeature: 256, hardNegatives: { minProbability: 0.005, perExample: 3, maxExamples: 50_000 } };

/** A trained classifier's numbers: typed arrays a worker thread can hand over without copying. */
export interface ClassifierWeights {
  classCount: number;
  featureCount: number;
  /** CSR layout by feature: feature f's classes and weights are at [start[f], start[f + 1]) */
  start: Int32Array;
  classes: Int32Array;
  weights: Float32Array;
  bias: Float64Array;
}

export interface SoftmaxClassifier {
  readonly classCount: number;
  readonly trained: ClassifierWeights;
  /** raw linear scores over all classes (written into `out`, which is returned) */
  logits(x: SparseVector, out?: Float64Array): Float64Array;
  /** probabilities over all classes (written into `out`, which is returned) */
  predict(x: SparseVector, out?: Float64Array): Float64Array;
  /** bytes held by the weights, for the benchmark */
  readonly bytes: number;
}

/** Small deterministic PRNG so training is repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scores to probabilities, in place. */
export function softmax(s: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < s.length; c++) if (s[c]! > max) max = s[c]!;
  let sum = 0;
  for (let c = 0; c < s.length; c++) {
    const e = Math.exp(s[c]! - max);
    s[c] = e;
    sum += e;
  }
  for (let c = 0; c < s.length; c++) s[c]! /= sum;
  return s;
}

/** `extra[i]`: further classes that get weights for example i's features (its confusions). */
function buildPostings(examples: readonly TrainingExample[], featureCount: number, maxClassesPerFeature: number, extra: ReadonlyArray<readonly number[]> = []) {
  // Every (feature, class) occurrence as one sortable number, then runs give the distinct pairs
  // and their counts: a CSR layout by feature keeps this compact.
  let occurrences = 0;
  examples.forEach(({ x }, i) => (occurrences += x.ids.length * (1 + (extra[i]?.length ?? 0))));
  const keys = new Float64Array(occurrences);
  let k = 0;
  examples.forEach(({ x, label }, i) => {
    for (const f of x.ids) {
      keys[k++] = f * 65536 + label;
      for (const c of extra[i] ?? []) keys[k++] = f * 65536 + c;
    }
  });
  keys.sort();

  const pairFeature: number[] = [];
  const pairClass: number[] = [];
  const pairCount: number[] = [];
  for (let i = 0; i < keys.length; ) {
    let j = i;
    while (j < keys.length && keys[j] === keys[i]) j++;
    const key = keys[i]!;
    pairFeature.push(Math.floor(key / 65536));
    pairClass.push(key % 65536);
    pairCount.push(j - i);
    i = j;
  }

  // A feature shared by very many classes says little about any of them and makes every message
  // walk a long posting list; keep only the classes where it is most frequent.
  const keep = new Uint8Array(pairFeature.length).fill(1);
  for (let i = 0; i < pairFeature.length; ) {
    let j = i;
    while (j < pairFeature.length && pairFeature[j] === pairFeature[i]) j++;
    if (j - i > maxClassesPerFeature) {
      const order = Array.from({ length: j - i }, (_, n) => i + n).sort((a, b) => pairCount[b]! - pairCount[a]!);
      for (const dropped of order.slice(maxClassesPerFeature)) keep[dropped] = 0;
    }
    i = j;
  }

  const start = new Int32Array(featureCount + 1);
  for (let i = 0; i < pairFeature.length; i++) if (keep[i]) start[pairFeature[i]! + 1]!++;
  for (let f = 0; f < featureCount; f++) start[f + 1]! += start[f]!;
  const classes = new Int32Array(start[featureCount]!);
  let p = 0;
  for (let i = 0; i < pairFeature.length; i++) if (keep[i]) classes[p++] = pairClass[i]!;
  return { start, classes };
}

/**
 * A small KB (a thousand questions) needs many passes to converge; a large one converges in a few
 * and each pass costs more. Measured: the bundled KB gains 3 points going from 8 to 30 passes,
 * CLINC150 (15 000 questions) gains nothing past 8.
 */
export function autoEpochs(examples: number): number {
  return Math.min(30, Math.max(4, Math.ceil(120_000 / Math.max(examples, 1))));
}

export function trainSoftmax(
  examples: readonly TrainingExample[],
  classCount: number,
  featureCount: number,
  options: TrainOptions = DEFAULT_TRAINING,
): SoftmaxClassifier {
  const first = trainOnce(examples, classCount, featureCount, options, []);
  const hard = options.hardNegatives;
  if (!hard || examples.length > hard.maxExamples) return first;
  // Second pass: a class also gets weights for the features of examples it was confused with, so
  // the model can learn "this word speaks against that article" (+0.7 pt on CLINC150 val, +0.5 on
  // BANKING77, for twice the training time; above maxExamples the build time matters more).
  const p = new Float64Array(classCount);
  const confusions = examples.map(({ x, label }) => {
    first.predict(x, p);
    const wrong: number[] = [];
    for (let c = 0; c < classCount; c++) if (c !== label && p[c]! > hard.minProbability) wrong.push(c);
    return wrong.sort((a, b) => p[b]! - p[a]!).slice(0, hard.perExample);
  });
  return trainOnce(examples, classCount, featureCount, options, confusions);
}

function trainOnce(
  examples: readonly TrainingExample[],
  classCount: number,
  featureCount: number,
  options: TrainOptions,
  extra: ReadonlyArray<readonly number[]>,
): SoftmaxClassifier {
  if (classCount > 65536) throw new RangeError('at most 65 536 classes');
  const { start, classes } = buildPostings(examples, featureCount, options.maxClassesPerFeature, extra);
  const weights = new Float32Array(classes.length);
  const bias = new Float64Array(classCount);
  const model = classifierFrom({ classCount, featureCount, start, classes, weights, bias });

  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(classCount);
  const epochs = options.epochs === 'auto' ? autoEpochs(examples.length) : options.epochs;
  const total = epochs * examples.length;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { x, label } = examples[index]!;
      const lr = options.learningRate * (1 - step++ / total) + 1e-3;
      model.predict(x, p);
      p[label]! -= 1;
      for (let c = 0; c < classCount; c++) bias[c]! -= lr * 0.1 * p[c]!;
      const decay = 1 - lr * options.l2;
      for (let j = 0; j < x.ids.length; j++) {
        const f = x.ids[j]!;
        const v = x.values[j]!;
        for (let q = start[f]!, end = start[f + 1]!; q < end; q++) {
          const g = p[classes[q]!]!;
          weights[q] = weights[q]! * decay - lr * g * v;
        }
      }
    }
  }

  return model;
}

/** The classifier these weights make (training fills the arrays in place). */
export function classifierFrom(trained: ClassifierWeights): SoftmaxClassifier {
  const { classCount, featureCount, start, classes, weights, bias } = trained;
  function scores(x: SparseVector, out: Float64Array): Float64Array {
    out.set(bias);
    const { ids, values } = x;
    for (let j = 0; j < ids.length; j++) {
      const f = ids[j]!;
      if (f < 0 || f >= featureCount) continue;
      const v = values[j]!;
      for (let p = start[f]!, end = start[f + 1]!; p < end; p++) out[classes[p]!]! += v * weights[p]!;
    }
    return out;
  }
  return {
    classCount,
    trained,
    bytes: weights.byteLength + classes.byteLength + start.byteLength + bias.byteLength,
    logits(x, out = new Float64Array(classCount)) {
      return scores(x, out);
    },
    predict(x, out = new Float64Array(classCount)) {
      return softmax(scores(x, out));
    },
  };
}
