// What a ticket or callback starts from when the customer asks for one: the topic being worked on
// (its question, what was missing, the article and so its level) and the contact details already
// given. Kept in the session, so it survives flows, interruptions and a change of language.
import type { Strings } from '../strings/index.js';
import type { TicketLevel } from '../tickets/types.js';
import type { HelpdeskDeps } from './deps.js';
import type { RequestKind } from './request/form.js';
import type { Session } from './session.js';

export interface RequestOptions {
  kind?: RequestKind;
  queue: TicketLevel;
  articleId?: string;
  reason?: string;
  /** read the message that started the request for values (a phone number, a time) */
  fromMessage?: boolean;
}

/** Who takes over an article that did not help: level 2 is a callback, the others a ticket queue. */
export function escalationFor(level: number): { kind: 'callback' } | { kind: 'ticket'; queue: TicketLevel } {
  if (level === 2) return { kind: 'callback' };
  if (level === 3 || level === 4) return { kind: 'ticket', queue: level };
  return { kind: 'ticket', queue: 1 };
}

export function requestFor(deps: HelpdeskDeps, session: Session, kind: RequestKind | undefined, t: Strings, fromMessage = false): RequestOptions {
  const topic = session.topic;
  const article = topic?.articleId ? deps.matcher.article(topic.articleId) : undefined;
  const level = article?.level ?? 1;
  const queue: TicketLevel = level === 3 || level === 4 ? level : 1;
  const reason = topic ? (topic.missing ? t.reasonWithMissing(topic.question, topic.missing) : topic.question) : undefined;
  return { ...(kind ? { kind } : {}), queue, ...(article ? { articleId: article.id } : {}), ...(reason ? { reason } : {}), fromMessage };
}
