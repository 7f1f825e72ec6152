// Read-only maps from strings held in a few large objects: the keys sorted and joined in one
// string with their end offsets, the values in typed arrays. A matcher's big tables (character
// n-grams, the speller's deletions, the language model) are tens of thousands of entries: as Maps,
// the thread that adopts a matcher trained in a worker would rebuild every entry as an object and
// the garbage collector would copy them all, stalling conversations for tens of milliseconds. These
// cross threads as a string and typed arrays (a copy of bytes) and are searched by halving.

/** The plain data of a frozen map: what is sent between threads. */
export interface FrozenData {
  /** the keys, sorted by code unit (as `<` orders strings), joined */
  keys: string;
  /** where each key ends in `keys` (it starts where the previous one ends) */
  ends: Int32Array;
}

export interface FrozenNumbersData extends FrozenData {
  values: Float64Array;
}

export interface FrozenListsData extends FrozenData {
  /** key i's items are items[start[i] .. start[i + 1]) */
  start: Int32Array;
  items: Int32Array;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function freezeKeys(keys: string[]): FrozenData {
  const ends = new Int32Array(keys.length);
  let at = 0;
  keys.forEach((k, i) => (ends[i] = at += k.length));
  return { keys: keys.join(''), ends };
}

/** The index of `key` among the frozen keys, or -1. */
function find({ keys, ends }: FrozenData, key: string): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : ends[mid - 1]!;
    const length = ends[mid]! - start;
    let c = 0;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n && c === 0; i++) c = keys.charCodeAt(start + i) - key.charCodeAt(i);
    if (c === 0) c = length - key.length;
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function freezeNumbers(map: ReadonlyMap<string, number>): FrozenNumbersData {
  const keys = [...map.keys()].sort(byCodeUnit);
  return { ...freezeKeys(keys), values: Float64Array.from(keys, (k) => map.get(k)!) };
}

/** `get` and `has` as a Map's, so the code reading it does not care which it has. */
export class FrozenNumberMap {
  constructor(readonly data: FrozenNumbersData) {}
  get size(): number {
    return this.data.ends.length;
  }
  get(key: string): number | undefined {
    const i = find(this.data, key);
    return i < 0 ? undefined : this.data.values[i];
  }
  has(key: string): boolean {
    return find(this.data, key) >= 0;
  }
}

/** A map from strings to lists of small integers (ids of something the caller keeps). */
export function freezeLists(map: ReadonlyMap<string, readonly number[]>): FrozenListsData {
  const keys = [...map.keys()].sort(byCodeUnit);
  const start = new Int32Array(keys.length + 1);
  keys.forEach((k, i) => (start[i + 1] = start[i]! + map.get(k)!.length));
  const items = new Int32Array(start[keys.length]!);
  keys.forEach((k, i) => items.set(map.get(k)!, start[i]!));
  return { ...freezeKeys(keys), start, items };
}

export class FrozenListMap {
  constructor(readonly data: FrozenListsData) {}
  /** the list under `key` (a view, not a copy), or undefined */
  get(key: string): Int32Array | undefined {
    const i = find(this.data, key);
    return i < 0 ? undefined : this.data.items.subarray(this.data.start[i], this.data.start[i + 1]);
  }
}

/** A list of strings as one string and its end offsets, for the same reason. */
export interface FrozenStringsData {
  text: string;
  ends: Int32Array;
}

export function freezeStrings(list: readonly string[]): FrozenStringsData {
  const { keys, ends } = freezeKeys([...list]);
  return { text: keys, ends };
}

export function stringAt({ text, ends }: FrozenStringsData, i: number): string {
  return text.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}
