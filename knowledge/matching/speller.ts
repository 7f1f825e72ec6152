// Corrects a misspelt word to the closest word the knowledge base knows. Correction against the KB's
// own vocabulary is what keeps accuracy up on typo'd messages: an unknown word gives the ranker
// nothing, its correction gives it the right word. Lookup uses precomputed deletions (the SymSpell
// idea), so a query costs a few map lookups instead of a scan of the vocabulary.

import { FrozenListMap, freezeLists, freezeStrings, stringAt, type FrozenListsData, type FrozenStringsData } from './frozenMap.js';

export interface Speller {
  /** the known word closest to `word`, or `word` itself when it is known or nothing is close */
  correct(word: string): string;
  readonly size: number;
}

/** Words shorter than this are left alone: too many short words are one edit apart. */
const MIN_LENGTH = 4;

function maxDistance(length: number): number {
  return length >= 8 ? 2 : 1;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletes(d, depth - 1, out);
    }
  }
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), bounded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

/** Every known word (by its number in `words`) under each of its deletions: the SymSpell index, frozen. */
export interface SpellerIndex {
  words: FrozenStringsData;
  deletions: FrozenListsData;
}

/** How often each word occurs: a Map, or the frozen one a worker thread sent. */
export interface WordCounts {
  get(word: string): number | undefined;
  has(word: string): boolean;
}

export function spellerIndex(frequencies: ReadonlyMap<string, number>): SpellerIndex {
  const words: string[] = [];
  const index = new Map<string, number[]>();
  const add = (key: string, word: number) => {
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  };
  for (const word of frequencies.keys()) {
    if (word.length < MIN_LENGTH - 1) continue;
    const id = words.push(word) - 1;
    add(word, id);
    const ds = new Set<string>();
    deletes(word, maxDistance(word.length + 1), ds);
    for (const d of ds) add(d, id);
  }
  return { words: freezeStrings(words), deletions: freezeLists(index) };
}

/** @param frequencies word -> how often it occurs in the KB (ties go to the commoner word) */
export function createSpeller(frequencies: ReadonlyMap<string, number>): Speller {
  return spellerFrom(frequencies, spellerIndex(frequencies));
}

export function spellerFrom(frequencies: WordCounts, built: SpellerIndex): Speller {
  const index = new FrozenListMap(built.deletions);
  const cache = new Map<string, string>();

  function lookup(word: string): string {
    const max = maxDistance(word.length);
    const keys = new Set<string>([word]);
    deletes(word, max, keys);
    let best = word;
    let bestDistance = max + 1;
    let bestFrequency = -1;
    for (const key of keys) {
      const candidates = index.get(key);
      if (!candidates) continue;
      for (const id of candidates) {
        const candidate = stringAt(built.words, id);
        if (candidate === best) continue;
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        const frequency = frequencies.get(candidate) ?? 0;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }

  return {
    size: built.words.ends.length,
    correct(word: string): string {
      if (word.length < MIN_LENGTH || frequencies.has(word) || /\d/.test(word)) return word;
      let corrected = cache.get(word);
      if (corrected === undefined) {
        corrected = lookup(word);
        if (cache.size > 50_000) cache.clear();
        cache.set(word, corrected);
      }
      return corrected;
    },
  };
}
