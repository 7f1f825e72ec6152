// The fallback ladder: a not-understood question, "none of these" and an unclear reply each count
// as a miss; after two misses in a row, support is offered instead of another "rephrase".
import type { TurnContext } from 'botbuilder';
import { strings } from '../strings/index.js';
import { withButtons } from './render.js';
import { langOf, type Session } from './session.js';

export const MISSES_BEFORE_SUPPORT = 2;

/** Counts the miss and says what fits: rephrase, or (the second time in a row) contact support. */
export async function afterMiss(context: TurnContext, session: Session, first?: string): Promise<void> {
  const t = strings(langOf(session));
  session.misses++;
  if (session.misses >= MISSES_BEFORE_SUPPORT) {
    session.supportOffered = true;
    await context.sendActivity(withButtons(t.notUnderstoodAgain, [t.contactSupport(1), t.rephrase]));
    return;
  }
  await context.sendActivity(first ?? t.pleaseRephrase);
}
