// What the conversation records for the staff's figures (answers shown, feedback, questions not
// answered): best-effort. A failed write is logged and the customer's turn goes on; only saving a
// ticket or a callback may fail a turn, and it says so.
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { Logger } from './deps.js';
import { repeatedFailures } from './repeatedFailures.js';

type Args<K extends 'recordAnswerShown' | 'recordFeedback' | 'recordUnanswered'> = Parameters<HelpdeskStore[K]>[0];

export interface Analytics {
  answerShown(record: Args<'recordAnswerShown'>): Promise<void>;
  feedback(record: Args<'recordFeedback'>): Promise<void>;
  unanswered(record: Args<'recordUnanswered'>): Promise<void>;
}

export function bestEffortAnalytics(store: HelpdeskStore, log: Logger): Analytics {
  const failed = repeatedFailures(log);
  const attempt = async (what: string, conversation: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      failed(what, err, conversation);
    }
  };
  return {
    answerShown: (r) => attempt('answer shown', r.conversationId, () => store.recordAnswerShown(r)),
    feedback: (r) => attempt('feedback', r.conversationId, () => store.recordFeedback(r)),
    unanswered: (r) => attempt('unanswered question', r.conversationId, () => store.recordUnanswered(r)),
  };
}
