// Where a message goes when no dialog is waiting for it, as a plain function of the turn's
// understanding: a command, small talk, an answer, "did you mean…", or an honest "not understood".
import type { MatchedArticle, NoneReason } from '../knowledge/matcher.js';
import type { CoversWhy } from '../strings/strings.js';
import type { Session } from './session.js';
import type { SmallTalkKind } from './understand/smallTalk.js';
import type { ControlIntent } from './understand/controlIntents.js';
import type { Understanding } from './understand/turn.js';

export type SmallTalk = 'hello' | 'youAreWelcome' | 'goodbye' | 'whatElse' | 'anythingElse' | 'nothingToCancel' | 'pleaseRephrase';

const SMALL_TALK_REPLY: Record<SmallTalkKind, SmallTalk> = {
  goodbye: 'goodbye', thanks: 'youAreWelcome', greeting: 'hello', acknowledgement: 'anythingElse', laughter: 'anythingElse',
};
/** Intents whose own reply already suits small talk ("ok" is a yes, and "What can I do for you?" fits it). */
const ANSWERS_SMALL_TALK: ReadonlySet<ControlIntent> = new Set(['greeting', 'thanks', 'goodbye', 'yes']);

export type Route =
  | { kind: 'answer'; articleId: string; confidence: number }
  | { kind: 'clarify'; options: MatchedArticle[] }
  | { kind: 'not-understood'; reason: NoneReason }
  | { kind: 'request'; channel?: 'ticket' | 'callback' }
  | { kind: 'status' }
  | { kind: 'say'; what: SmallTalk }
  | { kind: 'help' }
  | { kind: 'restart' }
  | { kind: 'covers'; why: CoversWhy };

export function route(u: Understanding, session: Pick<Session, 'supportOffered'>): Route {
  if (session.supportOffered) {
    if (u.pressed === 0 || u.intent === 'yes' || /^(?:oui|ouais|yes|yeah|yep|ok)\b/iu.test(u.text.trim())) return { kind: 'request' };
    if (u.pressed === 1 || u.intent === 'no') return { kind: 'say', what: 'pleaseRephrase' };
  }
  // "mdr", "top", "awesome" asked nothing: whatever the classifier or the KB made of their few words.
  if (u.smallTalk && !(u.intent && ANSWERS_SMALL_TALK.has(u.intent))) return { kind: 'say', what: SMALL_TALK_REPLY[u.smallTalk] };
  if (u.entities.references.length > 0 && (u.intent === 'status' || !u.question)) return { kind: 'status' };
  switch (u.intent) {
    case 'status':
      return { kind: 'status' };
    case 'human':
      return { kind: 'request' };
    case 'ticket':
    case 'callback':
      return { kind: 'request', channel: u.intent };
    case 'cancel':
      return { kind: 'say', what: 'nothingToCancel' };
    case 'restart':
      return { kind: 'restart' };
    case 'help':
      return { kind: 'help' };
    case 'greeting':
      return { kind: 'say', what: 'hello' };
    case 'thanks':
      return { kind: 'say', what: 'youAreWelcome' };
    case 'goodbye':
      return { kind: 'say', what: 'goodbye' };
    case 'offtopic':
    case 'abuse':
      return { kind: 'covers', why: u.intent };
    case 'yes':
    case 'no':
    case 'english':
    case 'french':
      return { kind: 'say', what: 'whatElse' };
    case 'skip':
    case 'other':
    case 'correct':
      // "jsp", "autre chose" with nothing asked: not understood, and a miss.
      return { kind: 'not-understood', reason: 'low-confidence' };
    case undefined:
      break;
  }
  // A phone number on its own is a request to be called there; an email alone, to be written to.
  if (u.entities.phones.length > 0 && !u.question) return { kind: 'request', channel: 'callback' };
  if (u.entities.emails.length > 0 && u.words <= 2) return { kind: 'request', channel: 'ticket' };
  if (u.entities.symbolsOnly) return { kind: 'covers', why: 'symbols' };
  const top = u.match.matches[0];
  if (u.match.decision === 'answer' && top) return { kind: 'answer', articleId: top.id, confidence: top.score };
  if (u.match.decision === 'clarify' && top) return { kind: 'clarify', options: u.match.matches };
  return { kind: 'not-understood', reason: u.match.reason ?? 'low-confidence' };
}
