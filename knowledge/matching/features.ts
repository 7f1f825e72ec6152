// Sparse features of a normalised message: stemmed words, word pairs, and character n-grams of
// each word. Words carry the meaning; character n-grams keep a typo'd or inflected word close to
// the right one when spelling correction could not fix it.
import { FrozenNumberMap, freezeNumbers, type FrozenNumbersData } from './frozenMap.js';
import type { Token } from './normalise.js';

export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

export interface FeatureOptions {
  /** character n-gram sizes taken from each word, padded with word boundaries */
  charSizes: readonly number[];
  /** weight of the word group against the character group (each group is L2-normalised) */
  wordWeight: number;
  charWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { charSizes: [3, 4, 5], wordWeight: 1, charWeight: 1 };

/** Maps feature strings to dense ids; grows while training, frozen when matching. */
export class FeatureSpace {
  private readonly ids: Map<string, number> | FrozenNumberMap;

  /** @param frozen a space already built (sent by the worker thread that trained it) */
  constructor(frozen?: FrozenNumbersData) {
    this.ids = frozen ? new FrozenNumberMap(frozen) : new Map();
  }
  get size(): number {
    return this.ids.size;
  }
  id(feature: string, grow: boolean): number {
    let id = this.ids.get(feature);
    if (id === undefined && grow && this.ids instanceof Map) {
      id = this.ids.size;
      this.ids.set(feature, id);
    }
    return id ?? -1;
  }
  freeze(): FrozenNumbersData {
    return this.ids instanceof Map ? freezeNumbers(this.ids) : this.ids.data;
  }
}

function wordFeatures(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.push('w' + t.stem);
    const next = tokens[i + 1];
    if (next) out.push('b' + t.stem + ' ' + next.stem);
  }
  return out;
}

function charFeatures(tokens: readonly Token[], sizes: readonly number[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.stop) continue;
    const padded = '<' + t.surface + '>';
    for (const n of sizes) {
      if (padded.length < n) continue;
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}

function addGroup(space: FeatureSpace, grow: boolean, features: string[], weight: number, into: Map<number, number>) {
  const counts = new Map<number, number>();
  for (const f of features) {
    const id = space.id(f, grow);
    if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let norm = 0;
  for (const [id, c] of counts) {
    const v = 1 + Math.log(c);
    counts.set(id, v);
    norm += v * v;
  }
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [id, v] of counts) into.set(id, (into.get(id) ?? 0) + v * scale);
}

export function vectorise(tokens: readonly Token[], space: FeatureSpace, grow: boolean, options = DEFAULT_FEATURES): SparseVector {
  const merged = new Map<number, number>();
  addGroup(space, grow, wordFeatures(tokens), options.wordWeight, merged);
  addGroup(space, grow, charFeatures(tokens, options.charSizes), options.charWeight, merged);
  const ids = new Int32Array(merged.size);
  const values = new Float32Array(merged.size);
  let i = 0;
  for (const [id, v] of merged) {
    ids[i] = id;
    values[i++] = v;
  }
  return { ids, values };
}
