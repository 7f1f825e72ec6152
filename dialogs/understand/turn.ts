// One understanding of each customer message, computed once per turn and handed to the dialogs:
// the conversation's language after it, what it asks of the conversation (a control intent), the
// button it picks, the values it holds (email, phone, reference, time), and what the knowledge
// base makes of it. Plain functions: no botbuilder here.
import { NumberRecognizer, Culture } from '@microsoft/recognizers-text-number';
import type { Matcher, MatchResult } from '../../knowledge/matcher.js';
import type { Lang } from '../../knowledge/types.js';
import { pickChoiceBy } from '../choices.js';
import type { ControlClassifier, ControlIntent } from './controlIntents.js';
import { asksSomething, asksTheBot } from './asks.js';
import { asksAsap, readTime, type TimeWish } from './dateTimes.js';
import { findEntities, type Entities } from './entities.js';
import { nextLanguage, runningWords, SUBSTANTIAL_WORDS, type LanguageState } from './language.js';
import { smallTalkOf, type SmallTalkKind } from './smallTalk.js';

export interface Understanding {
  /** as typed (the Teams @mention already removed) */
  text: string;
  entities: Entities;
  /** the conversation's language, for this turn's replies */
  lang: Lang;
  /** the language changed with this message (asked for, or two messages in a row) */
  languageChanged: boolean;
  /** the customer asked for this language */
  askedLanguage?: Lang;
  /** words of running text, without emails, numbers and references */
  words: number;
  /** the share of those words the bot knows (from its phrasings and the KB): low for a name */
  known: number;
  /** the button, among those offered last, that this message picks */
  pressed?: number;
  /** what the message asks of the conversation, when it is not a question */
  intent?: ControlIntent;
  intentScore: number;
  /** laughter, "ok super", "slt", "génial merci": nothing asked, and no question to record */
  smallTalk?: SmallTalkKind;
  /** what the knowledge base makes of it */
  match: MatchResult;
  /** the knowledge base answers it outright and it is no command: the article */
  question?: string;
  asap: boolean;
  /** the date and time in the message (read on demand: ~20 ms) */
  time(): TimeWish | undefined;
}

export interface UnderstandDeps {
  matcher: Matcher;
  control: ControlClassifier;
  now: () => Date;
  timeZone: string;
  /** button labels of either language that mean a control intent ("Contacter l'assistance" → human) */
  labels: ReadonlyMap<string, ControlIntent>;
}

export interface TurnContextIn {
  language: LanguageState;
  /** labels of the buttons last offered */
  offered: readonly string[];
}

/**
 * Above this a control intent wins over a knowledge answer: "cancel" is a command even though the
 * KB has an article on cancelling a subscription; "how do I cancel my subscription" is a question.
 */
export const INTENT_OVER_ANSWER = 0.75;
/** Intents a short message means whatever the knowledge base finds in it. */
const SHORT_INTENTS: ReadonlySet<ControlIntent> = new Set(['yes', 'no', 'thanks', 'greeting', 'goodbye', 'cancel', 'skip', 'other', 'english', 'french']);
/**
 * Requests for a person: the bot can act on them, which beats any article about contacting support
 * ("je voudrais parler à quelqu'un" is also a question of the contact-support article).
 */
const ACTIONS: ReadonlySet<ControlIntent> = new Set(['human', 'ticket', 'callback', 'status']);
export const ACTION_OVER_ANSWER = 0.5;
/**
 * Asked of the bot ("can you switch to French please"), a change of language is an action too, even
 * though the interface-language article knows every word of it.
 */
const LANGUAGE_SWITCHES: ReadonlySet<ControlIntent> = new Set(['english', 'french']);
/** Starting over throws the conversation's context away: only when clearly asked. */
const RESTART_SCORE = 0.6;
const CLEAR_RESTART = 0.9;
/** A request for a person ranked second, behind a yes or no, in a sentence that says both. */
const SECONDARY_ACTION = 0.1;
/** A command inside a sentence that asks something the KB answers ("comment remettre le logiciel en français ?"). */
const COMMAND_IN_QUESTION = 0.95;

/** "yes the first one", "non, le deuxième": an ordinal still picks a button with these intents. */
const ORDINAL_WITH: ReadonlySet<ControlIntent> = new Set(['yes', 'no', 'other', 'skip', 'correct']);

const ordinalModels: Partial<Record<Lang, ReturnType<NumberRecognizer['getOrdinalModel']>>> = {};

/** "le deuxième", "the 2nd one", "2", "n°2": the position picked, from 1. */
export function ordinalIn(text: string, lang: Lang): number | undefined {
  const plain = /^(?:(?:le|la|the|option|choix|number|num[eé]ro|n°|no\.?|#)\s*)?(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|ème)?(?:\s+(?:one|un|une|svp|please|stp))?[.!]?$/iu.exec(text.trim());
  if (plain) return Number(plain[1]);
  if (text.split(/\s+/).length > 6) return undefined;
  // The recognizer is the slow part of a turn: only text with a digit or a word shaped like an
  // ordinal (first, third, 21st, premier, seconde, troisième, vingtième…) can name a position.
  // A phone number or an address is no position: more than four digits or an @ rule it out.
  if (/\d|premi|second|i[eè]me\b|eme\b|(?:st|nd|rd|th)\b/iu.test(text) && !text.includes('@') && (text.match(/\d/g)?.length ?? 0) <= 4) {
    // "the first one" in a French conversation is still the first one.
    for (const l of [lang, lang === 'fr' ? 'en' : 'fr'] as const) {
      ordinalModels[l] ??= new NumberRecognizer(l === 'fr' ? Culture.French : Culture.English).getOrdinalModel();
      const [found] = ordinalModels[l]!.parse(text);
      const value = Number(found?.resolution?.value);
      if (Number.isInteger(value) && value > 0) return value;
    }
  }
  if (/\b(?:last|dernier|derni[eè]re)\b/iu.test(text)) return -1;
  return undefined;
}

export function understand(text: string, context: TurnContextIn, deps: UnderstandDeps): { understanding: Understanding; language: LanguageState } {
  const entities = findEntities(text);
  const rest = entities.rest;
  const words = runningWords(rest);
  const current = context.language.lang;
  const detected = deps.matcher.detectLanguage(rest, current);

  // The classifier reads the message in the language it seems to be in; when that is unsure, in both.
  const readings = detected.reliable ? [deps.control.classify(rest, detected.lang)] : [deps.control.classify(rest, current), deps.control.classify(rest, current === 'fr' ? 'en' : 'fr')];
  const reading = readings.reduce((a, b) => ((b.intent ? b.score : 0) > (a.intent ? a.score : 0) ? b : a));
  let intent = entities.symbolsOnly || rest.trim() === '' ? undefined : reading.intent;
  // "not really, can I talk to a real person": the request for a person is what to act on.
  const action = reading.ranked.find((r) => ACTIONS.has(r.label as ControlIntent) && r.score >= SECONDARY_ACTION);
  if ((intent === 'no' || intent === 'yes') && action && words >= 4) intent = action.label as ControlIntent;
  const label = deps.labels.get(simpleLabel(text));
  if (label) intent = label;

  const match = deps.matcher.match(rest || text, { fallbackLanguage: current });
  const top = match.matches[0];
  // A question that uses a command word stays a question, unless the command is much surer.
  if (intent && !label && match.decision === 'answer' && top && !(SHORT_INTENTS.has(intent) && words <= 3)) {
    const acts = ACTIONS.has(intent) || (LANGUAGE_SWITCHES.has(intent) && asksTheBot(text));
    const needed = acts ? ACTION_OVER_ANSWER : asksSomething(text) ? COMMAND_IN_QUESTION : Math.max(INTENT_OVER_ANSWER, top.answerScore);
    if (reading.score < needed) intent = undefined;
  }

  const askedLanguage = intent === 'english' ? 'en' : intent === 'french' ? 'fr' : undefined;
  const next = nextLanguage(context.language, { ...(askedLanguage ? { asked: askedLanguage } : {}), detected, substantial: words >= SUBSTANTIAL_WORDS });
  const lang = next.state.lang;
  if (intent === 'restart' && !label && (reading.score < RESTART_SCORE || (words > 4 && reading.score < CLEAR_RESTART))) intent = undefined;

  const picked = context.offered.length > 0 ? pickChoiceBy(text, context.offered, intent) : undefined;
  // "non, ouvrez un ticket" is a request for a ticket, not the "Non" button.
  let pressed = picked && !(picked.by === 'yes-no' && intent && ACTIONS.has(intent)) ? picked.index : undefined;
  if (pressed === undefined && context.offered.length > 0 && (!intent || ORDINAL_WITH.has(intent)) && words <= 6) {
    const n = ordinalIn(text, lang);
    if (n !== undefined) pressed = n === -1 ? context.offered.length - 1 : n >= 1 && n <= context.offered.length ? n - 1 : undefined;
  }

  let time: TimeWish | undefined | null = null;
  const smallTalk = smallTalkOf(text);
  const understanding: Understanding = {
    text,
    entities,
    lang,
    languageChanged: next.changed,
    ...(askedLanguage ? { askedLanguage } : {}),
    words,
    known: deps.control.known(rest, lang),
    ...(pressed !== undefined ? { pressed } : {}),
    ...(intent ? { intent } : {}),
    intentScore: reading.score,
    ...(smallTalk ? { smallTalk } : {}),
    match,
    ...(match.decision === 'answer' && top && !intent ? { question: top.id } : {}),
    asap: asksAsap(rest),
    time() {
      if (time === null) time = readTime(rest, lang, deps.now(), deps.timeZone);
      return time;
    },
  };
  return { understanding, language: next.state };
}

/** How labels are compared: case, accents, punctuation and spacing ignored. */
export function simpleLabel(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
