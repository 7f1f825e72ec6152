// Buttons and how a typed answer picks one of them: by its number, its label (case, accents and
// typos in the way), a plain yes / no when one label starts that way, or most of a label's words.
import { parseYesNo, simplify } from './commands.js';

const YES_WORDS = new Set(['yes', 'oui']);
const NO_WORDS = new Set(['no', 'non']);
/** share of a label's words the answer must contain to pick it */
const OVERLAP = 0.6;

function byYesNo(text: string, simple: string[]): number | undefined {
  // "No, still not" answers a "No, it still won't start" button by its first word.
  const first = simplify(text).split(' ')[0] ?? '';
  const yes = YES_WORDS.has(first) ? true : NO_WORDS.has(first) ? false : parseYesNo(text);
  if (yes === undefined) return undefined;
  const words = yes ? YES_WORDS : NO_WORDS;
  const hits = simple.flatMap((l, i) => (words.has(l.split(' ')[0] ?? '') ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

function byWords(t: string, simple: string[]): number | undefined {
  const typed = new Set(t.split(' '));
  const scores = simple.map((l) => {
    const words = l.split(' ').filter((w) => w.length > 1);
    return words.length === 0 ? 0 : words.filter((w) => typed.has(w)).length / words.length;
  });
  const best = Math.max(...scores);
  if (best < OVERLAP) return undefined;
  const winners = scores.flatMap((s, i) => (s === best ? [i] : []));
  return winners.length === 1 ? winners[0] : undefined;
}

export function pickChoice(text: string, labels: readonly string[]): number | undefined {
  const t = simplify(text);
  if (!t) return undefined;
  const asNumber = /^\d{1,2}$/.test(t) ? Number(t) - 1 : -1;
  if (asNumber >= 0 && asNumber < labels.length) return asNumber;
  const simple = labels.map(simplify);
  const exact = simple.indexOf(t);
  if (exact >= 0) return exact;
  // A label typed partly ("skip", "reformuler") is common.
  const partial = simple.findIndex((l) => t.length >= 4 && (l.startsWith(t) || t.startsWith(l)));
  if (partial >= 0) return partial;
  return byYesNo(text, simple) ?? byWords(t, simple);
}

/** A two-button question (Send / Cancel, Yes, call me / No): true, false, or undefined when unclear. */
export function yesOrNo(text: string, yesLabel: string, noLabel: string): boolean | undefined {
  const picked = pickChoice(text, [yesLabel, noLabel]);
  return picked === undefined ? parseYesNo(text) : picked === 0;
}
