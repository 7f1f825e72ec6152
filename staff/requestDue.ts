// When a request should have had its first answer, and whether it did: a ticket within its level's
// target in business hours (FIRST_REPLY_HOURS), a callback at its booked time.
import { addBusinessHours } from '../dialogs/contact/businessTime.js';
import type { BusinessHours } from '../dialogs/contact/businessHours.js';
import { supportLevel } from '../tickets/reference.js';
import type { RequestSummary, SupportLevel } from '../tickets/types.js';
import { isoWithOffset } from '../tickets/zonedTime.js';
import type { Due, DueState } from '../web/apiTypes.js';

export type { Due, DueState };

/** Every due state (web/apiTypes.ts defines them, for the console's pages too), in order. */
export const DUE_STATES = ['due', 'overdue', 'met', 'late'] as const satisfies readonly DueState[];
// …and none left out: a state added there and not here is a type error here.
const _noDueStateLeftOut: readonly (typeof DUE_STATES)[number][] = [] as DueState[];

/** First reply targets when FIRST_REPLY_HOURS is not set: business hours per support level. */
export const DEFAULT_FIRST_REPLY_HOURS: Record<SupportLevel, number> = { 1: 8, 2: 4, 3: 16, 4: 40 };

export interface DueRules {
  firstReplyHours: Record<SupportLevel, number>;
  business: BusinessHours;
}

const answeredWithoutWords = (r: RequestSummary) => r.status === 'resolved' || r.status === 'closed';

export function dueOf(request: RequestSummary, rules: DueRules, now: Date): Due {
  const { at, ms } = dueTime(request, rules);
  if (request.kind === 'callback') {
    // The call is the answer: done once staff move it on from "open".
    const state: DueState = request.status !== 'open' ? 'met' : now.getTime() > Date.parse(request.slot.end) ? 'overdue' : 'due';
    return { at, state };
  }
  const replied = request.firstReplyAt ? Date.parse(request.firstReplyAt) : undefined;
  const state: DueState = replied !== undefined
    ? (replied <= ms ? 'met' : 'late')
    : answeredWithoutWords(request) ? 'met' : now.getTime() > ms ? 'overdue' : 'due';
  return { at, state };
}

// A request's due time never changes (it follows its creation or its booked slot): worked out once
// per process and rules, since the inbox ranks every open request on each "most urgent first".
const dueTimes = new WeakMap<DueRules, Map<string, { at: string; ms: number }>>();
const MAX_KEPT = 200_000;

function dueTime(request: RequestSummary, rules: DueRules): { at: string; ms: number } {
  let known = dueTimes.get(rules);
  if (!known) dueTimes.set(rules, (known = new Map()));
  const key = request.kind === 'callback' ? `c|${request.slot.start}` : `t|${request.level}|${request.createdAt}`;
  let time = known.get(key);
  if (!time) {
    const at = request.kind === 'callback'
      ? new Date(request.slot.start)
      : addBusinessHours(new Date(request.createdAt), rules.firstReplyHours[supportLevel(request)], rules.business);
    time = { at: isoWithOffset(at, rules.business.timeZone), ms: at.getTime() };
    if (known.size >= MAX_KEPT) known.clear();
    known.set(key, time);
  }
  return time;
}

/** A request with its due time, ready to rank. */
export interface Ranked {
  request: RequestSummary;
  due: Due;
  /** the due time in ms since the epoch */
  dueMs: number;
}

export function ranked(request: RequestSummary, rules: DueRules, now: Date): Ranked {
  return { request, due: dueOf(request, rules, now), dueMs: dueTime(request, rules).ms };
}

/** Most urgent first: not answered before answered, then by due time, then the higher priority. */
export function byDue(a: Ranked, b: Ranked): number {
  const waiting = (d: Due) => (d.state === 'due' || d.state === 'overdue' ? 0 : 1);
  return waiting(a.due) - waiting(b.due) || a.dueMs - b.dueMs || rank(b.request) - rank(a.request);
}

const RANKS = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
const rank = (r: RequestSummary) => RANKS[r.priority ?? 'normal'];
