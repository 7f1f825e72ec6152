// Everything the helpdesk keeps: requests for levels 1 to 4, feedback, unanswered questions and
// transcripts. The bot sees only the HelpdeskStore interface; files under DATA_DIR are the first
// implementation (layout in dataLayout.ts): JSON Lines for what only grows, since lowdb rewrites a
// whole document on every write (lowdb keeps the small documents: staff accounts, revocations).
// The PostgreSQL one (postgres/pgStore.ts) is made of the same parts (composeStore.ts).
import { join } from 'node:path';
import { createFileAttachments, type AttachmentStore } from './attachments.js';
import { composeStore } from './composeStore.js';
import { createCounterStore } from './counterStore.js';
import { folders } from './dataLayout.js';
import { fileKbEditLog } from './kbEditLog.js';
import { createMonthlyLog } from './monthlyLog.js';
import { createEventHub, type RequestChange, type RequestEvent } from './requestChanges.js';
import { createRequestLog } from './requestLog.js';
import { createFileOutbox, type RequestOutbox } from './requestOutbox.js';
import { answerShownSchema, feedbackSchema, isTimeZone, kbEditSchema, lookupFailureSchema, unansweredSchema } from './schemas.js';
import { createTranscriptLog } from './transcriptLog.js';
import type { ConversationSummary, TranscriptSearch } from './transcriptIndex.js';
import type {
  AnswerShownRecord, AtOptional, CallbackRequest, FeedbackRecord, HelpdeskRequest, KbEdit, LookupFailure, NewCallback, NewTicket, RequestFilter, RequestStatus, RequestSummary,
  Ticket, TimeRange, TranscriptEntry, UnansweredRecord,
} from './types.js';

export interface HelpdeskStore {
  /** Resolves once the ticket is on disk: only then may its reference be given to the user. Its files are kept as long as it is. */
  createTicket(input: NewTicket): Promise<Ticket>;
  /** Same for a callback request (reference L2-…). */
  createCallback(input: NewCallback): Promise<CallbackRequest>;
  /** Accepts a reference as typed by a person ("l1 20261123 42"); undefined if unknown. */
  findByReference(ref: string): Promise<HelpdeskRequest | undefined>;
  /** Sets the status and appends it to the history; undefined if the reference is unknown. */
  updateStatus(ref: string, status: RequestStatus, note?: string, by?: string): Promise<HelpdeskRequest | undefined>;
  /**
   * Makes a change (status, reply, note, assignment, priority, the customer's addition) and keeps it
   * with its event in the outbox; undefined if the reference is unknown.
   */
  changeRequest(ref: string, change: RequestChange): Promise<HelpdeskRequest | undefined>;
  /** The request events still to deliver (every instance shares them). */
  outbox: RequestOutbox;
  /** The files customers sent; a request made with `attachments` keeps them (attachments.ts). */
  files: AttachmentStore;
  /** Calls `listener` after this instance keeps a request event (the others find it in the outbox). */
  onRequestEvent(listener: (event: RequestEvent) => void): () => void;
  /** Newest first; `from` inclusive, `to` exclusive, on createdAt. */
  listRequests(filter?: RequestFilter): Promise<HelpdeskRequest[]>;
  /** A page of listRequests (`offset` skipped, at most `limit`), and how many match in all. */
  pageRequests(filter: RequestFilter, page: Page): Promise<{ requests: HelpdeskRequest[]; total: number }>;
  /** Every match of the filter, newest first, as much as ranking by due time needs (the inbox's "most urgent first"). */
  summarizeRequests(filter: RequestFilter): Promise<RequestSummary[]>;
  recordFeedback(record: AtOptional<FeedbackRecord>): Promise<FeedbackRecord>;
  recordUnanswered(record: AtOptional<UnansweredRecord>): Promise<UnansweredRecord>;
  recordAnswerShown(record: AtOptional<AnswerShownRecord>): Promise<AnswerShownRecord>;
  /** Oldest first. */
  listAnswersShown(range?: TimeRange): Promise<AnswerShownRecord[]>;
  /** Oldest first. */
  listFeedback(range?: TimeRange): Promise<FeedbackRecord[]>;
  /** Oldest first. */
  listUnanswered(range?: TimeRange): Promise<UnansweredRecord[]>;
  /** Changes whenever an unanswered question in `range` is added or removed (the staff page's grouping is kept until then). */
  unansweredVersion(range?: TimeRange): Promise<string>;
  /** A status lookup with wrong contact details, so repeated guesses can be refused. */
  recordLookupFailure(record: AtOptional<LookupFailure>): Promise<LookupFailure>;
  /** Oldest first. */
  listLookupFailures(range?: TimeRange): Promise<LookupFailure[]>;
  /**
   * Keeps a staff edit of the knowledge base (not purged: the edits are the staff's part of the
   * knowledge base), if the last edit kept is still `after` (null: none yet); else 'conflict'.
   */
  recordKbEdit(edit: AtOptional<KbEdit>, after: string | null): Promise<KbEdit | 'conflict'>;
  /** Newest first. */
  listKbEdits(range?: TimeRange): Promise<KbEdit[]>;
  /** Calls `listener` after any instance keeps a knowledge base edit; returns the unsubscribe. */
  onKbEdit(listener: () => void): () => void;
  /**
   * Removes what is older than `cutoff`: transcripts last written before it, feedback, unanswered
   * questions, answers shown, lookup failures and files no request lists. Requests are kept (they
   * are the support's record), and their files with them.
   */
  purgeBefore(cutoff: Date): Promise<{ transcripts: number; records: number; files: number }>;
  /**
   * Removes a person: the requests with this email or phone, or made in this conversation, and every
   * transcript, record and file of the conversations they were made in.
   */
  erase(who: Erasable): Promise<Erased>;
  appendTranscript(entry: AtOptional<TranscriptEntry>): Promise<TranscriptEntry>;
  /** The conversation's activities in the order they were appended; [] if none. */
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /**
   * Conversations whose activity overlaps the range and (with `q`) one of whose messages contains
   * `q`, case and accents aside; newest last activity first, a page of them and the total.
   */
  searchTranscripts(query: TranscriptSearch): Promise<{ conversations: ConversationSummary[]; total: number }>;
}

export interface Page {
  offset?: number;
  limit?: number;
}

/** Who to erase: at least one of these. */
export interface Erasable {
  email?: string;
  /** E.164, as requests store it */
  phone?: string;
  conversationId?: string;
}

export interface Erased {
  requests: string[];
  conversations: string[];
  transcripts: number;
  records: number;
  files: number;
}

export interface LowdbStoreOptions {
  dataDir: string;
  /** told what the store repaired: a damaged file moved aside, counters raised to the stored references */
  report?: (line: string) => void;
  /** the most one conversation's transcript keeps, in JSON bytes (default 512 KB) */
  maxTranscriptBytes?: number;
  /** the company's own published addresses (in its answers), not masked in transcripts */
  keepEmails?: ReadonlySet<string>;
  /** IANA zone for reference dates, createdAt offsets and month files (default 'Europe/Paris') */
  timeZone?: string;
  /** the clock, for tests */
  now?: () => Date;
}

/**
 * One store per DATA_DIR and per process (the DATA_DIR lock): files are kept open and their
 * records cached in memory, which only a single writing process makes safe.
 */
export function createLowdbStore({ dataDir, timeZone = 'Europe/Paris', now = () => new Date(), report = () => undefined, maxTranscriptBytes, keepEmails }: LowdbStoreOptions): HelpdeskStore {
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}' (expected an IANA name such as Europe/Paris)`);
  // The counters read the requests' highest references once: a lost counter file never re-issues one.
  const counters = createCounterStore(dataDir, { highestStored: () => requests.highestCounters(), report });
  const hub = createEventHub();
  const requests = createRequestLog({ dataDir, timeZone, now, counters, report, emit: hub.emit });
  const outbox = createFileOutbox({ dataDir, now, eventsSince: requests.eventsSince, report });
  hub.subscribe(outbox.add);
  const transcripts = createTranscriptLog({ dataDir, timeZone, now, report, ...(maxTranscriptBytes ? { maxBytes: maxTranscriptBytes } : {}), ...(keepEmails ? { keepEmails } : {}) });
  const feedback = createMonthlyLog({ dir: join(dataDir, folders.feedback), timeZone, now, schema: feedbackSchema, what: 'feedback', report });
  const unanswered = createMonthlyLog({ dir: join(dataDir, folders.unanswered), timeZone, now, schema: unansweredSchema, what: 'unanswered question', report });
  const answers = createMonthlyLog({ dir: join(dataDir, folders.answers), timeZone, now, schema: answerShownSchema, what: 'answer shown', report });
  // Synced before they count: a lookup failure locks out guessing, an edit is the KB's history.
  const lookups = createMonthlyLog({ dir: join(dataDir, folders.lookups), timeZone, now, schema: lookupFailureSchema, what: 'lookup failure', report, durable: true });
  const kbEdits = createMonthlyLog({ dir: join(dataDir, folders.kbEdits), timeZone, now, schema: kbEditSchema, what: 'knowledge base edit', report, durable: true, cached: 1 });

  return composeStore({
    requests,
    async eraseRequests(who) {
      const email = who.email?.trim().toLowerCase();
      return requests.removeWhere((r) =>
        (email !== undefined && r.contact.email?.toLowerCase() === email) ||
        (who.phone !== undefined && r.kind === 'callback' && r.contact.phone === who.phone) ||
        (who.conversationId !== undefined && r.conversationId === who.conversationId));
    },
    outbox, events: hub,
    files: createFileAttachments({ dataDir, timeZone, now, report }),
    feedback, unanswered, answers, lookups, kbEdits: fileKbEditLog(kbEdits), transcripts,
  });
}
