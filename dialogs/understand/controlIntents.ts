// What a message asks of the conversation itself (talk to a human, a callback, cancel, yes, no…),
// recognised by the same ranking engine as knowledge questions, trained on phrasings written the
// way customers type (dialogs/understand/phrasings/*.yaml, at least 40 per intent and language).
// A `question` class holds knowledge questions that use the same words ("how do I cancel my
// subscription"), and the knowledge base's own questions join it at build time, so a question
// that contains a command word stays a question.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeError } from '../../knowledge/knowledgeError.js';
import { readYaml } from '../../knowledge/yamlSource.js';
import type { Problem } from '../../knowledge/problems.js';
import type { Lang } from '../../knowledge/types.js';
import { LANGS } from '../../knowledge/types.js';
import { createIntentIndex, type LabelledText, type Ranked } from '../../knowledge/matching/intentIndex.js';

export const CONTROL_INTENTS = [
  'human', 'ticket', 'callback', 'status', 'cancel', 'restart', 'help', 'greeting', 'thanks', 'goodbye',
  'yes', 'no', 'skip', 'other', 'correct', 'offtopic', 'abuse', 'english', 'french',
] as const;
export type ControlIntent = (typeof CONTROL_INTENTS)[number];
/** The class of everything that is not a control intent: a question for the knowledge base. */
export const QUESTION = 'question';
export type ControlLabel = ControlIntent | typeof QUESTION;

export type Phrasings = Record<Lang, Record<ControlLabel, string[]>>;

export const PHRASINGS_DIR = fileURLToPath(new URL('./phrasings/', import.meta.url));

const MIN_PHRASINGS = 30;
const labels = [...CONTROL_INTENTS, QUESTION] as const;
const fileSchema = z.strictObject(
  Object.fromEntries(labels.map((l) => [l, z.array(z.string().trim().min(1, 'must not be empty')).min(MIN_PHRASINGS, `needs at least ${MIN_PHRASINGS} phrasings`)])) as Record<ControlLabel, z.ZodArray<z.ZodString>>,
);

/** Reads both languages' phrasings; every problem is reported as file:line, all at once. */
export async function loadPhrasings(dir = PHRASINGS_DIR, root = process.cwd()): Promise<Phrasings> {
  const problems: Problem[] = [];
  const out = {} as Phrasings;
  for (const lang of LANGS) {
    const absolute = path.join(dir, `${lang}.yaml`);
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const { source, problems: yamlProblems } = readYaml(file, await readFile(absolute, 'utf8'), 1);
    problems.push(...yamlProblems);
    if (!source) continue;
    const parsed = fileSchema.safeParse(source.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        problems.push({ file, line: source.lineOf(issue.path as PropertyKey[]), message: `${where}${issue.message}` });
      }
      continue;
    }
    out[lang] = parsed.data as Record<ControlLabel, string[]>;
  }
  if (problems.length > 0) throw new KnowledgeError(problems);
  return out;
}

export interface ControlReading {
  /** the control intent, when the message is one; undefined for a question or anything else */
  intent?: ControlIntent;
  /** confidence of the top label, in [0, 1] */
  score: number;
  /** the best labels, `question` included */
  ranked: Ranked[];
}

export interface ControlClassifier {
  classify(text: string, lang: Lang): ControlReading;
  /** the share of the text's content words known from the phrasings and the KB's questions */
  known(text: string, lang: Lang): number;
}

export interface ControlOptions {
  /** knowledge questions, added to the `question` class */
  questions?: readonly LabelledText[];
  /** a control intent is taken at or above this confidence */
  threshold?: number;
  /** scale scores by the share of known words (see IntentIndexOptions.coverage) */
  coverage?: boolean;
}

/**
 * Chosen by `npm run bench:conversation` on a validation split of the training phrasings (a fifth of
 * each intent, and of the knowledge questions), never on the held-out set; a test keeps it honest.
 */
export const DEFAULT_CONTROL_THRESHOLD = 0.25;

export function trainingExamples(phrasings: Phrasings, questions: readonly LabelledText[] = []): LabelledText[] {
  const out: LabelledText[] = [];
  for (const lang of LANGS) for (const label of labels) for (const text of phrasings[lang][label]) out.push({ text, label, lang });
  for (const q of questions) out.push({ text: q.text, label: QUESTION, lang: q.lang });
  return out;
}

export function createControlClassifier(phrasings: Phrasings, options: ControlOptions = {}): ControlClassifier {
  const threshold = options.threshold ?? DEFAULT_CONTROL_THRESHOLD;
  // Neither word specificity nor the real-word guard of the speller: on the validation phrasings they
  // lowered accuracy (87.0 % and 86.6 % against 87.8 %); commands are short and in the bot's own words.
  const index = createIntentIndex(trainingExamples(phrasings, options.questions), { coverage: options.coverage ?? true, specificity: 0, dictionary: false });
  return {
    classify(text, lang) {
      const ranked = index.rank(text, lang, 3);
      const top = ranked[0];
      if (!top) return { score: 0, ranked };
      const intent = top.label !== QUESTION && top.score >= threshold ? (top.label as ControlIntent) : undefined;
      return { ...(intent ? { intent } : {}), score: top.score, ranked };
    },
    known: (text, lang) => index.known(text, lang),
  };
}
