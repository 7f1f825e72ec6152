// Turns a message into the tokens the matcher compares: one pass per language, because French and
// English differ in elisions, contractions, stop words and stemming.
import { PorterStemmer, PorterStemmerFr } from 'natural/lib/natural/stemmers/index.js';
import type { Lang } from '../types.js';

export interface Token {
  /** lower-case, accents stripped: what spelling correction and character n-grams see */
  surface: string;
  /** stemmed surface: what word features see */
  stem: string;
  stop: boolean;
}

/** Longest input we look at: a question never needs more, and it bounds the work per message. */
export const MAX_INPUT_CHARS = 2000;

const STEMMERS = { fr: PorterStemmerFr, en: PorterStemmer } as const;

// Short function words. natural's own lists drop negations ("pas", "not", "never", "cannot"),
// which flip the meaning of a support question ("je ne peux pas me connecter"), so we keep ours.
const STOP_WORDS: Record<Lang, ReadonlySet<string>> = {
  fr: new Set(
    ('a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma me mes moi mon ' +
      'nos notre nous on ou par pour que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m s t y ' +
      'est sont suis es etre ai as avons avez ont avoir ca cela ceci quel quelle quels quelles svp merci bonjour stp')
      .split(' '),
  ),
  en: new Set(
    ('a an the and or of to in on at for with from by as is are was were be been being am do does did i me my mine you your ' +
      'yours we our us he she it its they them their this that these those there here so please thanks hi hello')
      .split(' '),
  ),
};

const FRENCH_ELISION = /\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/gu;
const ENGLISH_CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'(?:s|re|m|ll|ve|d)\b/g, ''],
];

/** Lower-case, NFKC, one apostrophe, no control characters. Accents are kept (display, language detection). */
export function cleanText(text: string): string {
  return text
    .slice(0, MAX_INPUT_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ');
}

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words of a cleaned text for a language, elisions and contractions expanded, accents stripped. */
export function words(text: string, lang: Lang): string[] {
  let t = cleanText(text);
  // n' is the negation: keep it as "ne", the other elided words carry nothing.
  if (lang === 'fr') t = t.replace(FRENCH_ELISION, (m) => (m === "n'" ? 'ne ' : ' '));
  else for (const [pattern, replacement] of ENGLISH_CONTRACTIONS) t = t.replace(pattern, replacement);
  return stripAccents(t)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export type SynonymMap = Readonly<Record<string, string>>;

/** Replaces each word that has a synonym entry by its (already normalised) expansion. */
export function expandSynonyms(ws: string[], synonyms: SynonymMap | undefined, lang: Lang): string[] {
  if (!synonyms) return ws;
  const out: string[] = [];
  for (const w of ws) {
    const replacement = Object.hasOwn(synonyms, w) ? synonyms[w] : undefined;
    if (replacement === undefined) out.push(w);
    else out.push(...words(replacement, lang));
  }
  return out;
}

const stemCache: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };

export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    // Digits and very short tokens are identifiers ("v12", "2fa"): keep them whole.
    s = word.length <= 3 || /\d/.test(word) ? word : STEMMERS[lang].stem(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string, lang: Lang): boolean {
  return STOP_WORDS[lang].has(word);
}

// French "ne … plus" is a negation ("ne marche plus"), not the product edition "Scriba Plus": read
// that way, "plus" is a function word. Customers drop the "ne" ("ça marche plus", "l'appli
// s'ouvre plus"): right after a verb saying something stopped working, "plus" is the negation too.
// Read so in English too: a short French message is often taken for English ("teams marche plus"),
// and the English reading must not find the Plus edition in it.
const NEGATION_WINDOW = 3;
const STOPPED_WORKING = new Set([
  'marche', 'marchent', 'fonctionne', 'fonctionnent', 'demarre', 'demarrent', 'repond', 'repondent', 'ouvre', 'ouvrent',
  'affiche', 'affichent', 'imprime', 'impriment', 'scanne', 'numerise', 'lance', 'charge', 'synchronise', 'reconnait',
  'detecte', 'connecte', 'envoie', 'recoit', 'accepte', 'sauvegarde', 'arrive', 'trouve', 'veut', 'peut', 'peux', 'va',
]);

function frenchNegatedPlus(ws: readonly string[], i: number): boolean {
  return STOPPED_WORKING.has(ws[i - 1] ?? '') || ws.slice(Math.max(0, i - NEGATION_WINDOW), i).some((w) => w === 'ne' || w === 'n');
}

export function toTokens(ws: string[], lang: Lang): Token[] {
  return ws.map((surface, i) => {
    if (surface === 'plus' && frenchNegatedPlus(ws, i)) return { surface: 'ne-plus', stem: 'ne-plus', stop: true };
    return { surface, stem: stem(surface, lang), stop: isStopWord(surface, lang) };
  });
}

/** The whole pipeline: clean, split, expand synonyms, stem. */
export function normalise(text: string, lang: Lang, synonyms?: SynonymMap): Token[] {
  return toTokens(expandSynonyms(words(text, lang), synonyms, lang), lang);
}
