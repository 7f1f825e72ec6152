// The fields of a ticket or a callback as customers name them ("le motif est faux", "change the
// email"), and a name typed with words around it ("je m'appelle Paul Martin").
import { stripAccents } from '../../knowledge/matching/normalise.js';
import type { Lang } from '../../knowledge/types.js';
import { validateName } from '../contact/name.js';

export const FIELDS = ['kind', 'reason', 'name', 'email', 'phone', 'time', 'consent'] as const;
export type Field = (typeof FIELDS)[number];
/** Fields a customer can ask to change at the summary. */
export type EditableField = Exclude<Field, 'kind' | 'consent'>;

// Words that name a field, accents and case ignored. Checked in both languages: a French customer
// may well write "l'email". Longest first, so "numero de telephone" is the phone, not a number.
const WORDS: Record<EditableField, readonly string[]> = {
  reason: ['motif', 'raison', 'probleme', 'sujet', 'objet', 'description', 'demande', 'question', 'reason', 'problem', 'issue', 'subject', 'topic'],
  name: ['nom', 'prenom', 'appelle', 'name', 'surname', 'firstname'],
  email: ['e-mail', 'email', 'mail', 'courriel', 'adresse', 'address', 'mel'],
  phone: ['telephone', 'tel', 'numero', 'num', 'portable', 'mobile', 'phone', 'number', 'cell', 'tel.'],
  time: ['heure', 'horaire', 'creneau', 'date', 'jour', 'quand', 'rdv', 'rendez-vous', 'moment', 'time', 'slot', 'day', 'when', 'appointment', 'hour'],
};

function simple(text: string): string {
  return stripAccents(text.normalize('NFKC').toLowerCase()).replace(/[’']/g, ' ');
}

/** The field a message names, when it names exactly one. */
export function fieldNamed(text: string): EditableField | undefined {
  const words = new Set(simple(text).split(/[^\p{L}\p{N}-]+/u));
  const named = (Object.keys(WORDS) as EditableField[]).filter((f) => WORDS[f].some((w) => words.has(w)));
  // "numero de telephone" names the phone twice; "le nom et l'email" names two fields: ask which.
  return named.length === 1 ? named[0] : undefined;
}

// What people put before their name.
const NAME_INTRO: Record<Lang, RegExp> = {
  fr: /^(?:(?:bonjour|oui|ok|alors|euh)[ ,]+)?(?:je m[' ]?appelle|je suis|moi c[' ]?est|c[' ]?est|mon nom (?:c[' ]?est|est)|mon nom et pr[eé]nom sont|nom\s*:)\s+/iu,
  en: /^(?:(?:hi|hello|yes|ok|well|um)[ ,]+)?(?:my name is|my name[' ]?s|i am|i[' ]?m|it[' ]?s|this is|name\s*:|call me)\s+/iu,
};

/** Longest name we take from a message: more words is a sentence, not a name. */
export const MAX_NAME_WORDS = 5;

/**
 * The name in a message typed at "What is your name?", or undefined when it does not look like one:
 * digits, an @, a question mark or more than five words are a sentence or a contact detail.
 */
export function nameIn(text: string, lang: Lang): string | undefined {
  const cleaned = text.normalize('NFC').replace(/[’]/g, "'").trim().replace(/[.!]+$/u, '');
  let bare = cleaned;
  for (const l of [lang, lang === 'fr' ? 'en' : 'fr'] as const) bare = bare.replace(NAME_INTRO[l], '').trim();
  if (/[\d@?:/\\]/u.test(bare)) return undefined;
  if (bare.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
  const checked = validateName(bare);
  return checked.ok ? checked.name : undefined;
}

// What follows "le nom est…" when it is a verdict, not a new value.
const VERDICT = /^(?:pas |not |no )?(?:faux|fausse|faute|erron[ée]e?|incorrecte?|mauvaise?|pas bon(?:ne)?|pas (?:le|la) bon(?:ne)?|wrong|incorrect|not right|not correct|invalid|mistaken|bad|a typo|une erreur|mal [ée]crite?|mal orthographi[ée]e?)(?:\s|[.!]|$)/iu;

/** "le nom c'est Paul Durand", "the email should be x@y.z": the text after the field's name. */
export function valueAfterField(text: string): string | undefined {
  const m = /(?:\b(?:est|c ?est|devrait etre|doit etre|plutot|is|should be|to|=|:))\s*(.+)$/iu.exec(simple(text).replace(/\s+/g, ' '));
  if (!m?.[1] || VERDICT.test(m[1].trim())) return undefined;
  // Keep the customer's own spelling: cut the original at the same length from the end.
  const original = text.trim();
  return original.slice(original.length - m[1].length).trim() || undefined;
}

/** "Marie Lefebvre", "Jean-Pierre Dubois": two or more words, each capitalised, read as a name. */
export function looksLikeAName(text: string, lang: Lang): boolean {
  const name = nameIn(text, lang);
  if (!name) return false;
  const words = name.split(/\s+/);
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w));
}
