import { expect } from 'chai';
import { join } from 'node:path';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { InvalidRecordError } from '../../tickets/schemas.js';
import type { FeedbackRecord } from '../../tickets/types.js';
import { clockAt, clockReading, filesUnder, unchecked, useTempDataDir } from './helpers.js';

describe('feedback and unanswered questions', () => {
  const dirs = useTempDataDir();
  const reopen = () => createLowdbStore({ dataDir: dirs.dataDir() });

  const feedback = (at: string, helpful: boolean): FeedbackRecord => ({
    at, conversationId: 'conv-7f3a', articleId: 'reset-password', helpful, language: 'fr', question: 'mot de pase oublié',
  });

  it('keeps feedback in one file per month and lists it oldest first after a reopen', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    await store.recordFeedback(feedback('2026-12-01T09:00:00+01:00', true));
    await store.recordFeedback({ ...feedback('2026-11-23T14:05:09+01:00', false), missing: 'le lien a expiré' });

    expect(await filesUnder(join(dirs.dataDir(), 'feedback'))).to.deep.equal(['2026-11.jsonl', '2026-12.jsonl']);
    const listed = await reopen().listFeedback();
    expect(listed.map((f) => f.at)).to.deep.equal(['2026-11-23T14:05:09+01:00', '2026-12-01T09:00:00+01:00']);
    expect(listed[0]).to.deep.equal({ ...feedback('2026-11-23T14:05:09+01:00', false), missing: 'le lien a expiré' });
  });

  it('lists only the feedback inside a time range', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    for (const day of ['2026-11-22', '2026-11-23', '2026-11-24']) await store.recordFeedback(feedback(`${day}T10:00:00+01:00`, true));
    const listed = await reopen().listFeedback({ from: '2026-11-23T00:00:00+01:00', to: '2026-11-24T00:00:00+01:00' });
    expect(listed.map((f) => f.at)).to.deep.equal(['2026-11-23T10:00:00+01:00']);
  });

  it('timestamps an unanswered question with the store clock when no time is given', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-23T13:05:09Z') });
    await store.recordUnanswered({
      conversationId: 'conv-7f3a', question: 'comment exporter vers SharePoint ?', language: 'fr', kind: 'clarify-no-pick',
      topMatches: [{ id: 'export-pdf', score: 0.41 }, { id: 'share-link', score: 0.38 }],
    });
    expect(await reopen().listUnanswered()).to.deep.equal([{
      at: '2026-11-23T14:05:09+01:00', conversationId: 'conv-7f3a', question: 'comment exporter vers SharePoint ?',
      language: 'fr', kind: 'clarify-no-pick', topMatches: [{ id: 'export-pdf', score: 0.41 }, { id: 'share-link', score: 0.38 }],
    }]);
  });

  it('files records by their month in the store time zone', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clockReading('2026-11-30T23:30:00Z') });
    await store.recordUnanswered({ conversationId: 'c1', question: 'printer?', language: 'en', kind: 'none' });
    expect(await filesUnder(join(dirs.dataDir(), 'unanswered'))).to.deep.equal(['2026-12.jsonl']);
  });

  it('refuses a record with a language the bot does not speak', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    try {
      await store.recordFeedback(unchecked<FeedbackRecord>({ ...feedback('2026-11-23T14:05:09+01:00', true), language: 'de' }));
      expect.fail('should have refused the record');
    } catch (err) {
      expect(err).to.be.instanceOf(InvalidRecordError);
      expect((err as Error).message).to.include('language');
    }
    expect(await filesUnder(dirs.root())).to.deep.equal([]);
  });
});

describe('status lookups refused for wrong contact details', () => {
  const dirs = useTempDataDir();

  it('are kept by reference and time only, and listed by time range after a reopen', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir(), now: clockAt('2026-11-24T09:00:00Z') });
    await store.recordLookupFailure({ reference: 'L1-20261124-0001', conversationId: 'guesser' });
    await store.recordLookupFailure({ reference: 'L1-20261124-0001', conversationId: 'guesser', at: '2026-11-24T09:30:00+01:00' });
    const all = await createLowdbStore({ dataDir: dirs.dataDir() }).listLookupFailures();
    expect(all).to.deep.equal([
      { at: '2026-11-24T09:30:00+01:00', reference: 'L1-20261124-0001', conversationId: 'guesser' },
      { at: '2026-11-24T10:00:00+01:00', reference: 'L1-20261124-0001', conversationId: 'guesser' },
    ]);
    expect(await createLowdbStore({ dataDir: dirs.dataDir() }).listLookupFailures({ from: '2026-11-24T09:45:00+01:00' })).to.have.length(1);
  });

  it('refuse a record that is not one', async () => {
    const store = createLowdbStore({ dataDir: dirs.dataDir() });
    let failed: unknown;
    await store.recordLookupFailure(unchecked({ reference: '', conversationId: 'c' })).catch((err: unknown) => (failed = err));
    expect(failed).to.be.instanceOf(InvalidRecordError);
  });
});
