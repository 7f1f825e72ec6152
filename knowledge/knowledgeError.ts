import { formatProblem, type Problem } from './problems.js';

/** Thrown by loadKnowledge when the knowledge files cannot be trusted; the bot must not start on them. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';

  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}
