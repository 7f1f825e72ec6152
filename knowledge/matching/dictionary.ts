// General word lists of French and English, so the speller can tell a real word the knowledge base
// does not use ("motivation", "translate") from a typo ("sauvegrades"): a real word is never rewritten
// into a different KB word. The lists come from well-kept packages (an-array-of-*-words, MIT).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lang } from '../types.js';
import { stripAccents } from './normalise.js';

export interface Dictionary {
  has(word: string, lang: Lang): boolean;
}

const require = createRequire(import.meta.url);
const PACKAGES: Record<Lang, string> = { fr: 'an-array-of-french-words/index.json', en: 'an-array-of-english-words/index.json' };

/**
 * 600 000 words as a Set take about 40 MB of heap; as one sorted string per word length, searched by
 * halving, they take the size of their letters (about 6 MB) and a lookup stays a few microseconds.
 */
class SortedWords {
  private readonly byLength = new Map<number, string>();

  constructor(words: Iterable<string>) {
    const groups = new Map<number, Set<string>>();
    for (const w of words) {
      let g = groups.get(w.length);
      if (!g) groups.set(w.length, (g = new Set()));
      g.add(w);
    }
    for (const [length, group] of groups) this.byLength.set(length, [...group].sort(compare).join(''));
  }

  has(word: string): boolean {
    const n = word.length;
    const packed = this.byLength.get(n);
    if (packed === undefined) return false;
    let lo = 0;
    let hi = packed.length / n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(packed, mid * n, word);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares the word packed at `start` with `word` (same length), code unit by code unit like `<`. */
function compareAt(packed: string, start: number, word: string): number {
  for (let i = 0; i < word.length; i++) {
    const d = packed.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

/** Read, not `require`d: the module cache would keep the whole array alive. */
function wordList(lang: Lang): string[] {
  return JSON.parse(readFileSync(require.resolve(PACKAGES[lang]), 'utf8')) as string[];
}

let loaded: Record<Lang, SortedWords> | undefined;

/** Both lists, loaded once per process, lower-case and without accents like the matcher's words. */
export function generalDictionary(): Dictionary {
  loaded ??= {
    fr: new SortedWords(wordList('fr').map((w) => stripAccents(w.toLowerCase()))),
    en: new SortedWords(wordList('en').map((w) => w.toLowerCase())),
  };
  const words = loaded;
  return { has: (word, lang) => words[lang].has(word) };
}
