// Buttons and how a typed answer picks one of them: by its label (typos, case and accents aside)
// or its number.
import { simplify } from './commands.js';

export function pickChoice(text: string, labels: readonly string[]): number | undefined {
  const t = simplify(text);
  if (!t) return undefined;
  const asNumber = /^\d{1,2}$/.test(t) ? Number(t) - 1 : -1;
  if (asNumber >= 0 && asNumber < labels.length) return asNumber;
  const simple = labels.map(simplify);
  const exact = simple.indexOf(t);
  if (exact >= 0) return exact;
  // "le premier" is too clever; a label typed partly ("skip", "reformuler") is common.
  const partial = simple.findIndex((l) => t.length >= 4 && (l.startsWith(t) || t.startsWith(l)));
  return partial >= 0 ? partial : undefined;
}
