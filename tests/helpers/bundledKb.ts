// The bundled knowledge base and its matcher, built once for all tests that need them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../knowledge/loadKnowledge.js';
import { createMatcher, type Matcher } from '../../knowledge/matcher.js';
import type { KnowledgeBase } from '../../knowledge/types.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: Promise<{ kb: KnowledgeBase; matcher: Matcher }> | undefined;

export function bundled(): Promise<{ kb: KnowledgeBase; matcher: Matcher }> {
  cached ??= loadKnowledge(path.join(PROJECT_ROOT, 'knowledge'), { root: PROJECT_ROOT }).then((kb) => ({ kb, matcher: createMatcher(kb) }));
  return cached;
}
