// The dashboard's figures, from the store's records over a range. Per conversation that asked at
// least one question in the range: escalated (a ticket or callback was opened), confirmed (not
// escalated; the user said an answer helped, or a flow ended resolved), assumed (neither; an
// answer was shown and nothing was asked after the last one), abandoned (the rest).
import { isSmallTalk } from '../dialogs/understand/smallTalk.js';
import type { AnswerShownRecord, FeedbackRecord, HelpdeskRequest, UnansweredRecord } from '../tickets/types.js';
import type { Dashboard, Outcome } from '../web/apiTypes.js';
import { FORMULAS } from './dashboardFormulas.js';
import { dayKey, daysBetween } from './timeRange.js';

// What GET /api/staff/dashboard answers: web/apiTypes.ts, which the console's page reads too.
export type { Dashboard, Outcome };
type Counts = Record<Outcome, number>;

export interface DashboardInput {
  range: { from: Date; to: Date };
  timeZone: string;
  requests: readonly HelpdeskRequest[];
  feedback: readonly FeedbackRecord[];
  unanswered: readonly UnansweredRecord[];
  answers: readonly AnswerShownRecord[];
  titleOf: (articleId: string) => string;
  topUnanswered: Array<{ question: string; count: number }>;
}

const time = (at: string) => Date.parse(at);
const zero = (): Counts => ({ confirmed: 0, assumed: 0, escalated: 0, abandoned: 0 });

/**
 * A question the bot could not answer: not a "not helpful" (the answer's feedback), nor small talk
 * kept by an earlier version ("mdr", "cool") that the bot now answers kindly.
 */
const isQuestion = (u: UnansweredRecord) => u.kind !== 'not-helpful' && !isSmallTalk(u.question);

export interface ConversationRecords {
  escalated: boolean;
  feedback: readonly FeedbackRecord[];
  unanswered: readonly UnansweredRecord[];
  answers: readonly AnswerShownRecord[];
}

export function outcomeOf({ escalated, feedback, unanswered, answers }: ConversationRecords): Outcome {
  if (escalated) return 'escalated';
  if (feedback.some((f) => f.helpful)) return 'confirmed';
  const last = [...answers].sort((a, b) => time(a.at) - time(b.at)).at(-1);
  if (!last) return 'abandoned';
  const askedAfter = unanswered.some((u) => isQuestion(u) && time(u.at) > time(last.at));
  const saidNo = feedback.some((f) => !f.helpful && f.articleId === last.articleId && time(f.at) >= time(last.at));
  return askedAfter || saidNo ? 'abandoned' : 'assumed';
}

function byConversation<T extends { conversationId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of records) map.set(r.conversationId, [...(map.get(r.conversationId) ?? []), r]);
  return map;
}

/** A record of the help centre's pages: no conversation, so no outcome; counted per article. */
const fromPage = (r: { source?: string }) => r.source === 'help-page';
const rate = (yes: number, no: number) => (yes + no > 0 ? yes / (yes + no) : null);

export function computeDashboard(input: DashboardInput): Dashboard {
  const { range, timeZone, requests } = input;
  const feedback = input.feedback.filter((r) => !fromPage(r));
  const unanswered = input.unanswered.filter((r) => !fromPage(r));
  const answers = input.answers.filter((r) => !fromPage(r));
  const pageFeedback = input.feedback.filter(fromPage);
  const views = input.answers.filter(fromPage);
  const questions = [...answers.map((a) => ({ conversationId: a.conversationId, at: a.at })), ...unanswered.filter(isQuestion)];
  const firstQuestion = new Map<string, number>();
  for (const q of questions) firstQuestion.set(q.conversationId, Math.min(firstQuestion.get(q.conversationId) ?? Infinity, time(q.at)));

  const escalated = new Set(requests.map((r) => r.conversationId));
  const [feedbackOf, unansweredOf, answersOf] = [byConversation(feedback), byConversation(unanswered), byConversation(answers)];
  const days = new Map(daysBetween(range.from, range.to, timeZone).map((day) => [day, { day, conversations: 0, answers: 0, ...zero() }]));
  const totals = {
    conversations: 0, questions: questions.length, answers: answers.length,
    articleViews: views.length, pageHelpful: pageFeedback.filter((f) => f.helpful).length, pageNotHelpful: pageFeedback.filter((f) => !f.helpful).length,
    ...zero(),
  };

  for (const [conversationId, first] of firstQuestion) {
    const outcome = outcomeOf({
      escalated: escalated.has(conversationId),
      feedback: feedbackOf.get(conversationId) ?? [],
      unanswered: unansweredOf.get(conversationId) ?? [],
      answers: answersOf.get(conversationId) ?? [],
    });
    totals.conversations++;
    totals[outcome]++;
    const day = days.get(dayKey(new Date(first), timeZone));
    if (day) {
      day.conversations++;
      day[outcome]++;
    }
  }
  for (const a of answers) {
    const day = days.get(dayKey(new Date(a.at), timeZone));
    if (day) day.answers++;
  }

  const articles = new Map<string, { shown: number; helpful: number; notHelpful: number; views: number; pageHelpful: number; pageNotHelpful: number }>();
  const statsOf = (id: string) => articles.get(id) ?? articles.set(id, { shown: 0, helpful: 0, notHelpful: 0, views: 0, pageHelpful: 0, pageNotHelpful: 0 }).get(id)!;
  for (const a of answers) statsOf(a.articleId).shown++;
  for (const f of feedback) statsOf(f.articleId)[f.helpful ? 'helpful' : 'notHelpful']++;
  for (const v of views) statsOf(v.articleId).views++;
  for (const f of pageFeedback) statsOf(f.articleId)[f.helpful ? 'pageHelpful' : 'pageNotHelpful']++;
  const perArticle = [...articles].map(([id, s]) => ({
    id,
    title: input.titleOf(id),
    ...s,
    helpfulRate: rate(s.helpful, s.notHelpful),
    pageHelpfulRate: rate(s.pageHelpful, s.pageNotHelpful),
  })).sort((a, b) => b.shown + b.views - (a.shown + a.views) || (a.id < b.id ? -1 : 1));

  const escalationsByLevel = { '1': 0, '2': 0, '3': 0, '4': 0 };
  for (const r of requests) escalationsByLevel[r.kind === 'callback' ? '2' : (String(r.level) as '1' | '3' | '4')]++;

  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    totals,
    perDay: [...days.values()],
    perArticle,
    topUnanswered: input.topUnanswered,
    escalationsByLevel,
    formulas: FORMULAS,
  };
}
