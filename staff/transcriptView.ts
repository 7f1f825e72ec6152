// Turns stored activities into what staff read: the messages of a conversation (who, when, text,
// buttons offered, a confirmation card's title and reference), and a one-line summary for lists.
import { messageOf, type TranscriptMessage } from '../tickets/transcriptMessages.js';

export { messageOf, type TranscriptMessage };

export { fold, summarise, type ConversationSummary } from '../tickets/transcriptIndex.js';
