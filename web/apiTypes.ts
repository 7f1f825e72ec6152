// The JSON the browser pages read from this server: the staff API's answers (/api/staff/…) and the
// chat's token (/api/directline/token). One definition for both sides: the server's answers are
// checked against it (`satisfies`, or the types below are the server's own), and the pages' scripts
// are checked with it (JSDoc `@import`, tsconfig.browser.json). A server change that breaks what a
// page expects fails `npm run typecheck`.
//
// Types only, and imports only the plain-data modules (tickets/types.ts, knowledge/types.ts): the
// browser's type check reads this file and never reaches server code.
import type { Lang } from '../knowledge/types.js';
import type {
  ConversationSummary, HelpdeskRequest, KbEdit, RequestPriority, RequestStatus, SaidMessage, StaffAccount, StaffAuditAction, StaffAuditEntry,
  StaffRole, SupportLevel, UnansweredRecord,
} from '../tickets/types.js';

export type { ConversationSummary, HelpdeskRequest, Lang, RequestPriority, RequestStatus, StaffAuditAction, StaffRole, SupportLevel };

// ---- the chat page ----------------------------------------------------------------------------

/** POST /api/directline/token: a new conversation and its token, and where Direct Line answers. */
export interface ChatToken {
  mode: 'azure' | 'local';
  /** Direct Line base URL for Web Chat's `domain` (relative to the page in local mode) */
  domain: string;
  conversationId: string;
  token: string;
  expires_in: number;
}

// ---- the staff API ----------------------------------------------------------------------------

/** An answer that is not 2xx: `error` says what, in English; some say more. */
export interface ApiErrorBody {
  error?: string;
  message?: string;
  /** the KB checker's problems (422), as `npm run kb:check` writes them */
  problems?: string[];
  /** the article a 409 is about (a question that is another article's, an article changed since) */
  article?: { id: string };
  /** 429 on sign-in */
  retryAfterSeconds?: number;
}

/** POST /login and GET /me: who is signed in, the token for POSTs, and the business time zone. */
export interface Me {
  email: string;
  role: StaffRole;
  csrfToken: string | null;
  /** IANA zone every time of the console is shown in */
  timeZone: string;
}

/** due: not answered yet, still in time; overdue: not answered and late; met / late: answered in time / after. */
export type DueState = 'due' | 'overdue' | 'met' | 'late';

export interface Due {
  /** ISO 8601 in the business time zone */
  at: string;
  state: DueState;
}

/** A ticket or callback as the console gets it: the stored request with its first-reply due time. */
export type RequestView = HelpdeskRequest & { due: Due };

/** GET /requests */
export interface RequestsPage {
  requests: RequestView[];
  total: number;
  offset: number;
  limit: number;
}

/** GET /requests/:reference, and every change of one (status, reply, owner, priority) */
export interface RequestAnswer {
  request: RequestView;
}

/** GET /assignees: who a request can be given to */
export interface Assignees {
  assignees: string[];
}


/** GET /transcripts */
export interface TranscriptsPage {
  conversations: ConversationSummary[];
  total: number;
}

/** One message of a conversation (tickets/transcriptMessages.ts makes them). */
export type TranscriptMessage = SaidMessage & { at: string; from: 'user' | 'bot' };

/** GET /transcripts/:conversationId */
export interface Transcript {
  conversationId: string;
  entries: TranscriptMessage[];
  /** references of the requests made in it, newest first */
  requests: string[];
}

/** An article the matcher found for a question. */
export interface ArticleMatch {
  id: string;
  title: string;
  /** confidence in [0, 1] that this is the article meant */
  score: number;
  /** confidence in [0, 1] for answering with it outright */
  answerScore: number;
}

export type UnansweredKind = UnansweredRecord['kind'];

/** Questions the bot could not answer that are the same question (staff/unansweredGroups.ts). */
export interface UnansweredGroup {
  key: string;
  /** the most frequent wording */
  question: string;
  /** distinct wordings, most frequent first */
  questions: string[];
  count: number;
  lastSeen: string;
  languages: Lang[];
  kinds: Record<UnansweredKind, number>;
}

/** GET /unanswered */
export interface UnansweredPage {
  total: number;
  groups: Array<UnansweredGroup & { suggestions: readonly ArticleMatch[] }>;
}

/** How each dashboard figure is counted, in words (staff/dashboardFormulas.ts). */
export interface FormulaTexts {
  conversations: string;
  questions: string;
  answers: string;
  confirmed: string;
  assumed: string;
  escalated: string;
  abandoned: string;
  helpfulRate: string;
  escalationsByLevel: string;
}

export interface Formulas {
  en: FormulaTexts;
  fr: FormulaTexts;
}

/** What became of a conversation that asked a question (staff/dashboard.ts). */
export type Outcome = 'confirmed' | 'assumed' | 'escalated' | 'abandoned';
type OutcomeCounts = Record<Outcome, number>;

/** GET /dashboard */
export interface Dashboard {
  range: { from: string; to: string };
  /** answers are the chat's; articleViews and page* come from the help centre's pages */
  totals: { conversations: number; questions: number; answers: number; articleViews: number; pageHelpful: number; pageNotHelpful: number } & OutcomeCounts;
  perDay: Array<{ day: string; conversations: number; answers: number } & OutcomeCounts>;
  /** shown/helpful/notHelpful: in the chat; views/pageHelpful/pageNotHelpful: on the article's page */
  perArticle: Array<{
    id: string; title: string; shown: number; helpful: number; notHelpful: number; helpfulRate: number | null;
    views: number; pageHelpful: number; pageNotHelpful: number; pageHelpfulRate: number | null;
  }>;
  topUnanswered: Array<{ question: string; count: number }>;
  escalationsByLevel: Record<'1' | '2' | '3' | '4', number>;
  formulas: Formulas;
}

/** POST /try: what the live matcher makes of a question, and its thresholds. */
export interface TryAnswer {
  question: string;
  language: Lang;
  /** false when the message was too short or ambiguous to tell, and `language` is the fallback */
  languageReliable: boolean;
  decision: 'answer' | 'clarify' | 'none';
  /** why the decision is `none` */
  reason?: 'empty' | 'no-words' | 'too-long' | 'low-confidence';
  matches: ArticleMatch[];
  thresholds: { answer: number; clarify: number };
}

/** An article in the picker's list (staff/articleSearch.ts). */
export interface ArticleListing {
  id: string;
  title: { fr: string; en: string };
  level: number;
  /** example questions in `lang` when one is given, in both languages otherwise */
  questions: number;
}

/** GET /articles */
export interface ArticleList {
  articles: ArticleListing[];
}

/** POST /articles/:id/questions */
export interface QuestionAdded {
  article: { id: string };
  reloaded: true;
}

/** POST /articles */
export interface ArticleCreated {
  article: { id: string };
}

/** POST /articles/history/:edit/revert */
export interface EditReverted {
  article: { id: string };
  edit?: KbEdit;
  reloaded: true;
}

/** GET /articles/history: staff edits of the knowledge base, newest first. */
export interface KbHistory {
  edits: Array<KbEdit & { reverted: boolean }>;
  total: number;
}

/** What the console sees of an account: never its password hash. */
export type AccountView = Pick<StaffAccount, 'email' | 'role' | 'createdAt' | 'updatedAt' | 'disabledAt'> & { lastSignInAt?: string };

/** GET /accounts */
export interface AccountsList {
  accounts: AccountView[];
}

/** POST /accounts/:email/{role,disable,enable}; remove answers 204. */
export interface AccountChanged {
  account: AccountView;
  changed: boolean;
}

/** GET /audit */
export interface AuditPage {
  entries: StaffAuditEntry[];
  total: number;
  offset: number;
  limit: number;
  actions: readonly StaffAuditAction[];
}

/**
 * The staff API's routes (under /api/staff) and what each answers when it succeeds; `:name` stands
 * for one path segment. `null`: no body (204).
 */
export interface StaffGets {
  '/me': Me;
  '/requests': RequestsPage;
  '/requests/:reference': RequestAnswer;
  '/assignees': Assignees;
  '/transcripts': TranscriptsPage;
  '/transcripts/:conversationId': Transcript;
  '/unanswered': UnansweredPage;
  '/dashboard': Dashboard;
  '/articles': ArticleList;
  '/articles/history': KbHistory;
  '/accounts': AccountsList;
  '/audit': AuditPage;
}

export interface StaffPosts {
  '/login': Me;
  '/logout': null;
  '/try': TryAnswer;
  '/requests/:reference/status': RequestAnswer;
  '/requests/:reference/replies': RequestAnswer;
  '/requests/:reference/assignee': RequestAnswer;
  '/requests/:reference/priority': RequestAnswer;
  '/articles': ArticleCreated;
  '/articles/:id/questions': QuestionAdded;
  '/articles/history/:edit/revert': EditReverted;
  '/accounts/:email/role': AccountChanged;
  '/accounts/:email/disable': AccountChanged;
  '/accounts/:email/enable': AccountChanged;
  '/accounts/:email/remove': null;
}

/** '/requests/:reference/status' as the paths it stands for: `/requests/${string}/status`. */
type PathOf<P extends string> = P extends `${infer Head}:${string}/${infer Rest}`
  ? `${Head}${string}/${PathOf<Rest>}`
  : P extends `${infer Head}:${string}` ? `${Head}${string}` : P;

type Paths<Routes> = { [K in keyof Routes & string]: PathOf<K> }[keyof Routes & string];
type AnswerTo<Routes, P extends string> = { [K in keyof Routes & string]: P extends PathOf<K> ? Routes[K] : never }[keyof Routes & string];

export type StaffGetPath = Paths<StaffGets>;
export type StaffPostPath = Paths<StaffPosts>;
/** What GET `P` answers: `StaffGetAnswer<'/requests/L1-…'>` is a RequestAnswer. */
export type StaffGetAnswer<P extends string> = AnswerTo<StaffGets, P>;
export type StaffPostAnswer<P extends string> = AnswerTo<StaffPosts, P>;
