// The conversation's language, as a plain function of what was said. It belongs to the conversation,
// not to each message: it starts from the client's locale, is settled by the first message that is
// clearly in one language, and then changes only when the customer asks, or writes two substantial
// messages in a row in the other language. Names, emails, numbers, references, product names, emoji
// and one- or two-word messages say nothing about it.
import type { Lang } from '../../knowledge/types.js';

export interface LanguageState {
  lang: Lang;
  /** a message (or the customer) has settled the language; until then the locale is a guess */
  settled: boolean;
  /** substantial messages in a row written in the other language */
  otherInARow: number;
}

export interface LanguageSignal {
  /** the customer asked for this language ("in English please") */
  asked?: Lang;
  /** what the detector read, when it read anything */
  detected?: { lang: Lang; reliable: boolean };
  /** enough words of running text to tell a language (not a name, a number or an "ok") */
  substantial: boolean;
}

/** Substantial messages in a row in the other language that switch the conversation. */
export const SWITCH_AFTER = 2;
/** Words of running text a message needs to say anything about its language. */
export const SUBSTANTIAL_WORDS = 4;

export function languageOfLocale(locale: string | undefined, fallback: Lang): Lang {
  const l = (locale ?? '').toLowerCase();
  return l.startsWith('fr') ? 'fr' : l.startsWith('en') ? 'en' : fallback;
}

export function startLanguage(locale: string | undefined, fallback: Lang): LanguageState {
  return { lang: languageOfLocale(locale, fallback), settled: false, otherInARow: 0 };
}

/** The language after this message, and whether it changed. */
export function nextLanguage(state: LanguageState, signal: LanguageSignal): { state: LanguageState; changed: boolean } {
  const to = (lang: Lang): { state: LanguageState; changed: boolean } => ({ state: { lang, settled: true, otherInARow: 0 }, changed: lang !== state.lang });
  if (signal.asked) return to(signal.asked);
  const d = signal.detected;
  if (!signal.substantial || !d?.reliable) return { state, changed: false };
  if (!state.settled) return to(d.lang);
  if (d.lang === state.lang) return { state: { ...state, otherInARow: 0 }, changed: false };
  const otherInARow = state.otherInARow + 1;
  if (otherInARow >= SWITCH_AFTER) return to(d.lang);
  return { state: { ...state, otherInARow }, changed: false };
}

/** Words of running text: letters only, at least two of them, not counting what `rest` left out. */
export function runningWords(rest: string): number {
  return rest.split(/[^\p{L}'’-]+/u).filter((w) => /\p{L}{2,}/u.test(w)).length;
}
