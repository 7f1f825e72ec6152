// What staff read of a stored conversation: its messages (who, when, text, the choices offered, a
// request reference shown, files' names), whether an entry was recorded as a message or, before
// that, as a channel's activity, and a one-line summary for lists, titled by the first question.
import { messageOf, type TranscriptMessage } from '../tickets/transcriptMessages.js';

export { messageOf, type TranscriptMessage };

export { asksSomething, fold, summarise, type ConversationSummary } from '../tickets/transcriptIndex.js';
