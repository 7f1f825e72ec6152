// A ticket or a callback as a form that listens: every message may fill any field (a phone number
// typed anywhere, an email given early), each answer is checked and re-asked with a hint, a
// question in the middle is answered and the form waits, the summary can be corrected in words,
// and only an explicit cancel throws it away. Plain data in, plain data out: the dialog around it
// only says what this decides.
import type { TicketLevel } from '../../tickets/types.js';
import type { Lang } from '../../knowledge/types.js';
import type { BusinessHours } from '../contact/businessHours.js';
import { slotsForWish } from '../contact/slotChoice.js';
import { proposeSlots, type Slot, type SlotOptions } from '../contact/slots.js';
import type { Entities, Phone, PhoneProblem } from '../understand/entities.js';
import type { TimeWish } from '../understand/dateTimes.js';
import type { ControlIntent } from '../understand/controlIntents.js';
import { asksSomething } from '../understand/asks.js';
import { fieldNamed, looksLikeAName, nameIn, valueAfterField, type EditableField, type Field } from './fields.js';
import { validateEmail } from '../contact/email.js';

export type RequestKind = 'ticket' | 'callback';
/** What the form asked last: a field, the summary, which field to change, or whether to go on. */
export type Asking = Field | 'summary' | 'change' | 'resume';

/** Buttons the form offers, by meaning; the dialog turns them into labels in the current language. */
export type FormButton =
  | 'ticket' | 'callback' | 'send' | 'change' | 'cancel' | 'continue' | 'yes' | 'no' | 'more'
  | `slot:${number}` | `field:${EditableField}`;

export interface RequestForm {
  kind?: RequestKind;
  /** the queue a ticket goes to: the level of the article being escalated (1, 3 or 4) */
  queue: TicketLevel;
  articleId?: string;
  reason?: string;
  name?: string;
  email?: string;
  phone?: Phone;
  slot?: Slot;
  consent?: boolean;
  asking: Asking;
  /** the field a `resume` question returns to */
  paused?: Asking;
  /** the summary was shown: a field filled from now on goes back to it */
  reviewing: boolean;
  /** the reason was just quoted back ("I'll pass on «…»"): a yes, a no or a new reason may follow */
  introduced?: boolean;
  /** times the same question was asked again in a row */
  retries: number;
  /** slots offered at the time question, in button order */
  offered: Slot[];
  /** buttons offered with the last question, in order */
  buttons: FormButton[];
}

/** What the form needs to know of the customer's message. */
export interface FormTurn {
  text: string;
  lang: Lang;
  entities: Entities;
  intent?: ControlIntent;
  /** the meaning of the button picked, by label, number or ordinal */
  pressed?: FormButton;
  /** a clear question the knowledge base answers: its article */
  question?: string;
  /** words of running text */
  words: number;
  /** the share of them the bot knows: a name is mostly words it does not */
  known: number;
  /** the date and time in the message, read on demand (reading costs ~20 ms) */
  time: () => TimeWish | undefined;
  asap: boolean;
}

export interface FormContext {
  now: Date;
  hours: BusinessHours;
  slots: SlotOptions;
}

/** Something the bot says before asking the next question. */
export type FormSay =
  | { say: 'intro' }
  | { say: 'noted'; field: 'email' | 'phone' | 'time' | 'name' | 'reason' }
  | { say: 'invalid'; field: Field | 'summary' | 'change' | 'resume'; problem?: PhoneProblem | 'email' | 'not-a-name' | 'slot' | 'question' }
  | { say: 'answer'; articleId: string }
  | { say: 'switched'; kind: RequestKind }
  | { say: 'already' }
  | { say: 'outside' }
  | { say: 'consent-refused' };

export type FormNext = { ask: Asking } | { save: true } | { cancel: true };

export interface FormResult {
  form: RequestForm;
  says: FormSay[];
  next: FormNext;
}

/** Questions asked again this many times get their fallback buttons (another way, or cancel). */
export const RETRIES_BEFORE_FALLBACK = 2;

export function newForm(start: { kind?: RequestKind; queue?: TicketLevel; articleId?: string; reason?: string; contact?: { name?: string; email?: string; phone?: Phone } }): RequestForm {
  return {
    ...(start.kind ? { kind: start.kind } : {}),
    queue: start.queue ?? 1,
    ...(start.articleId ? { articleId: start.articleId } : {}),
    ...(start.reason?.trim() ? { reason: start.reason.trim().slice(0, MAX_REASON) } : {}),
    ...(start.contact?.name ? { name: start.contact.name } : {}),
    ...(start.contact?.email ? { email: start.contact.email } : {}),
    ...(start.contact?.phone ? { phone: start.contact.phone } : {}),
    asking: 'kind',
    reviewing: false,
    retries: 0,
    offered: [],
    buttons: [],
  };
}

export const MAX_REASON = 500;
/** A name of three words or more is mostly words the bot has never seen. */
const KNOWN_IN_A_NAME = 0.5;

/** The next field to ask, in the order a person expects; undefined when everything is there. */
export function missingField(form: RequestForm): Field | undefined {
  if (!form.kind) return 'kind';
  if (!form.reason) return 'reason';
  if (!form.name) return 'name';
  if (form.kind === 'ticket') return form.email ? undefined : 'email';
  if (!form.phone) return 'phone';
  if (!form.slot) return 'time';
  return form.consent ? undefined : 'consent';
}

/** Fields the customer may change at the summary, in summary order. */
export function editableFields(form: RequestForm): EditableField[] {
  return form.kind === 'callback' ? ['reason', 'name', 'phone', 'time'] : ['reason', 'name', 'email'];
}

/** The first message of the form: says what will happen and asks the first missing thing. */
export function startForm(form: RequestForm, turn: FormTurn | undefined, ctx: FormContext): FormResult {
  const f = structuredClone(form);
  const says: FormSay[] = [];
  if (turn) harvest(f, turn, ctx, says, true);
  if (f.kind) {
    says.unshift({ say: 'intro' });
    f.introduced = Boolean(f.reason);
  }
  return { form: f, says, next: { ask: nextQuestion(f) } };
}

function nextQuestion(f: RequestForm): Asking {
  const missing = missingField(f);
  if (missing) return missing;
  return 'summary';
}

const YES: ReadonlySet<ControlIntent> = new Set(['yes', 'thanks']);

/**
 * Values found anywhere in the message: a phone number, an email, and for a callback a date and
 * time. Returns the fields it filled.
 */
function harvest(f: RequestForm, turn: FormTurn, ctx: FormContext, says: FormSay[], first = false): Field[] {
  const took: Field[] = [];
  const [phone] = turn.entities.phones;
  if (phone) {
    f.phone = phone;
    took.push('phone');
    // "a phone number typed where a choice is expected means a callback at this number"
    if (!f.kind) f.kind = 'callback';
  }
  const [email] = turn.entities.emails;
  if (email) {
    f.email = email;
    took.push('email');
    if (!f.kind && !phone) f.kind = 'ticket';
  }
  const timeExpected = f.kind === 'callback' && (first || f.asking === 'time' || f.asking === 'summary' || f.asking === 'change' || f.asking === 'consent');
  if (timeExpected && mayHoldTime(turn.entities.rest)) {
    const wish = turn.asap ? 'asap' : turn.time();
    if (wish) {
      const choice = slotsForWish(wish, ctx.now, ctx.hours, ctx.slots);
      if (choice.kind === 'exact') {
        f.slot = choice.slot;
        took.push('time');
      } else {
        f.slot = undefined;
        f.offered = choice.slots;
        says.push({ say: 'outside' });
        took.push('time');
      }
    }
  }
  return took;
}

// Reading a time costs ~20 ms: only messages with a time of day, a date or a day word are read
// (a bare "06" left over from a phone number is not a time).
const TIME_HINT = /\d{1,2} ?(?:h|:|am\b|pm\b)|\d{1,2}[/.]\d{1,2}|\b(?:asap|possible|vite|t[oô]t|now|maintenant|today|tomorrow|tmrw|tonight|morning|afternoon|evening|noon|midi|aujourd|demain|dmain|matin|aprem|apr[eè]s|soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|week|semaine|prochain|next|later)/iu;

export function mayHoldTime(text: string): boolean {
  return TIME_HINT.test(text);
}

function invalid(f: RequestForm, field: FormSay & { say: 'invalid' }, says: FormSay[]): FormResult {
  says.push(field);
  return { form: f, says, next: { ask: f.asking } };
}

function pause(f: RequestForm, articleId: string, says: FormSay[]): FormResult {
  says.push({ say: 'answer', articleId });
  f.paused = f.asking === 'resume' ? f.paused : f.asking;
  return { form: f, says, next: { ask: 'resume' } };
}

function slotPicked(f: RequestForm, turn: FormTurn): Slot | undefined {
  if (turn.pressed?.startsWith('slot:')) return f.offered[Number(turn.pressed.slice(5))];
  return undefined;
}

function moreSlots(f: RequestForm, ctx: FormContext): Slot[] {
  const last = f.offered.at(-1);
  const after = last ? new Date(new Date(last.end).getTime()) : undefined;
  const next = proposeSlots(ctx.now, ctx.hours, ctx.slots, after);
  return next.length > 0 ? next : proposeSlots(ctx.now, ctx.hours, ctx.slots);
}

/** One customer message while the form waits for an answer. */
export function formTurn(form: RequestForm, turn: FormTurn, ctx: FormContext): FormResult {
  const f = structuredClone(form);
  const says: FormSay[] = [];
  const done = (next: FormNext, ...also: FormSay[]): FormResult => ({ form: f, says: [...says, ...also], next });
  const go = () => done({ ask: f.reviewing && !missingField(f) ? 'summary' : nextQuestion(f) });

  if (turn.intent === 'cancel' || turn.pressed === 'cancel') return done({ cancel: true });
  const justIntroduced = f.introduced === true;
  f.introduced = false;

  let asking = f.asking;
  if (asking === 'resume') {
    if (turn.pressed === 'continue' || (turn.intent && YES.has(turn.intent))) return done({ ask: f.paused ?? nextQuestion(f) });
    if (turn.intent === 'no') return done({ cancel: true });
    if (turn.question) return pause(f, turn.question, says);
    // Anything else answers the question the form was waiting on.
    asking = f.paused ?? nextQuestion(f);
    f.asking = asking;
  }

  // A change of channel, from any step: keep everything typed so far.
  const wants = turn.pressed === 'ticket' || turn.pressed === 'callback' ? turn.pressed : turn.intent === 'ticket' || turn.intent === 'callback' ? turn.intent : undefined;
  if (wants && f.kind && wants !== f.kind && asking !== 'kind') {
    f.kind = wants;
    f.consent = undefined;
    says.push({ say: 'switched', kind: wants });
  } else if (turn.intent === 'human' && f.kind) {
    says.push({ say: 'already' });
  }

  const took = harvest(f, turn, ctx, says);
  for (const field of took) if (field !== asking && field !== 'time') says.push({ say: 'noted', field: field as 'email' | 'phone' });

  switch (asking) {
    case 'kind': {
      if (!f.kind && wants) f.kind = wants;
      if (f.kind) {
        says.unshift({ say: 'intro' });
        f.introduced = Boolean(f.reason) && !f.reviewing;
        return go();
      }
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'kind' }, says);
    }
    case 'reason': {
      if (took.length > 0 || wants) return go();
      if (turn.intent && turn.intent !== 'correct' && turn.words < 4) return invalid(f, { say: 'invalid', field: 'reason' }, says);
      const reason = turn.text.trim();
      if (turn.words < 2 && reason.length < 8) return invalid(f, { say: 'invalid', field: 'reason' }, says);
      f.reason = reason.slice(0, MAX_REASON);
      return go();
    }
    case 'name': {
      if (took.length > 0 && !nameIn(turn.entities.rest, turn.lang)) return go();
      if (wants) return go();
      if (justIntroduced) {
        // Right after "I'll pass on «…»": a yes confirms the reason, a no asks for another one,
        // and a sentence that is no question is a better reason.
        if (turn.intent === 'yes') return done({ ask: 'name' });
        if (turn.intent === 'no' || turn.intent === 'correct') {
          f.reason = undefined;
          return done({ ask: 'reason' });
        }
        if (turn.words >= 4 && !asksSomething(turn.text) && !nameIn(turn.text, turn.lang)) {
          f.reason = turn.text.trim().slice(0, MAX_REASON);
          says.push({ say: 'noted', field: 'reason' });
          return done({ ask: 'name' });
        }
      }
      const candidate = nameIn(turn.entities.rest || turn.text, turn.lang);
      // "Marie Lefebvre" is a name whatever a classifier reads in it; "merci", "je sais pas" or
      // "ok let's continue" (three words the bot knows) is not.
      const plain = !turn.intent && (candidate?.split(/\s+/).length ?? 0) < 3 || turn.known < KNOWN_IN_A_NAME;
      const name = candidate && !turn.question && (looksLikeAName(candidate, turn.lang) || (!turn.intent && plain)) ? candidate : undefined;
      if (name) {
        f.name = name;
        return go();
      }
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'name', problem: 'not-a-name' }, says);
    }
    case 'email': {
      if (took.includes('email')) return go();
      if (wants) return go();
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'email', problem: 'email' }, says);
    }
    case 'phone': {
      if (took.includes('phone')) return go();
      if (wants) return go();
      if (turn.entities.badPhone) return invalid(f, { say: 'invalid', field: 'phone', problem: turn.entities.badPhone }, says);
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'phone', problem: 'invalid' }, says);
    }
    case 'time': {
      if (took.includes('time')) return f.slot ? go() : done({ ask: 'time' });
      const picked = slotPicked(f, turn);
      if (picked) {
        f.slot = picked;
        return go();
      }
      if (turn.pressed === 'more' || turn.intent === 'other' || turn.intent === 'no') {
        f.offered = moreSlots(f, ctx);
        return done({ ask: 'time' });
      }
      if (wants || took.length > 0) return go();
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'time', problem: 'slot' }, says);
    }
    case 'consent': {
      if (took.includes('time')) return f.slot ? go() : done({ ask: 'time' });
      if (turn.pressed === 'yes' || (turn.intent && YES.has(turn.intent)) || turn.entities.reaction === 'up') {
        f.consent = true;
        return go();
      }
      if (turn.pressed === 'no' || turn.intent === 'no' || turn.entities.reaction === 'down') {
        // No call without consent; the request itself is kept and can go by email instead.
        f.kind = undefined;
        f.consent = undefined;
        says.push({ say: 'consent-refused' });
        return done({ ask: 'kind' });
      }
      if (wants || took.length > 0) return go();
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: 'consent' }, says);
    }
    case 'summary':
    case 'change': {
      if (took.length > 0 || wants) return f.kind === 'callback' && !f.slot ? done({ ask: 'time' }) : go();
      // A new number or address that is not a valid one is said so, not silently dropped.
      if (turn.entities.badPhone && f.kind === 'callback') return done({ ask: 'phone' }, { say: 'invalid', field: 'phone', problem: turn.entities.badPhone });
      if (turn.entities.badEmail) return done({ ask: 'email' }, { say: 'invalid', field: 'email', problem: 'email' });
      // "the name, it should be Dave Price": the field named, with its new value when given.
      const field = turn.pressed?.startsWith('field:') ? (turn.pressed.slice(6) as EditableField) : fieldNamed(turn.text);
      if (field && editableFields(f).includes(field)) return correct(f, field, turn, says, done);
      // Only a clear yes sends: a "thanks" at the summary may well be a goodbye.
      if (asking === 'summary' && (turn.pressed === 'send' || turn.intent === 'yes' || turn.entities.reaction === 'up')) return done({ save: true });
      if (asking === 'change' && (turn.intent === 'yes' || turn.intent === 'no' || turn.pressed === 'send')) return done({ ask: 'summary' });
      if (turn.pressed === 'change' || turn.intent === 'correct' || turn.intent === 'no' || turn.entities.reaction === 'down') return done({ ask: 'change' });
      if (turn.question) return pause(f, turn.question, says);
      return invalid(f, { say: 'invalid', field: asking }, says);
    }
    default:
      return invalid(f, { say: 'invalid', field: asking }, says);
  }
}

/** "le nom est faux", "the name should be Paul Durand": take the new value, or ask for it. */
function correct(f: RequestForm, field: EditableField, turn: FormTurn, says: FormSay[], done: (next: FormNext) => FormResult): FormResult {
  const value = valueAfterField(turn.text);
  if (value && field === 'name') {
    const name = nameIn(value, turn.lang);
    if (name && name !== f.name) {
      f.name = name;
      says.push({ say: 'noted', field: 'name' });
      return done({ ask: 'summary' });
    }
  }
  if (value && field === 'email') {
    const email = validateEmail(value);
    if (email.ok) {
      f.email = email.email;
      says.push({ say: 'noted', field: 'email' });
      return done({ ask: 'summary' });
    }
  }
  if (value && field === 'reason' && value.split(/\s+/).length >= 3) {
    f.reason = value.slice(0, MAX_REASON);
    says.push({ say: 'noted', field: 'reason' });
    return done({ ask: 'summary' });
  }
  if (field === 'time') f.offered = [];
  return done({ ask: field });
}

/** The buttons that go with a question, by meaning. */
export function buttonsFor(f: RequestForm, asking: Asking, ctx: FormContext): { buttons: FormButton[]; offered: Slot[] } {
  const fallback = f.retries >= RETRIES_BEFORE_FALLBACK;
  switch (asking) {
    case 'kind':
      return { buttons: ['ticket', 'callback', ...(f.reason || f.name ? (['cancel'] as const) : [])], offered: [] };
    case 'email':
      return { buttons: fallback ? ['callback', 'cancel'] : [], offered: [] };
    case 'phone':
      return { buttons: fallback ? ['ticket', 'cancel'] : [], offered: [] };
    case 'name':
    case 'reason':
      return { buttons: fallback ? ['cancel'] : [], offered: [] };
    case 'time': {
      const offered = f.offered.length > 0 ? f.offered : proposeSlots(ctx.now, ctx.hours, ctx.slots);
      return { buttons: [...offered.map((_, i) => `slot:${i}` as const), 'more'], offered };
    }
    case 'consent':
      return { buttons: ['yes', 'no'], offered: [] };
    case 'summary':
      return { buttons: ['send', 'change', 'cancel'], offered: [] };
    case 'change':
      return { buttons: [...editableFields(f).map((x) => `field:${x}` as const), 'cancel'], offered: [] };
    case 'resume':
      return { buttons: ['continue', 'cancel'], offered: [] };
  }
}

/** The form as it waits for `asking`: the question counted when asked again, its buttons chosen. */
export function prepareQuestion(f: RequestForm, asking: Asking, ctx: FormContext): RequestForm {
  const g: RequestForm = { ...f, asking, retries: f.asking === asking ? f.retries + 1 : 0, reviewing: f.reviewing || asking === 'summary' };
  const { buttons, offered } = buttonsFor(g, asking, ctx);
  return { ...g, buttons, offered: asking === 'time' ? offered : g.offered };
}
