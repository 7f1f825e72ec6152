// A troubleshooting step answered in the customer's own words ("y avait rien dans la quarantaine",
// "ok il redémarre", "le test de connexion plante") matched to one of the step's choices: by the
// words it shares with a label (stems, with some slack for typos and prefixes such as re-démarre)
// and by whether it reports success or failure, as each label does.
import { normalise } from '../knowledge/matching/normalise.js';
import type { Lang } from '../knowledge/types.js';
import type { ControlIntent } from './understand/controlIntents.js';

export type Polarity = 1 | -1 | 0;

// Words that report that something works, or does not. Accents are stripped before comparing.
const SUCCESS = new Set([
  'oui', 'ok', 'okay', 'marche', 'marchent', 'fonctionne', 'fonctionnent', 'reussi', 'reussit', 'regle', 'resolu', 'nickel', 'parfait', 'tourne', 'demarre', 'lance', 'repart',
  'yes', 'yep', 'works', 'worked', 'working', 'fixed', 'solved', 'succeeded', 'success', 'starts', 'started', 'running', 'runs', 'fine', 'good', 'great', 'added',
]);
const FAILURE = new Set([
  'non', 'nan', 'pas', 'ne', 'ne-plus', 'jamais', 'toujours', 'tjs', 'encore', 'echec', 'echoue', 'plante', 'erreur', 'erreurs', 'bloque', 'bloquee', 'rien', 'impossible', 'refuse',
  'no', 'nope', 'not', 'never', 'still', 'fail', 'fails', 'failed', 'failing', 'error', 'errors', 'crash', 'crashes', 'blocked', 'nothing', 'cannot',
]);

function surfaces(text: string, lang: Lang): string[] {
  return normalise(text.replace(/\btjs\b/giu, 'toujours'), lang).flatMap((t) => (t.stem === t.surface ? [t.surface] : [t.surface, t.stem]));
}

export function polarityOf(text: string, lang: Lang, intent?: ControlIntent): Polarity {
  if (intent === 'yes' || intent === 'thanks') return 1;
  if (intent === 'no') return -1;
  const words = surfaces(text, lang);
  if (words.some((w) => FAILURE.has(w))) return -1;
  return words.some((w) => SUCCESS.has(w)) ? 1 : 0;
}

function trigrams(word: string): Set<string> {
  const padded = `<${word}>`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of character trigrams: 1 for the same word, ~0.7 for "demarre" / "redemarre". */
function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

const SAME_WORD = 0.6;
const SHORT_ANSWER_WORDS = 4;
const POLARITY_WEIGHT = 0.6;
const MIN_SCORE = 0.5;
const MIN_MARGIN = 0.2;

/** The share of a text's content words found (nearly) in the message. */
function overlap(message: string[], label: string, lang: Lang): number {
  const words = normalise(label, lang).filter((t) => !t.stop);
  if (words.length === 0) return 0;
  const hits = words.filter((w) => message.some((m) => m === w.stem || likeness(m, w.surface) >= SAME_WORD)).length;
  return hits / words.length;
}

/** Each choice's score, for tests and for the choice below. `step` is the step's own text. */
export function scoreChoices(text: string, labels: readonly string[], lang: Lang, intent?: ControlIntent, step = ''): number[] {
  const message = surfaces(text, lang);
  const polarity = polarityOf(text, lang, intent);
  // Success or failure alone picks a choice only in a short answer, a plain yes / no, or a sentence
  // about this step ("le runtime est installé et ça se lance"); "can I talk to someone?" is no "it works".
  const aboutStep = step !== '' && overlap(message, step, lang) > 0;
  // ...and a short answer that names something this step does not ("test connection failed" at the
  // step about the service) is about another step: not picked on its tone alone.
  const context = surfaces(`${step} ${labels.join(' ')}`, lang);
  const elsewhere = normalise(text, lang).filter((t) => !t.stop && !SUCCESS.has(t.surface) && !FAILURE.has(t.surface) && !context.some((c) => c === t.stem || likeness(c, t.surface) >= SAME_WORD));
  const short = aboutStep || ((message.length <= SHORT_ANSWER_WORDS || intent === 'yes' || intent === 'no') && elsewhere.length === 0);
  return labels.map((label) => {
    const own = polarityOf(label, lang);
    const agreement = polarity === 0 || own === 0 ? 0 : polarity === own ? 1 : -1;
    const shared = overlap(message, label, lang);
    return shared === 0 && !short ? Math.min(0, POLARITY_WEIGHT * agreement) : shared + POLARITY_WEIGHT * agreement;
  });
}

/** The choice a typed answer means, or undefined when it is not clear enough to act on. */
export function pickFlowChoice(text: string, labels: readonly string[], lang: Lang, intent?: ControlIntent, step?: string): number | undefined {
  const scores = scoreChoices(text, labels, lang, intent, step);
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const [best, second] = order;
  if (!best || best[0] < MIN_SCORE) return undefined;
  if (second && best[0] - second[0] < MIN_MARGIN) return undefined;
  return best[1];
}
