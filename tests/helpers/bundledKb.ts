// The bundled knowledge base, its matcher and the control-intent classifier, built once for all
// tests that need them (each costs a second or two to train).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createControlClassifier, loadPhrasings, type ControlClassifier } from '../../dialogs/understand/controlIntents.js';
import { loadKnowledge } from '../../knowledge/loadKnowledge.js';
import { createMatcher, trainingTexts, type Matcher } from '../../knowledge/matcher.js';
import type { KnowledgeBase } from '../../knowledge/types.js';
import { publishedEmails } from '../../tickets/masking.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: Promise<{ kb: KnowledgeBase; matcher: Matcher }> | undefined;
let control: Promise<ControlClassifier> | undefined;

export function bundled(): Promise<{ kb: KnowledgeBase; matcher: Matcher }> {
  cached ??= loadKnowledge(path.join(PROJECT_ROOT, 'knowledge'), { root: PROJECT_ROOT }).then((kb) => ({ kb, matcher: createMatcher(kb) }));
  return cached;
}

/** The classifier the bot builds at start, on the bundled KB's questions. */
export function bundledControl(): Promise<ControlClassifier> {
  control ??= Promise.all([bundled(), loadPhrasings()]).then(([{ kb }, phrasings]) => createControlClassifier(phrasings, { questions: trainingTexts(kb) }));
  return control;
}

/** The addresses the bundled answers publish, kept unmasked in transcripts as bot/main.ts does. */
export async function bundledPublishedEmails(): Promise<Set<string>> {
  const { kb } = await bundled();
  return publishedEmails(kb.articles.flatMap((a) => [a.answer.fr, a.answer.en]));
}
