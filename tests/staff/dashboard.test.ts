import { expect } from 'chai';
import { computeDashboard, outcomeOf } from '../../staff/dashboard.js';
import type { AnswerShownRecord, FeedbackRecord, HelpdeskRequest, UnansweredRecord } from '../../tickets/types.js';
import { sampleTicket } from '../tickets/helpers.js';

const answer = (conversationId: string, at: string, articleId = 'reset-password'): AnswerShownRecord =>
  ({ at, conversationId, articleId, confidence: 0.9, language: 'fr', question: 'mot de passe oublié' });
const feedback = (conversationId: string, at: string, helpful: boolean, articleId = 'reset-password'): FeedbackRecord =>
  ({ at, conversationId, articleId, helpful, language: 'fr', question: 'mot de passe oublié' });
const unanswered = (conversationId: string, at: string, kind: UnansweredRecord['kind'] = 'none'): UnansweredRecord =>
  ({ at, conversationId, question: 'facture en double', language: 'fr', kind });
const request = (conversationId: string, createdAt: string, kind: 'ticket' | 'callback' = 'ticket', level: 1 | 3 | 4 = 1): HelpdeskRequest => ({
  ...sampleTicket({ conversationId, level }), reference: 'L1-20261123-0001', createdAt, status: 'open', statusHistory: [],
  ...(kind === 'callback' ? { kind: 'callback', contact: { phone: '+33612345678' }, slot: { start: createdAt, end: createdAt }, timeZone: 'Europe/Paris', consent: true } : { kind: 'ticket' }),
} as HelpdeskRequest);

describe('the dashboard figures', () => {
  // Six conversations over two days in Paris (23 and 24 November 2026).
  const answers = [
    answer('confirmed', '2026-11-23T09:00:00+01:00'),
    answer('assumed', '2026-11-23T10:00:00+01:00', 'install'),
    answer('escalated', '2026-11-23T11:00:00+01:00'),
    answer('said-no', '2026-11-24T09:00:00+01:00'),
    answer('asked-again', '2026-11-24T10:00:00+01:00'),
  ];
  const feedbacks = [
    feedback('confirmed', '2026-11-23T09:01:00+01:00', true),
    feedback('escalated', '2026-11-23T11:01:00+01:00', false),
    feedback('said-no', '2026-11-24T09:01:00+01:00', false),
  ];
  const unanswereds = [
    unanswered('escalated', '2026-11-23T11:01:00+01:00', 'not-helpful'),
    unanswered('said-no', '2026-11-24T09:01:00+01:00', 'not-helpful'),
    unanswered('asked-again', '2026-11-24T10:05:00+01:00'),
    unanswered('never-answered', '2026-11-24T23:30:00+01:00', 'clarify-no-pick'),
  ];
  const requests = [request('escalated', '2026-11-23T11:03:00+01:00'), request('no-question', '2026-11-24T12:00:00+01:00', 'callback')];
  const dashboard = computeDashboard({
    range: { from: new Date('2026-11-22T23:00:00Z'), to: new Date('2026-11-24T23:00:00Z') },
    timeZone: 'Europe/Paris',
    requests, feedback: feedbacks, unanswered: unanswereds, answers,
    titleOf: (id) => ({ 'reset-password': 'Réinitialiser votre mot de passe' })[id] ?? id,
    topUnanswered: [{ question: 'facture en double', count: 2 }],
  });

  it('counts each conversation that asked something in exactly one outcome', () => {
    expect(dashboard.totals).to.deep.equal({ conversations: 6, questions: 7, answers: 5, articleViews: 0, pageHelpful: 0, pageNotHelpful: 0, confirmed: 1, assumed: 1, escalated: 1, abandoned: 3 });
  });

  it('splits per day in Paris time, on the day of the first question', () => {
    expect(dashboard.perDay).to.deep.equal([
      { day: '2026-11-23', conversations: 3, answers: 3, confirmed: 1, assumed: 1, escalated: 1, abandoned: 0 },
      { day: '2026-11-24', conversations: 3, answers: 2, confirmed: 0, assumed: 0, escalated: 0, abandoned: 3 },
    ]);
  });

  it('gives each article its helpful rate, or null when nobody said', () => {
    expect(dashboard.perArticle).to.deep.equal([
      { id: 'reset-password', title: 'Réinitialiser votre mot de passe', shown: 4, helpful: 1, notHelpful: 2, helpfulRate: 1 / 3, views: 0, pageHelpful: 0, pageNotHelpful: 0, pageHelpfulRate: null },
      { id: 'install', title: 'install', shown: 1, helpful: 0, notHelpful: 0, helpfulRate: null, views: 0, pageHelpful: 0, pageNotHelpful: 0, pageHelpfulRate: null },
    ]);
  });

  it('counts every ticket and callback by level, even without a question', () => {
    expect(dashboard.escalationsByLevel).to.deep.equal({ '1': 1, '2': 1, '3': 0, '4': 0 });
  });

  it('explains every figure in English and in French', () => {
    for (const lang of ['en', 'fr'] as const) {
      expect(dashboard.formulas[lang]).to.have.keys('conversations', 'questions', 'answers', 'confirmed', 'assumed', 'escalated', 'abandoned', 'helpfulRate', 'escalationsByLevel');
    }
    expect(dashboard.formulas.fr.helpfulRate).to.include('utiles ÷ (utiles + pas utiles)');
  });

  it('keeps "assumed" when the user said nothing after the last answer, even if an earlier one did not help', () => {
    expect(outcomeOf({
      escalated: false,
      feedback: [feedback('c', '2026-11-23T09:01:00+01:00', false, 'install')],
      unanswered: [unanswered('c', '2026-11-23T09:01:00+01:00', 'not-helpful')],
      answers: [answer('c', '2026-11-23T09:00:00+01:00', 'install'), answer('c', '2026-11-23T09:02:00+01:00')],
    })).to.equal('assumed');
  });

  it('does not count small talk an earlier version kept as unanswered ("mdr" after an answer) as a new question', () => {
    const laughed: UnansweredRecord = { ...unanswered('c', '2026-11-23T09:03:00+01:00'), question: 'mdr' };
    expect(outcomeOf({ escalated: false, feedback: [], unanswered: [laughed], answers: [answer('c', '2026-11-23T09:00:00+01:00')] })).to.equal('assumed');
    const asked: UnansweredRecord = { ...unanswered('c', '2026-11-23T09:03:00+01:00'), question: 'et la facture en double ?' };
    expect(outcomeOf({ escalated: false, feedback: [], unanswered: [asked], answers: [answer('c', '2026-11-23T09:00:00+01:00')] })).to.equal('abandoned');
  });
});
