// Small talk kept as unanswered before the bot knew it ("mdr", "ok super") is no question: the
// unanswered page leaves it out, with the same decision the bot makes, and keeps short questions.
import { expect } from 'chai';
import { groupUnanswered } from '../../staff/unansweredGroups.js';
import type { UnansweredRecord } from '../../tickets/types.js';

function asked(question: string, language: 'fr' | 'en'): UnansweredRecord {
  return { at: '2026-11-24T09:00:00+01:00', conversationId: `conv-${question}`, question, language, kind: 'none' };
}

describe('small talk on the unanswered page', () => {
  it('leaves small talk out, and keeps the short questions beside it', () => {
    const chat = ['mdr', 'cool', 'lol', 'ok super', 'haha', 'ptdr', 'génial merci', 'nice', 'top', 'thanks, bye', 'coooool', 'génail', 'xDDD'];
    const questions = ['vpn?', 'imprimante', 'password', 'super admin', 'ok mais ça marche pas'];
    const groups = groupUnanswered([...chat.map((q) => asked(q, 'fr')), ...questions.map((q) => asked(q, 'en'))]);
    expect(groups.flatMap((g) => g.questions)).to.have.members(questions);
  });

  it('lists nothing when nothing but small talk was kept', () => {
    expect(groupUnanswered([asked('mdr', 'fr'), asked('lol', 'en')])).to.deep.equal([]);
  });
});
