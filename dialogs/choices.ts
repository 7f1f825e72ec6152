// Buttons and how a typed answer picks one of them: by its number, its label (case, accents and
// typos in the way), a yes / no when exactly one label starts that way, or most of a label's words.
import { stripAccents } from '../knowledge/matching/normalise.js';
import type { ControlIntent } from './understand/controlIntents.js';

const YES_WORDS = new Set(['yes', 'oui']);
const NO_WORDS = new Set(['no', 'non']);
/** share of a label's words the answer must contain to pick it */
const OVERLAP = 0.6;

/** lower-case, no accents, apostrophes and punctuation to spaces, single spaces */
export function simplify(text: string): string {
  return stripAccents(text.normalize('NFKC').toLowerCase())
    .replace(/[’'`´]/g, ' ')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function byYesNo(yes: boolean | undefined, simple: string[]): number | undefined {
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

/** How a label was picked: typed (its number, the label, most of its words) or read as a yes / no. */
export type PickedBy = 'typed' | 'yes-no';

/**
 * The label picked by what was typed, and how, or undefined. `intent` is the message's control
 * intent, when it has one: "ouais" picks the one label that starts with "Oui".
 */
export function pickChoiceBy(text: string, labels: readonly string[], intent?: ControlIntent): { index: number; by: PickedBy } | undefined {
  const t = simplify(text);
  if (!t) return undefined;
  const typed = (index: number | undefined) => (index === undefined ? undefined : { index, by: 'typed' as const });
  const asNumber = /^\d{1,2}$/.test(t) ? Number(t) - 1 : -1;
  if (asNumber >= 0 && asNumber < labels.length) return typed(asNumber);
  const simple = labels.map(simplify);
  const exact = simple.indexOf(t);
  if (exact >= 0) return typed(exact);
  // A label typed partly ("skip", "reformuler") is common.
  // A longer label followed by more words ("par e-mail svp") too; "non, ouvrez un ticket" is no "Non".
  const partial = simple.findIndex((l) => t.length >= 4 && (l.startsWith(t) || (l.includes(' ') && t.startsWith(`${l} `))));
  if (partial >= 0) return typed(partial);
  const first = t.split(' ')[0] ?? '';
  const yes = YES_WORDS.has(first) ? true : NO_WORDS.has(first) ? false : intent === 'yes' ? true : intent === 'no' ? false : undefined;
  const byAnswer = byYesNo(yes, simple);
  return byAnswer !== undefined ? { index: byAnswer, by: 'yes-no' } : typed(byWords(t, simple));
}

export function pickChoice(text: string, labels: readonly string[], intent?: ControlIntent): number | undefined {
  return pickChoiceBy(text, labels, intent)?.index;
}
