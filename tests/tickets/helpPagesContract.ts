// What every backend keeps of the help centre's pages: an article viewed, "was this article
// helpful?" and a search that found nothing, each marked as coming from the pages (source
// 'help-page') beside the chat's records of the same kind, and purged with them.
import { expect } from 'chai';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { HELP_PAGE_CONVERSATION } from '../../tickets/types.js';
import { clockAt } from './helpers.js';

export function helpPagesContract(open: (now: () => Date) => HelpdeskStore): void {
  const at = (iso: string) => open(clockAt(iso));

  it("keeps an article page's view, its feedback and a fruitless search apart from the chat's, across a restart", async () => {
    const store = at('2026-12-01T09:00:00Z');
    await store.recordAnswerShown({ conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', articleId: 'reset-password', confidence: 1, language: 'fr', question: '' });
    await store.recordAnswerShown({ conversationId: 'conv-7f3a', articleId: 'reset-password', confidence: 0.8, language: 'fr', question: 'mdp oublié' });
    await store.recordFeedback({ conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', articleId: 'reset-password', helpful: false, missing: 'et si je n’ai plus accès à marc.dupont@exemple.fr ?', language: 'fr', question: '' });
    await store.recordUnanswered({ conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', question: 'exporter vers sharepoint', language: 'fr', kind: 'none' });

    const again = at('2026-12-01T09:05:00Z');
    const shown = await again.listAnswersShown();
    expect(shown.map((a) => a.source ?? 'chat')).to.deep.equal(['help-page', 'chat']);
    const [feedback] = await again.listFeedback();
    expect(feedback).to.deep.include({ source: 'help-page', conversationId: HELP_PAGE_CONVERSATION, helpful: false, at: '2026-12-01T10:00:00+01:00' });
    expect(feedback!.missing, 'contact details masked as in the chat').to.not.include('marc.dupont');
    expect(await again.listUnanswered()).to.deep.equal([
      { at: '2026-12-01T10:00:00+01:00', conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', question: 'exporter vers sharepoint', language: 'fr', kind: 'none' },
    ]);
  });

  it("purges the pages' records with the chat's when they pass the retention", async () => {
    const store = at('2026-12-01T09:00:00Z');
    await store.recordAnswerShown({ at: '2026-01-05T10:00:00+01:00', conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', articleId: 'install', confidence: 1, language: 'en', question: '' });
    await store.recordAnswerShown({ at: '2026-11-30T10:00:00+01:00', conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', articleId: 'install', confidence: 1, language: 'en', question: '' });
    await store.purgeBefore(new Date('2026-06-01T00:00:00Z'));
    expect((await store.listAnswersShown()).map((a) => a.at)).to.deep.equal(['2026-11-30T10:00:00+01:00']);
  });
}
