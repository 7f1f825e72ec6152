// The HelpdeskStore made of its parts, the same for every backend: what customers typed is masked
// before it is kept, the retention purge and a person's erasure reach every part (files too).
import type { AttachmentStore } from './attachments.js';
import type { Erasable, HelpdeskStore } from './helpdeskStore.js';
import { maskPersonalData } from './masking.js';
import type { KbEditLog } from './kbEditLog.js';
import { statusChange, type EventHub } from './requestChanges.js';
import type { RequestOutbox } from './requestOutbox.js';
import type { MonthlyLog } from './monthlyLog.js';
import type { TranscriptLog } from './transcriptLog.js';
import type { AnswerShownRecord, FeedbackRecord, LookupFailure, UnansweredRecord } from './types.js';

export interface StoreParts {
  requests: Pick<HelpdeskStore, 'createTicket' | 'createCallback' | 'findByReference' | 'changeRequest' | 'pageRequests' | 'summarizeRequests'>;
  outbox: RequestOutbox;
  files: AttachmentStore;
  /** where the request part announces what it wrote */
  events: EventHub;
  /** Removes the requests of a person (by email, phone or conversation); their references and conversations. */
  eraseRequests(who: Erasable): Promise<Array<{ reference: string; conversationId: string }>>;
  feedback: MonthlyLog<FeedbackRecord>;
  unanswered: MonthlyLog<UnansweredRecord>;
  answers: MonthlyLog<AnswerShownRecord>;
  lookups: MonthlyLog<LookupFailure>;
  kbEdits: KbEditLog;
  transcripts: TranscriptLog;
}

export function composeStore({ requests, outbox, files, events, eraseRequests, feedback, unanswered, answers, lookups, kbEdits, transcripts }: StoreParts): HelpdeskStore {
  /** A request's files are marked kept before it is made (see StoredFile.kept). */
  const keepingFiles = <I extends { conversationId: string; attachments?: Array<{ id: string }> }, R>(create: (input: I) => Promise<R>) => async (input: I): Promise<R> => {
    if (input.attachments?.length) await files.keep(input.conversationId, input.attachments.map((f) => f.id));
    return create(input);
  };
  return {
    createTicket: keepingFiles(requests.createTicket),
    createCallback: keepingFiles(requests.createCallback),
    findByReference: requests.findByReference,
    updateStatus: (ref, status, note, by) => requests.changeRequest(ref, statusChange(status, note, by)),
    changeRequest: requests.changeRequest,
    outbox,
    files,
    onRequestEvent: events.subscribe,
    listRequests: async (filter) => (await requests.pageRequests(filter ?? {}, {})).requests,
    pageRequests: requests.pageRequests,
    summarizeRequests: requests.summarizeRequests,
    // What customers typed is kept for analysis without their contact details.
    recordFeedback: (r) => feedback.append({ ...r, question: maskPersonalData(r.question), ...(r.missing !== undefined ? { missing: maskPersonalData(r.missing) } : {}) }),
    recordUnanswered: (r) => unanswered.append({ ...r, question: maskPersonalData(r.question) }),
    listFeedback: feedback.list,
    listUnanswered: unanswered.list,
    unansweredVersion: unanswered.version,
    recordAnswerShown: (r) => answers.append({ ...r, question: maskPersonalData(r.question) }),
    listAnswersShown: answers.list,
    recordLookupFailure: lookups.append,
    listLookupFailures: lookups.list,
    recordKbEdit: kbEdits.append,
    listKbEdits: async (range) => (await kbEdits.list(range)).reverse(),
    onKbEdit: kbEdits.subscribe,
    async purgeBefore(cutoff) {
      let records = 0;
      for (const log of [feedback, unanswered, answers, lookups] as const) records += await log.purgeBefore(cutoff);
      records += await outbox.purgeFinished(cutoff);
      return { transcripts: await transcripts.purgeBefore(cutoff), records, files: await files.purgeBefore(cutoff) };
    },
    async erase(who) {
      const removed = await eraseRequests(who);
      const conversations = [...new Set([...removed.map((r) => r.conversationId), ...(who.conversationId ? [who.conversationId] : [])])];
      const ids = new Set(conversations);
      let records = 0;
      for (const log of [feedback, unanswered, answers, lookups] as const) records += await log.removeWhere((r) => ids.has(r.conversationId));
      let transcriptsRemoved = 0;
      let filesRemoved = 0;
      for (const id of conversations) {
        if (await transcripts.remove(id)) transcriptsRemoved++;
        filesRemoved += await files.removeConversation(id);
      }
      return { requests: removed.map((r) => r.reference), conversations, transcripts: transcriptsRemoved, records, files: filesRemoved };
    },
    appendTranscript: transcripts.appendTranscript,
    transcript: transcripts.transcript,
    searchTranscripts: transcripts.search,
  };
}
