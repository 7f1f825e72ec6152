import { expect } from 'chai';
import { computeDashboard } from '../../staff/dashboard.js';
import { HELP_PAGE_CONVERSATION, type AnswerShownRecord, type FeedbackRecord, type UnansweredRecord } from '../../tickets/types.js';

describe("the dashboard with the help centre's pages", () => {
  const page = { conversationId: HELP_PAGE_CONVERSATION, source: 'help-page' as const, language: 'fr' as const, question: '' };
  const answers: AnswerShownRecord[] = [
    { at: '2026-11-23T10:00:00+01:00', conversationId: 'c1', articleId: 'reset-password', confidence: 0.9, language: 'fr', question: 'mdp oublié' },
    { ...page, at: '2026-11-23T10:05:00+01:00', articleId: 'reset-password', confidence: 1 },
    { ...page, at: '2026-11-23T10:06:00+01:00', articleId: 'reset-password', confidence: 1 },
    { ...page, at: '2026-11-23T10:07:00+01:00', articleId: 'install', confidence: 1 },
  ];
  const feedback: FeedbackRecord[] = [
    { ...page, at: '2026-11-23T10:08:00+01:00', articleId: 'reset-password', helpful: true },
    { ...page, at: '2026-11-23T10:09:00+01:00', articleId: 'reset-password', helpful: false, missing: 'le cas SSO' },
    { ...page, at: '2026-11-23T10:10:00+01:00', articleId: 'install', helpful: true },
  ];
  const unanswered: UnansweredRecord[] = [{ ...page, at: '2026-11-23T10:11:00+01:00', question: 'recette des crêpes', kind: 'none' }];
  const dashboard = computeDashboard({
    range: { from: new Date('2026-11-22T23:00:00Z'), to: new Date('2026-11-23T23:00:00Z') },
    timeZone: 'Europe/Paris',
    requests: [], feedback, unanswered, answers,
    titleOf: (id) => id,
    topUnanswered: [],
  });

  it("counts page views and page feedback beside the chat's answers, per article", () => {
    const byId = Object.fromEntries(dashboard.perArticle.map((a) => [a.id, a]));
    expect(byId['reset-password']).to.deep.include({ shown: 1, helpful: 0, notHelpful: 0, helpfulRate: null, views: 2, pageHelpful: 1, pageNotHelpful: 1, pageHelpfulRate: 0.5 });
    expect(byId.install).to.deep.include({ shown: 0, views: 1, pageHelpful: 1, pageHelpfulRate: 1 });
    expect(dashboard.totals).to.deep.include({ answers: 1, articleViews: 3, pageHelpful: 2, pageNotHelpful: 1 });
  });

  it('leaves the pages out of the conversations and their outcomes (a page is not a conversation)', () => {
    expect(dashboard.totals).to.deep.include({ conversations: 1, questions: 1, assumed: 1, abandoned: 0 });
  });
});
