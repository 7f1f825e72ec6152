// The decision for a new message, as a plain function: command, answer, clarify or not understood.
import type { MatchResult, NoneReason, MatchedArticle } from '../knowledge/matcher.js';
import type { Command } from './commands.js';

export type Next =
  | { kind: 'command'; command: Command }
  | { kind: 'answer'; article: MatchedArticle }
  | { kind: 'clarify'; options: MatchedArticle[] }
  | { kind: 'none'; reason: NoneReason; offerSupport: boolean };

/** After this many misses in a row the bot offers to contact support. */
export const MISSES_BEFORE_SUPPORT = 2;

export function route(command: Command | undefined, match: () => MatchResult, missesSoFar: number): Next {
  if (command) return { kind: 'command', command };
  const result = match();
  const top = result.matches[0];
  if (result.decision === 'answer' && top) return { kind: 'answer', article: top };
  if (result.decision === 'clarify' && top) return { kind: 'clarify', options: result.matches };
  return { kind: 'none', reason: result.reason ?? 'low-confidence', offerSupport: missesSoFar + 1 >= MISSES_BEFORE_SUPPORT };
}

/** Who takes over an article that did not help: level 2 is a callback, the others a ticket queue. */
export function escalationFor(level: number): { kind: 'callback' } | { kind: 'ticket'; queue: 1 | 3 | 4 } {
  if (level === 2) return { kind: 'callback' };
  if (level === 3 || level === 4) return { kind: 'ticket', queue: level };
  return { kind: 'ticket', queue: 1 };
}
