// What the conversation remembers between turns (kept in the bot's conversation state, on disk):
// its language, the last question, misses in a row, and what the user already tried.
import type { Lang } from '../knowledge/types.js';
import type { ArticleFeedback, Tried } from '../tickets/types.js';

export interface Session {
  lang: Lang;
  /** set once the conversation's language was taken from the client's locale */
  started?: boolean;
  /** labels of the buttons last offered */
  offered?: string[];
  lastQuestion?: string;
  misses: number;
  tried: Omit<Tried, 'transcript'>;
  contact: { name?: string; email?: string; phone?: string };
}

export function newSession(lang: Lang): Session {
  return { lang, misses: 0, tried: { articles: [], flowSteps: [] }, contact: {} };
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
}
