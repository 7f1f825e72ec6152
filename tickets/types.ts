// Plain data types of the helpdesk's records. No botbuilder, no lowdb: a PostgreSQL backend
// implements the same shapes. Every time is an ISO 8601 string; times the store creates carry the
// zone offset of the store's time zone (2026-11-23T14:05:09+01:00).

export type Language = 'fr' | 'en';
/** A request's statuses, in the order a request goes through them: the one list the rest derives from. */
export const REQUEST_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Queue a ticket goes to: level 1 (ticket desk), 3 (product experts) or 4 (external vendors). */
export const TICKET_LEVELS = [1, 3, 4] as const;
export type TicketLevel = (typeof TICKET_LEVELS)[number];
/** Levels as staff see them: a callback request is level 2. */
export const SUPPORT_LEVELS = [1, 2, 3, 4] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export interface StatusChange {
  status: RequestStatus;
  at: string;
  note?: string;
  by?: string;
  /** the note is for the customer too (told with the change); otherwise staff only */
  public?: boolean;
  /** the change's event (absent on older changes) */
  id?: string;
}

/** How urgent staff judge a request: the one list the rest derives from, least urgent first. */
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/**
 * A message on a request after it was made: a staff reply (public: the customer is told; internal:
 * a note for staff) or what the customer added to it.
 */
export interface RequestMessage {
  id: string;
  at: string;
  from: 'staff' | 'customer';
  /** the staff member's email, for a staff message */
  by?: string;
  text: string;
  visibility: 'public' | 'internal';
  /** the files the customer added with it */
  attachments?: AttachedFile[];
}

/**
 * A file a customer sent in the conversation (a screenshot, a log), as a request lists it: what
 * staff see before they download it. The bytes stay in the store's file part (attachments.ts).
 */
export interface AttachedFile {
  /** unguessable (128 random bits): the file's name in the store and in its links */
  id: string;
  /** the customer's file name, made safe (fileNames.ts) */
  name: string;
  /** the type its content was recognised as, never the one the browser claimed */
  contentType: string;
  /** bytes */
  size: number;
}

/** A kept file: what a request lists, and whose conversation it was sent in, when, and its digest. */
export interface StoredFile extends AttachedFile {
  conversationId: string;
  at: string;
  sha256: string;
  /**
   * A request lists it, which keeps it past the retention period (set before the request is made:
   * a crash in between keeps a file too many, never loses one a request lists).
   */
  kept?: true;
}

export type ArticleFeedback = 'helpful' | 'not-helpful' | 'none';

/** What the user already tried with the bot, so level 1/2 does not ask again. */
export interface Tried {
  articles: Array<{ id: string; title: string; confidence: number; feedback?: ArticleFeedback; missing?: string }>;
  flowSteps: Array<{ articleId: string; stepId: string; choice: string }>;
  transcript: Array<{ from: 'user' | 'bot'; text: string; at: string }>;
}

/**
 * Where a conversation can be written to again, later, by the bot (a reply from staff, a status
 * change): the channel's own address of it, as the Bot Framework's conversation reference holds it,
 * without depending on the SDK.
 */
export interface ConversationAddress {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  user: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

interface RequestBase {
  reference: string;
  createdAt: string;
  status: RequestStatus;
  statusHistory: StatusChange[];
  reason: string;
  language: Language;
  channel: string;
  conversationId: string;
  articleId?: string;
  tried: Tried;
  /**
   * What made the request (the conversation and the id of the activity that sent it): a channel
   * retrying that activity gets the same request and reference, not a second one.
   */
  requestKey?: string;
  /** how to write to the customer in the conversation the request was made in (absent on older requests) */
  address?: ConversationAddress;
  /** the staff member who owns it (email); absent: nobody yet */
  assignee?: string;
  /** absent: 'normal' */
  priority?: RequestPriority;
  /** replies, internal notes and the customer's additions, oldest first (absent: none yet) */
  messages?: RequestMessage[];
  /** when staff first told the customer something (a public reply or note): the first-reply target's end */
  firstReplyAt?: string;
  /** the files the customer sent before the request was made (screenshots, logs), oldest first */
  attachments?: AttachedFile[];
}

export interface Ticket extends RequestBase {
  kind: 'ticket';
  level: TicketLevel;
  contact: { name: string; email: string };
}

export interface CallbackRequest extends RequestBase {
  kind: 'callback';
  /** phone in E.164 (+33612345678) */
  contact: { name?: string; phone: string; email?: string };
  slot: { start: string; end: string };
  /** IANA zone the user chose the slot in, e.g. 'Europe/Paris' */
  timeZone: string;
  consent: true;
}

export type HelpdeskRequest = Ticket | CallbackRequest;

/** What ranking requests by due time needs of each, without its conversation and contact (a light read of many; its times are instants, their offset may differ from the request's). */
export type RequestSummary = Pick<RequestBase, 'reference' | 'createdAt' | 'status' | 'priority' | 'firstReplyAt'>
  & ({ kind: 'ticket'; level: TicketLevel } | { kind: 'callback'; slot: { start: string; end: string } });

/** Fields the store fills in itself when it creates a request, or staff set later. */
type Assigned = 'reference' | 'kind' | 'createdAt' | 'status' | 'statusHistory' | 'assignee' | 'priority' | 'messages' | 'firstReplyAt';
export type NewTicket = Omit<Ticket, Assigned>;
export type NewCallback = Omit<CallbackRequest, Assigned>;

/**
 * Where a record comes from: the chat (no `source`, as every record kept before the help centre),
 * or the help centre's pages. A page has no conversation: its records carry the conversation id
 * below, so the chat's per-conversation figures (outcomes) can leave them out, and a person's
 * erasure (by their real conversation id) never matches them; they hold no contact details.
 */
export type RecordSource = 'help-page';
export const HELP_PAGE_CONVERSATION = 'help-page';

export interface FeedbackRecord {
  at: string;
  conversationId: string;
  source?: RecordSource;
  articleId: string;
  helpful: boolean;
  missing?: string;
  language: Language;
  question: string;
}

export interface UnansweredRecord {
  at: string;
  conversationId: string;
  /** 'help-page': typed in the help centre's search, which found nothing (kind 'none') */
  source?: RecordSource;
  question: string;
  language: Language;
  /** none: nothing matched; clarify-no-pick: "did you mean…" and none picked; not-helpful: answered, user said no */
  kind: 'none' | 'clarify-no-pick' | 'not-helpful';
  topMatches?: Array<{ id: string; score: number }>;
}

/** An article's answer shown to a user (the dashboard's "answers" and "assumed resolved"). */
export interface AnswerShownRecord {
  at: string;
  conversationId: string;
  /** 'help-page': the article's page was viewed (confidence 1, question: the search that led there, if any) */
  source?: RecordSource;
  articleId: string;
  /** the matcher's confidence, or 1 when the user picked the article */
  confidence: number;
  language: Language;
  question: string;
}

/** A status lookup refused because the contact details did not match (no contact details kept). */
export interface LookupFailure {
  at: string;
  reference: string;
  conversationId: string;
}

/** One file of the knowledge base before and after an edit (null: the file did not exist / was removed). */
export interface KbFileChange {
  articleId: string;
  before: string | null;
  after: string | null;
}

/** A staff edit of the knowledge base, kept so that it can be read back and reverted. */
export interface KbEdit {
  id: string;
  at: string;
  /** the staff member's email */
  by: string;
  action: KbEditAction;
  /** the article the edit is about (for a move: the one that received the question) */
  articleId: string;
  /** one line saying what changed, e.g. the question added */
  summary: string;
  changes: KbFileChange[];
  /** for a revert: the edit it undid */
  revertOf?: string;
}

export const KB_EDIT_ACTIONS = ['create-article', 'add-question', 'move-question', 'revert'] as const;
export type KbEditAction = (typeof KB_EDIT_ACTIONS)[number];

/**
 * What one message of a conversation said, whichever channel carried it and however that channel
 * drew it (buttons above the send box, a card in Teams): the bot layer makes it, the store keeps it.
 * Who said it is the entry's direction.
 */
export interface SaidMessage {
  text: string;
  /** the choices offered with it, by their labels */
  choices?: string[];
  /** a request reference it showed (the confirmation of a ticket or callback) */
  reference?: string;
  /** the names of the files it carried */
  attachments?: string[];
}

export interface TranscriptEntry {
  at: string;
  conversationId: string;
  /** in: the customer's; out: the bot's */
  direction: 'in' | 'out';
  /** what was said; absent for typing, joins and other activities that say nothing */
  message?: SaidMessage;
  /**
   * The activity as a channel drew it (JSON-serialisable, stored as its JSON round trip): all that
   * entries written before `message` hold, and the copy a channel that redraws its history from
   * the store keeps (the local Direct Line, for Web Chat). What people read comes from `message`.
   */
  activity?: unknown;
}

/** One conversation in the staff's list of transcripts (transcriptIndex.ts makes them; the console reads them). */
export interface ConversationSummary {
  conversationId: string;
  firstAt: string;
  lastAt: string;
  messages: number;
  /** the customer's first question (greetings, clicks and "talk to a human" aside), else the first thing they wrote */
  title: string;
  /** the first thing the customer wrote, or with a search, the message that matched */
  snippet: string;
}

/** A record as given to the store: `at` defaults to the store's clock. */
export type AtOptional<T extends { at: string }> = Omit<T, 'at'> & { at?: string };

/** `from` inclusive, `to` exclusive; a Date or an ISO 8601 string. */
export interface TimeRange {
  from?: Date | string;
  to?: Date | string;
}

export interface RequestFilter extends TimeRange {
  kind?: HelpdeskRequest['kind'];
  status?: RequestStatus;
  /** any of these statuses (the inbox's "to do": open and in progress) */
  statuses?: readonly RequestStatus[];
  level?: SupportLevel;
  language?: Language;
  /** the owner's email; null: nobody's */
  assignee?: string | null;
  priority?: RequestPriority;
  /** words found in the reference, contact, reason, conversation or messages (requestSearch.ts) */
  q?: string;
}

/** What a staff member may do in the console: read, handle requests and the KB, or everything. */
export const STAFF_ROLES = ['viewer', 'agent', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A staff account as stored: lower-case email, role, argon2id hash of the password. */
export interface StaffAccount {
  email: string;
  role: StaffRole;
  passwordHash: string;
  createdAt: string;
  updatedAt?: string;
  /** when an admin disabled it (it cannot sign in, its sessions end); absent: active */
  disabledAt?: string;
  /**
   * Sessions opened at or before this time are over: set when the account is disabled, and kept
   * when it is enabled again, so the sessions it had then do not come back.
   */
  sessionsEndedAt?: string;
}

/**
 * What the staff audit records: signing in and out, and every change made from the console or the
 * scripts. The one list the store's checks, the API's filter and the console's labels derive from.
 */
export const STAFF_AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'account-created',
  'account-password-set',
  'account-role-changed',
  'account-disabled',
  'account-enabled',
  'account-removed',
  'request-status-changed',
  'request-replied',
  'request-assigned',
  'request-prioritised',
  'knowledge-edited',
] as const;
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

/** Who did it, when no staff member's email says so: STAFF_TOKEN, or `npm run staff:add`. */
export const AUDIT_TOKEN_ACTOR = 'token';
export const AUDIT_COMMAND_LINE_ACTOR = 'staff:add';

/** One line of the staff audit: staff data only, never a password or a customer's personal data. */
export interface StaffAuditEntry {
  /** ISO 8601, UTC */
  at: string;
  /** the staff member's email, `token` or `staff:add`; for a failed sign-in, the email typed */
  actor: string;
  action: StaffAuditAction;
  /** what it was done to: an account's email, a request's reference, an article's id */
  target?: string;
  /** a few words: the new role, the new status, why a sign-in failed */
  details?: string;
  /** the caller's address as the server knows it (behind a trusted proxy, the one it forwarded) */
  address?: string;
}

/** Which audit entries a page lists: `from` inclusive, `to` exclusive. */
export interface StaffAuditFilter extends TimeRange {
  action?: StaffAuditAction;
  actor?: string;
}
