// What the help centre's search shows for a query, decided by the bot's own matcher: the same
// typo correction, both languages, and the same thresholds as the chat (an answer there is a sure
// hit here; a "did you mean" there is a "did you mean" here; nothing there is nothing here).
import type { MatchResult } from '../../knowledge/matcher.js';
import type { Article } from '../../knowledge/types.js';
import type { Thresholds } from '../../knowledge/matching/thresholds.js';
import type { SearchOutcome } from './renderPages.js';

export function searchOutcome(result: MatchResult, thresholds: Thresholds, articleOf: (id: string) => Article | undefined): SearchOutcome {
  if (result.decision === 'none') return result.reason === 'empty' ? { kind: 'empty' } : { kind: 'nothing' };
  // The top match always; the others only when they would be offered as a "did you mean" too.
  const articles = result.matches
    .filter((m, i) => i === 0 || m.score >= thresholds.clarify)
    .map((m) => articleOf(m.id))
    .filter((a): a is Article => a !== undefined);
  if (articles.length === 0) return { kind: 'nothing' };
  return { kind: result.decision === 'answer' ? 'found' : 'did-you-mean', articles };
}
