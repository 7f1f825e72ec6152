// What the conversation remembers between turns (kept in the bot's conversation state, on disk):
// its language, the topic being helped with, misses in a row, what the customer already tried,
// their contact details once given, and the requests opened in this conversation.
import type { Lang } from '../knowledge/types.js';
import type { ArticleFeedback, AttachedFile, HelpdeskRequest, Tried } from '../tickets/types.js';
import type { Phone } from './understand/entities.js';
import { startLanguage, type LanguageState } from './understand/language.js';

/** The problem being worked on: what a ticket's reason and level come from, whatever happens next. */
export interface Topic {
  question: string;
  articleId?: string;
  /** what the customer said the answer was missing */
  missing?: string;
}

export interface Session {
  language: LanguageState;
  /** set once the conversation's language was taken from the client's locale */
  started?: boolean;
  /** labels of the buttons last offered */
  offered?: string[];
  /** support was just offered after misses: a plain yes or no answers it */
  supportOffered?: boolean;
  topic?: Topic;
  misses: number;
  tried: Omit<Tried, 'transcript'>;
  contact: { name?: string; email?: string; phone?: Phone };
  /** tickets and callbacks opened in this conversation, oldest first */
  requests: Array<{ reference: string; kind: HelpdeskRequest['kind'] }>;
  /** files the customer sent that no request took yet: the next request made here takes them */
  files?: AttachedFile[];
  /**
   * The support team wrote to this conversation about this request: what the customer writes next
   * is added to it (and still answered when the bot knows the answer), until `until`.
   */
  replyTo?: { reference: string; until: string };
}

/** How long after a staff message the customer's messages go to the request (a day: then a new question is the bot's again). */
export const REPLY_WINDOW_MS = 24 * 3600 * 1000;

/** The support team wrote about `reference`: the customer's next messages are added to it. */
export function noteStaffMessage(session: Session, reference: string, at: Date): void {
  session.replyTo = { reference, until: new Date(at.getTime() + REPLY_WINDOW_MS).toISOString() };
  if (!session.requests.some((r) => r.reference === reference)) session.requests.push({ reference, kind: reference.startsWith('L2-') ? 'callback' : 'ticket' });
}

/** The request the customer is answering, if the support team wrote lately. */
export function answeringRequest(session: Session, now: Date): string | undefined {
  const replyTo = session.replyTo;
  if (!replyTo) return undefined;
  if (Date.parse(replyTo.until) > now.getTime()) return replyTo.reference;
  delete session.replyTo;
  return undefined;
}

export function newSession(lang: Lang): Session {
  return { language: startLanguage(undefined, lang), misses: 0, tried: { articles: [], flowSteps: [] }, contact: {}, requests: [] };
}

/**
 * A session saved by the previous version (a bare `lang`, no requests list) brought up to date in
 * place, so a conversation open during a deploy carries on in its language.
 */
export function upgradeSession(session: Session, fallback: Lang): Session {
  const old = session as Session & { lang?: Lang };
  if (!old.language) {
    old.language = { ...startLanguage(undefined, old.lang ?? fallback), settled: old.lang !== undefined };
    delete old.lang;
  }
  old.requests ??= [];
  old.contact ??= {};
  // The previous version kept the phone as a bare E.164 string; it is asked again rather than guessed.
  if (typeof old.contact.phone === 'string') delete old.contact.phone;
  old.tried ??= { articles: [], flowSteps: [] };
  old.misses ??= 0;
  return old;
}

export function langOf(session: Session): Lang {
  return session.language.lang;
}

export function noteArticleShown(session: Session, a: { id: string; title: string; confidence: number }): void {
  session.tried.articles.push({ ...a, feedback: 'none' });
}

export function noteFeedback(session: Session, articleId: string, feedback: ArticleFeedback, missing?: string): void {
  const shown = [...session.tried.articles].reverse().find((a) => a.id === articleId);
  if (!shown) return;
  shown.feedback = feedback;
  if (missing) shown.missing = missing;
}

export function noteFlowStep(session: Session, step: { articleId: string; stepId: string; choice: string }): void {
  session.tried.flowSteps.push(step);
}

/** After a ticket or callback is saved, the next problem starts from a clean slate. */
export function resetTried(session: Session): void {
  session.tried = { articles: [], flowSteps: [] };
  session.misses = 0;
  delete session.topic;
}
