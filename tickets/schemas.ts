// Runtime checks for what enters the store (inputs from dialogs and staff pages) and for the data
// files read back from disk. `satisfies` keeps each schema in step with its type in types.ts.
import { z } from 'zod';
import type {
  AnswerShownRecord, AttachedFile, ConversationAddress, CallbackRequest, FeedbackRecord, KbEdit, LookupFailure, RequestMessage, RequestPriority, RequestStatus, SaidMessage, StatusChange, StoredFile, Ticket,
  TranscriptEntry, Tried, UnansweredRecord,
} from './types.js';
import { KB_EDIT_ACTIONS, REQUEST_PRIORITIES, REQUEST_STATUSES, TICKET_LEVELS } from './types.js';

const isoTime = z.iso.datetime({ offset: true });
const text = z.string().min(1);
const language = z.enum(['fr', 'en']);
// Loose on purpose: the dialog validates addresses; the store only refuses what is clearly not one.
const email = z.string().regex(/^[^\s@]+@[^\s@]+$/, 'not an email address');

export const requestStatusSchema = z.enum(REQUEST_STATUSES) satisfies z.ZodType<RequestStatus>;
export const requestPrioritySchema = z.enum(REQUEST_PRIORITIES) satisfies z.ZodType<RequestPriority>;

export const statusChangeSchema = z.object({
  status: requestStatusSchema,
  at: isoTime,
  note: z.string().optional(),
  by: z.string().optional(),
  public: z.boolean().optional(),
  id: z.string().optional(),
}) satisfies z.ZodType<StatusChange>;

export const MAX_FILE_NAME_CHARS = 120;
export const attachedFileSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a file id'),
  name: text.max(MAX_FILE_NAME_CHARS),
  contentType: text.max(100),
  size: z.number().int().nonnegative(),
}) satisfies z.ZodType<AttachedFile>;

export const storedFileSchema = attachedFileSchema.extend({
  conversationId: text,
  at: isoTime,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kept: z.literal(true).optional(),
}) satisfies z.ZodType<StoredFile>;

const messageSchema = z.object({
  id: text,
  at: isoTime,
  from: z.enum(['staff', 'customer']),
  by: z.string().optional(),
  text: z.string(),
  visibility: z.enum(['public', 'internal']),
  attachments: z.array(attachedFileSchema).optional(),
}) satisfies z.ZodType<RequestMessage>;

const tried = z.object({
  articles: z.array(z.object({
    id: text,
    title: z.string(),
    confidence: z.number(),
    feedback: z.enum(['helpful', 'not-helpful', 'none']).optional(),
    missing: z.string().optional(),
  })),
  flowSteps: z.array(z.object({ articleId: text, stepId: text, choice: z.string() })),
  transcript: z.array(z.object({ from: z.enum(['user', 'bot']), text: z.string(), at: isoTime })),
}) satisfies z.ZodType<Tried>;

const party = z.object({ id: text.max(500), name: z.string().max(200).optional() });
const addressSchema = z.object({
  channelId: text.max(100),
  serviceUrl: text.max(500),
  conversation: z.object({ id: text.max(500), tenantId: z.string().max(100).optional(), conversationType: z.string().max(50).optional(), isGroup: z.boolean().optional() }),
  bot: party,
  user: party.extend({ aadObjectId: z.string().max(100).optional() }),
  locale: z.string().max(20).optional(),
}) satisfies z.ZodType<ConversationAddress>;

const requestBase = {
  reference: text,
  createdAt: isoTime,
  status: requestStatusSchema,
  statusHistory: z.array(statusChangeSchema).min(1),
  reason: text,
  language,
  channel: text,
  conversationId: text,
  articleId: text.optional(),
  requestKey: text.max(300).optional(),
  address: addressSchema.optional(),
  assignee: z.string().optional(),
  priority: requestPrioritySchema.optional(),
  messages: z.array(messageSchema).optional(),
  firstReplyAt: isoTime.optional(),
  attachments: z.array(attachedFileSchema).optional(),
  tried,
};

export const ticketSchema = z.object({
  ...requestBase,
  kind: z.literal('ticket'),
  level: z.literal(TICKET_LEVELS),
  contact: z.object({ name: text, email }),
}) satisfies z.ZodType<Ticket>;

export const callbackSchema = z.object({
  ...requestBase,
  kind: z.literal('callback'),
  contact: z.object({
    name: text.optional(),
    phone: z.string().regex(/^\+[1-9]\d{1,14}$/, 'phone must be in E.164 form, e.g. +33612345678'),
    email: email.optional(),
  }),
  slot: z.object({ start: isoTime, end: isoTime })
    .refine((s) => Date.parse(s.start) < Date.parse(s.end), 'slot must end after it starts'),
  timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
  consent: z.literal(true, 'the user must consent to be called back'),
}) satisfies z.ZodType<CallbackRequest>;

const assigned = {
  reference: true, kind: true, createdAt: true, status: true, statusHistory: true, assignee: true, priority: true, messages: true, firstReplyAt: true,
} as const;
export const newTicketSchema = ticketSchema.omit(assigned);
export const newCallbackSchema = callbackSchema.omit(assigned);

const recordSource = z.literal('help-page').optional();

export const feedbackSchema = z.object({
  at: isoTime,
  conversationId: text,
  source: recordSource,
  articleId: text,
  helpful: z.boolean(),
  missing: z.string().optional(),
  language,
  question: z.string(),
}) satisfies z.ZodType<FeedbackRecord>;

export const unansweredSchema = z.object({
  at: isoTime,
  conversationId: text,
  source: recordSource,
  question: z.string(),
  language,
  kind: z.enum(['none', 'clarify-no-pick', 'not-helpful']),
  topMatches: z.array(z.object({ id: text, score: z.number() })).optional(),
}) satisfies z.ZodType<UnansweredRecord>;

export const answerShownSchema = z.object({
  at: isoTime,
  conversationId: text,
  source: recordSource,
  articleId: text,
  confidence: z.number().min(0).max(1),
  language,
  question: z.string(),
}) satisfies z.ZodType<AnswerShownRecord>;

export const lookupFailureSchema = z.object({
  at: isoTime,
  reference: text,
  conversationId: text,
}) satisfies z.ZodType<LookupFailure>;

const fileText = z.string().max(200_000).nullable();
export const kbEditSchema = z.object({
  id: text.max(64),
  at: isoTime,
  by: text.max(320),
  action: z.enum(KB_EDIT_ACTIONS),
  articleId: text.max(80),
  summary: z.string().max(1000),
  changes: z.array(z.object({ articleId: text.max(80), before: fileText, after: fileText })).min(1).max(10),
  revertOf: text.max(64).optional(),
}) satisfies z.ZodType<KbEdit>;

export const saidMessageSchema = z.object({
  text: z.string(),
  choices: z.array(z.string()).optional(),
  reference: z.string().regex(/^L[12]-\d{8}-\d{4,9}$/, 'not a request reference').optional(),
  attachments: z.array(z.string()).optional(),
}) satisfies z.ZodType<SaidMessage>;

export const transcriptEntrySchema = z.object({
  at: isoTime,
  conversationId: text,
  direction: z.enum(['in', 'out']),
  message: saidMessageSchema.optional(),
  activity: z.unknown().optional(),
}) satisfies z.ZodType<TranscriptEntry>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A parse function for DurableJsonFile and JSON Lines files: checks the data against `schema` and
 * returns it as read, so fields written by a newer version are kept when the file is rewritten.
 * With `what` (a line of a JSON Lines file), the message is one line: "not a <what>: <problem>".
 */
export function checkedBy<T>(schema: z.ZodType, what?: string): (value: unknown) => T {
  return (value) => {
    const result = schema.safeParse(value);
    if (!result.success) {
      const problem = z.prettifyError(result.error);
      throw new Error(what === undefined ? problem : `not a ${what}: ${problem.split('\n')[0]}`);
    }
    return value as T;
  };
}

/** Parses a store input; the message says which field is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}
