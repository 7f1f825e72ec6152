// Groups the questions the bot could not answer so staff see "forgotten password ×14", not 14
// lines. Each question is normalised in its language (accents off, stop words out, stemmed, KB
// synonyms applied); questions with the same content stems share a key, and keys whose stem sets
// overlap enough (Jaccard ≥ 0.6, a one-letter typo counting as the same word) are merged.
import { normalise, type SynonymMap, type Token } from '../knowledge/matching/normalise.js';
import type { Lang } from '../knowledge/types.js';
import type { UnansweredRecord } from '../tickets/types.js';

export type UnansweredKind = UnansweredRecord['kind'];

export interface UnansweredGroup {
  key: string;
  /** the most frequent wording */
  question: string;
  /** distinct wordings, most frequent first */
  questions: string[];
  count: number;
  lastSeen: string;
  languages: Lang[];
  kinds: Record<UnansweredKind, number>;
}

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
  for (const record of records) {
    const tokens = contentTokens(record.question, record.language, synonyms[record.language]);
    const key = tokens.length > 0 ? tokens.map((t) => t.stem).sort().join(' ') : `text:${wording(record.question).toLowerCase()}`;
    const group = byKey.get(key) ?? { key, tokens, records: [] };
    group.records.push(record);
    byKey.set(key, group);
  }
  const keys = [...byKey.values()];
  const parent = keys.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [a, b] = [keys[i]!.tokens, keys[j]!.tokens];
      // Jaccard can never exceed the size ratio: skip pairs that cannot reach the threshold.
      if (Math.min(a.length, b.length) < threshold * Math.max(a.length, b.length)) continue;
      if (root(i) !== root(j) && similarity(a, b) >= threshold) parent[root(j)] = root(i);
    }
  }
  const clusters = new Map<number, KeyGroup[]>();
  keys.forEach((k, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), k]));
  return [...clusters.values()].map(toGroup).sort((x, y) => y.count - x.count || Date.parse(y.lastSeen) - Date.parse(x.lastSeen));
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
