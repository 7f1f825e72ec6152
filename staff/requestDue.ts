// When a request should have had its first answer, and whether it did: a ticket within its level's
// target in business hours (FIRST_REPLY_HOURS), a callback at its booked time.
import { addBusinessHours } from '../dialogs/contact/businessTime.js';
import type { BusinessHours } from '../dialogs/contact/businessHours.js';
import { supportLevel } from '../tickets/reference.js';
import type { RequestSummary, SupportLevel } from '../tickets/types.js';
import { isoWithOffset } from '../tickets/zonedTime.js';

/** due: not answered yet, still in time; overdue: not answered and late; met / late: answered in time / after. */
export const DUE_STATES = ['due', 'overdue', 'met', 'late'] as const;
export type DueState = (typeof DUE_STATES)[number];

export interface Due {
  /** ISO 8601 in the business time zone */
  at: string;
  state: DueState;
}

/** First reply targets when FIRST_REPLY_HOURS is not set: business hours per support level. */
export const DEFAULT_FIRST_REPLY_HOURS: Record<SupportLevel, number> = { 1: 8, 2: 4, 3: 16, 4: 40 };

export interface DueRules {
  firstReplyHours: Record<SupportLevel, number>;
  business: BusinessHours;
}

const answeredWithoutWords = (r: RequestSummary) => r.status === 'resolved' || r.status === 'closed';

export function dueOf(request: RequestSummary, rules: DueRules, now: Date): Due {
  const zone = rules.business.timeZone;
  if (request.kind === 'callback') {
    // The call is the answer: done once staff move it on from "open".
    const state: DueState = request.status !== 'open' ? 'met' : now.getTime() > Date.parse(request.slot.end) ? 'overdue' : 'due';
    return { at: isoWithOffset(new Date(request.slot.start), zone), state };
  }
  const at = addBusinessHours(new Date(request.createdAt), rules.firstReplyHours[supportLevel(request)], rules.business);
  const replied = request.firstReplyAt ? Date.parse(request.firstReplyAt) : undefined;
  const state: DueState = replied !== undefined
    ? (replied <= at.getTime() ? 'met' : 'late')
    : answeredWithoutWords(request) ? 'met' : now.getTime() > at.getTime() ? 'overdue' : 'due';
  return { at: isoWithOffset(at, zone), state };
}

/** Most urgent first: not answered before answered, then by due time, then the higher priority. */
export function byDue(a: { due: Due; request: RequestSummary }, b: { due: Due; request: RequestSummary }): number {
  const waiting = (d: Due) => (d.state === 'due' || d.state === 'overdue' ? 0 : 1);
  return waiting(a.due) - waiting(b.due) || Date.parse(a.due.at) - Date.parse(b.due.at) || rank(b.request) - rank(a.request);
}

const RANKS = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
const rank = (r: RequestSummary) => RANKS[r.priority ?? 'normal'];
