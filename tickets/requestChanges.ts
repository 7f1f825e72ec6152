// What happens to a request after it is made, as data: staff change its status, reply, assign or
// prioritise it, the customer adds to it. Each backend stores an applied change the same way
// (`applyChange`, one function for both) and announces it as an event once it is durable.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { attachedFileSchema, parseInput, requestPrioritySchema, requestStatusSchema } from './schemas.js';
import type { AttachedFile, HelpdeskRequest, RequestPriority, RequestStatus } from './types.js';

export type RequestChange =
  | { type: 'status'; status: RequestStatus; note?: string; public?: boolean; by?: string }
  | { type: 'reply'; text: string; visibility: 'public' | 'internal'; by: string }
  | { type: 'customer-message'; text: string; attachments?: AttachedFile[] }
  | { type: 'assign'; assignee: string | null; by: string }
  | { type: 'priority'; priority: RequestPriority; by: string };

/** The change `updateStatus(ref, status, note, by)` makes, the same on every backend. */
export function statusChange(status: RequestStatus, note?: string, by?: string): RequestChange {
  return { type: 'status', status, ...(note !== undefined ? { note } : {}), ...(by !== undefined ? { by } : {}) };
}

/** A change as stored: its id (its event's) and time added by the store. */
export type AppliedChange = RequestChange & { id: string; at: string };

/** What is announced after a write, for notifications (mail, chat, Teams) to act on. */
export const REQUEST_EVENT_TYPES = ['requestCreated', 'statusChanged', 'replied', 'customerWrote', 'assigned', 'prioritised'] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/**
 * An event names what changed, not the person: whoever acts on it reads the request as it is then
 * (an erased request is simply not found), so no contact detail waits in an outbox.
 */
export interface RequestEvent {
  /** unique: a request's creation is `<reference>/created`, a change its own id */
  id: string;
  type: RequestEventType;
  reference: string;
  at: string;
  /** the change's id inside the request (its status change or message), for a change */
  changeId?: string;
}

const EVENT_OF_CHANGE: Record<RequestChange['type'], RequestEventType> = {
  status: 'statusChanged',
  reply: 'replied',
  'customer-message': 'customerWrote',
  assign: 'assigned',
  priority: 'prioritised',
};

export const MAX_MESSAGE_CHARS = 5000;
const message = z.string().trim().min(1, 'the message is empty').max(MAX_MESSAGE_CHARS, `a message holds at most ${MAX_MESSAGE_CHARS} characters`);
const staff = z.string().trim().min(1).max(320);

export const requestChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: requestStatusSchema, note: z.string().trim().max(MAX_MESSAGE_CHARS).optional(), public: z.boolean().optional(), by: staff.optional() }),
  z.object({ type: z.literal('reply'), text: message, visibility: z.enum(['public', 'internal']), by: staff }),
  // Files alone are an addition too ("here is the log"): then the text may be empty.
  z.object({ type: z.literal('customer-message'), text: z.string().trim().max(MAX_MESSAGE_CHARS, `a message holds at most ${MAX_MESSAGE_CHARS} characters`), attachments: z.array(attachedFileSchema).min(1).optional() })
    .refine((c) => c.text !== '' || c.attachments !== undefined, 'the message is empty'),
  z.object({ type: z.literal('assign'), assignee: staff.toLowerCase().nullable(), by: staff }),
  z.object({ type: z.literal('priority'), priority: requestPrioritySchema, by: staff }),
]);

export const appliedChangeSchema = z.intersection(requestChangeSchema, z.object({ id: z.string().min(1), at: z.iso.datetime({ offset: true }) }));

/** Checks a change as given by a caller and gives it its id and time. */
export function appliedChange(change: RequestChange, at: string): AppliedChange {
  const checked = parseInput(requestChangeSchema, change, 'request change') as RequestChange;
  return { ...withoutEmpty(checked), id: randomUUID(), at };
}

/** An empty note is no note. */
function withoutEmpty(change: RequestChange): RequestChange {
  if (change.type !== 'status' || change.note) return change;
  const { note: _note, public: _public, ...rest } = change;
  return rest;
}

/** The request with the change made (a new object; `request` is left as it was). */
export function applyChange(request: HelpdeskRequest, change: AppliedChange): HelpdeskRequest {
  const next = structuredClone(request);
  const told = () => (next.firstReplyAt ??= change.at);
  switch (change.type) {
    case 'status':
      next.status = change.status;
      next.statusHistory.push({
        status: change.status, at: change.at, id: change.id,
        ...(change.note ? { note: change.note } : {}),
        ...(change.note && change.public ? { public: true } : {}),
        ...(change.by ? { by: change.by } : {}),
      });
      if (change.note && change.public) told();
      break;
    case 'reply':
      (next.messages ??= []).push({ id: change.id, at: change.at, from: 'staff', by: change.by, text: change.text, visibility: change.visibility });
      if (change.visibility === 'public') told();
      break;
    case 'customer-message':
      (next.messages ??= []).push({ id: change.id, at: change.at, from: 'customer', text: change.text, visibility: 'public', ...(change.attachments ? { attachments: change.attachments } : {}) });
      break;
    case 'assign':
      if (change.assignee) next.assignee = change.assignee;
      else delete next.assignee;
      break;
    case 'priority':
      if (change.priority === 'normal') delete next.priority;
      else next.priority = change.priority;
      break;
  }
  return next;
}

export function changeEvent(reference: string, change: AppliedChange): RequestEvent {
  return { id: change.id, type: EVENT_OF_CHANGE[change.type], reference, at: change.at, changeId: change.id };
}

export function creationEvent(request: HelpdeskRequest): RequestEvent {
  return { id: `${request.reference}/created`, type: 'requestCreated', reference: request.reference, at: request.createdAt };
}

/** A listener told of each event this process wrote (the dispatcher delivers at once instead of at its next poll). */
export function createEventHub() {
  const listeners = new Set<(event: RequestEvent) => void>();
  return {
    emit(event: RequestEvent): void {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener: (event: RequestEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;

/** The support team's last word to the customer on this request (a public reply or public status note), if any. */
export function lastWordToCustomer(request: HelpdeskRequest): { at: string; text: string } | undefined {
  const words = [
    ...(request.messages ?? []).filter((m) => m.from === 'staff' && m.visibility === 'public').map((m) => ({ at: m.at, text: m.text })),
    ...request.statusHistory.filter((c) => c.public && c.note).map((c) => ({ at: c.at, text: c.note! })),
  ];
  return words.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
}
