// What the customer adds to a request from the chat: "add to my ticket L1-…: …", or simply what
// they write after the support team wrote to them in this conversation (for a day, while the
// request is not resolved): they are talking to a person then, so it goes to the request, not to
// the knowledge base ("it's 4.1.2 on Windows 11" is an answer, not a question about Windows 11).
// "Start over" or "cancel" ends it.
import type { TurnContext } from 'botbuilder';
import { strings } from '../strings/index.js';
import type { HelpdeskDeps } from './deps.js';
import { answeringRequest, langOf, noteStaffMessage, type Session } from './session.js';
import type { ControlIntent } from './understand/controlIntents.js';
import type { Understanding } from './understand/turn.js';

/** Commands about the conversation itself: never taken as words for the support team. */
const COMMANDS: ReadonlySet<ControlIntent> = new Set(['cancel', 'restart', 'help', 'status', 'human', 'ticket', 'callback', 'english', 'french']);
/** Commands that end the exchange with the support team: what follows is for the bot again. */
const ENDS: ReadonlySet<ControlIntent> = new Set(['cancel', 'restart']);

const ADD = /\b(ajout\w*|rajout\w*|compl[eé]t\w*|pr[eé]cis\w*|add|adding|append|update)\b/iu;
const REFERENCE_AND_AFTER = /L[1-4][\s-]*\d{8}[\s-]*\d{1,9}\s*[:,.-]?\s*/iu;

export type Addition =
  | { kind: 'add'; reference: string; text: string }
  /** "add to my ticket L1-…" with nothing after it: ask what */
  | { kind: 'ask'; reference: string }
  | { kind: 'none' };

/** What this message adds to which request, if anything. */
export function additionOf(u: Pick<Understanding, 'text' | 'intent' | 'entities'>, session: Session, now: Date): Addition {
  const mine = new Set(session.requests.map((r) => r.reference));
  const named = u.entities.references[0];
  if (named && mine.has(named) && ADD.test(u.text)) {
    const after = u.text.slice((REFERENCE_AND_AFTER.exec(u.text)?.index ?? 0)).replace(REFERENCE_AND_AFTER, '').trim();
    return after.length >= 2 ? { kind: 'add', reference: named, text: after } : { kind: 'ask', reference: named };
  }
  const answering = answeringRequest(session, now);
  if (!answering || u.text.trim() === '') return { kind: 'none' };
  if (u.intent && ENDS.has(u.intent)) delete session.replyTo;
  if (u.intent && COMMANDS.has(u.intent)) return { kind: 'none' };
  return { kind: 'add', reference: answering, text: u.text.trim() };
}

/** Adds what the customer wrote to their request and says so; true when it did (the turn is done). */
export async function takeAddition(context: TurnContext, deps: HelpdeskDeps, session: Session, u: Understanding): Promise<boolean> {
  const addition = additionOf(u, session, deps.now());
  if (addition.kind === 'none') return false;
  const t = strings(langOf(session));
  if (addition.kind === 'ask') {
    noteStaffMessage(session, addition.reference, deps.now());
    await context.sendActivity(t.askAddition(addition.reference));
    return true;
  }
  const request = await deps.store.findByReference(addition.reference);
  // Resolved or closed since: the exchange is over, the message is the bot's again.
  if (!request || ((request.status === 'resolved' || request.status === 'closed') && session.replyTo?.reference === addition.reference && !u.entities.references.length)) {
    delete session.replyTo;
    return false;
  }
  await deps.store.changeRequest(addition.reference, { type: 'customer-message', text: addition.text });
  await context.sendActivity({ type: 'message', text: t.addedToRequest(addition.reference), textFormat: 'markdown' });
  return true;
}
