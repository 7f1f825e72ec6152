// Groups the questions the bot could not answer so staff see "forgotten password ×14", not 14
// lines. Each question is normalised in its language (accents off, stop words out, stemmed, KB
// synonyms applied); questions with the same content stems share a key, and keys whose stem sets
// overlap enough (Jaccard ≥ 0.6, a one-letter typo counting as the same word) are merged. Small
// talk ("mdr", "ok super") kept before the bot knew it is no question, and is left out.
import { isSmallTalk } from '../dialogs/understand/smallTalk.js';
import { normalise, type SynonymMap, type Token } from '../knowledge/matching/normalise.js';
import type { Lang } from '../knowledge/types.js';
import type { UnansweredRecord } from '../tickets/types.js';
import type { UnansweredGroup, UnansweredKind } from '../web/apiTypes.js';

// A group as the console's Unanswered page reads it (web/apiTypes.ts).
export type { UnansweredGroup, UnansweredKind };

export interface GroupOptions {
  synonyms?: Partial<Record<Lang, SynonymMap>>;
  /** merge keys at or above this similarity (default 0.6) */
  threshold?: number;
}

/** The content words of a question: stop words out, one token per stem. */
export function contentTokens(text: string, lang: Lang, synonyms?: SynonymMap): Token[] {
  const seen = new Map<string, Token>();
  for (const t of normalise(text, lang, synonyms)) if (!t.stop && !seen.has(t.stem)) seen.set(t.stem, t);
  return [...seen.values()];
}

/** Jaccard similarity of two token sets where a one-edit typo of a 4+ letter word counts as equal. */
export function similarity(a: readonly Token[], b: readonly Token[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const free = [...b];
  let matched = 0;
  for (const t of a) {
    let i = free.findIndex((u) => u.stem === t.stem);
    if (i < 0) i = free.findIndex((u) => Math.min(u.surface.length, t.surface.length) >= 4 && withinOneEdit(u.surface, t.surface));
    if (i >= 0) {
      free.splice(i, 1);
      matched++;
    }
  }
  return matched / (a.length + b.length - matched);
}

/** Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface KeyGroup {
  key: string;
  tokens: Token[];
  records: UnansweredRecord[];
}

export function groupUnanswered(records: readonly UnansweredRecord[], { synonyms = {}, threshold = 0.6 }: GroupOptions = {}): UnansweredGroup[] {
  const byKey = new Map<string, KeyGroup>();
  // The same wording is normalised once (thousands of records, far fewer wordings).
  const tokensOf = new Map<string, Token[]>();
  const smallTalk = new Map<string, boolean>();
  for (const record of records) {
    let chat = smallTalk.get(record.question);
    if (chat === undefined) smallTalk.set(record.question, (chat = isSmallTalk(record.question)));
    if (chat) continue;
    const said = `${record.language}\u0000${record.question}`;
    let tokens = tokensOf.get(said);
    if (!tokens) tokensOf.set(said, (tokens = contentTokens(record.question, record.language, synonyms[record.language])));
    const key = tokens.length > 0 ? tokens.map((t) => t.stem).sort().join(' ') : `text:${wording(record.question).toLowerCase()}`;
    const group = byKey.get(key) ?? { key, tokens, records: [] };
    group.records.push(record);
    byKey.set(key, group);
  }
  const keys = [...byKey.values()];
  const parent = keys.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [i, j] of candidatePairs(keys.map((k) => k.tokens), threshold)) {
    if (root(i) !== root(j) && similarity(keys[i]!.tokens, keys[j]!.tokens) >= threshold) parent[root(j)] = root(i);
  }
  const clusters = new Map<number, KeyGroup[]>();
  keys.forEach((k, i) => {
    const cluster = clusters.get(root(i));
    if (cluster) cluster.push(k);
    else clusters.set(root(i), [k]);
  });
  return [...clusters.values()].map(toGroup).sort((x, y) => y.count - x.count || Date.parse(y.lastSeen) - Date.parse(x.lastSeen));
}

/**
 * The pairs of token sets that may reach `threshold`, without comparing every pair (thousands of
 * wordings would take seconds): a similarity join with prefix filtering.
 * Words that `similarity` may count as equal (the same stem, or spellings one edit apart, found
 * through their one-letter deletions) are put in one class. Each set becomes its classes, rarest
 * first; two sets whose Jaccard reaches t must share a class among the first n - ceil(t·n) + 1 of
 * each (matched words are always of one class), and their sizes must be within the ratio t.
 */
function candidatePairs(sets: readonly Token[][], threshold: number): Array<[number, number]> {
  // Classes of words, by union-find over stems and spellings.
  const classOf = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (classOf.get(r) !== r) r = classOf.get(r)!;
    for (let at = x; at !== r;) {
      const next = classOf.get(at)!;
      classOf.set(at, r);
      at = next;
    }
    return r;
  };
  const join = (a: string, b: string) => {
    for (const x of [a, b]) if (!classOf.has(x)) classOf.set(x, x);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) classOf.set(rb, ra);
  };
  const surfaces = new Set<string>();
  for (const set of sets) {
    for (const t of set) {
      join(`s:${t.stem}`, `w:${t.surface}`);
      if (t.surface.length >= 4) surfaces.add(t.surface);
    }
  }
  const deletions = new Map<string, string[]>();
  for (const word of surfaces) {
    for (const d of new Set([word, ...[...word].map((_, c) => word.slice(0, c) + word.slice(c + 1))])) {
      const list = deletions.get(d);
      if (list) list.push(word);
      else deletions.set(d, [word]);
    }
  }
  for (const words of deletions.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) if (withinOneEdit(words[i]!, words[j]!)) join(`w:${words[i]}`, `w:${words[j]}`);
    }
  }
  // Each set as its classes (a repeated class numbered, so a set stays a set), rarest first.
  const elements = sets.map((set) => {
    const seen = new Map<string, number>();
    return set.map((t) => {
      const c = find(`w:${t.surface}`);
      const n = (seen.get(c) ?? 0) + 1;
      seen.set(c, n);
      return `${c}#${n}`;
    });
  });
  const frequency = new Map<string, number>();
  for (const list of elements) for (const e of list) frequency.set(e, (frequency.get(e) ?? 0) + 1);
  const byPrefix = new Map<string, number[]>();
  const pairs: Array<[number, number]> = [];
  const seenPair = new Set<number>();
  elements.forEach((list, i) => {
    const sorted = [...list].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1));
    const prefix = sorted.slice(0, sorted.length - Math.ceil(threshold * sorted.length) + 1);
    for (const e of prefix) {
      const holders = byPrefix.get(e);
      if (!holders) {
        byPrefix.set(e, [i]);
        continue;
      }
      for (const j of holders) {
        const [n, m] = [sets[i]!.length, sets[j]!.length];
        if (Math.min(n, m) < threshold * Math.max(n, m) || seenPair.has(j * sets.length + i)) continue;
        seenPair.add(j * sets.length + i);
        pairs.push([j, i]);
      }
      holders.push(i);
    }
  });
  return pairs;
}

function toGroup(members: KeyGroup[]): UnansweredGroup {
  const biggest = [...members].sort((a, b) => b.records.length - a.records.length || (a.key < b.key ? -1 : 1))[0]!;
  const records = members.flatMap((m) => m.records);
  const wordings = new Map<string, { text: string; count: number; last: number }>();
  const kinds: Record<UnansweredKind, number> = { none: 0, 'clarify-no-pick': 0, 'not-helpful': 0 };
  let lastSeen = records[0]!.at;
  for (const r of records) {
    const text = wording(r.question);
    const w = wordings.get(text.toLowerCase()) ?? { text, count: 0, last: 0 };
    w.count++;
    w.last = Math.max(w.last, Date.parse(r.at));
    wordings.set(text.toLowerCase(), w);
    kinds[r.kind]++;
    if (Date.parse(r.at) > Date.parse(lastSeen)) lastSeen = r.at;
  }
  const questions = [...wordings.values()].sort((a, b) => b.count - a.count || b.last - a.last).map((w) => w.text);
  const languages = (['fr', 'en'] as const).filter((l) => records.some((r) => r.language === l));
  return { key: biggest.key, question: questions[0]!, questions, count: records.length, lastSeen, languages, kinds };
}

function wording(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
