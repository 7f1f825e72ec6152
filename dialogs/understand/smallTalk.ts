// Small talk: "mdr", "cool", "ok super", "haha", "génial merci", "slt", "bonne journée". Such a
// message asks nothing, so the bot answers it in a word and never lists it as an unanswered
// question; the staff's unanswered page leaves out the ones kept before. The control classifier
// reads most greetings and thanks, but not laughter or a one-word "top", and it has no opinion on
// a wording already stored: a word list does both, in either language, typos included.
// Plain functions, no botbuilder: the staff API reads the same decision.
import { cleanText, stripAccents } from '../../knowledge/matching/normalise.js';
import { editDistance } from '../../knowledge/matching/speller.js';

/** What small talk says, the strongest first when a message says several ("ok merci bye" is a goodbye). */
export const SMALL_TALK = ['goodbye', 'thanks', 'greeting', 'acknowledgement', 'laughter'] as const;
export type SmallTalkKind = (typeof SMALL_TALK)[number];

// French and English together: customers mix them ("nice merci", "ok top thanks").
const WORDS: Record<Exclude<SmallTalkKind, 'laughter'>, string> = {
  goodbye:
    'bye byebye goodbye ciao tchao tchuss adieu revoir aurevoir aplus bientot prochaine journee soiree aprem weekend nuit ' +
    'cya ttyl later farewell goodnight night gn',
  thanks: 'merci mercis mrc mci cimer remercie infiniment thanks thank thx thanx tnx thks ty tysm tyvm cheers appreciated',
  greeting: 'bonjour bjr bnjr bonsoir bsr salut slt coucou rebonjour re wesh salutations hello hallo hi hey heya hiya howdy yo sup ' +
    'greetings morning afternoon evening',
  acknowledgement:
    'ok k okay okey oki okie okidoki doki dac dacc dak daccord accord entendu compris noted understood gotcha ' +
    'cool super top genial parfait parfaitement nickel impec impeccable excellent bien chouette sympa magnifique ' +
    'formidable bravo extra youpi waouh ouah ouf tant mieux marche roule ' +
    'nice great awesome perfect sweet good fine alright allright right sure amazing brilliant lovely neat fab ' +
    'fantastic wonderful wow woah oops oups vu ' +
    'oui ouais ouai yes yeah yep yup ya yea ah oh aha',
};

// Words that go with small talk but say nothing on their own ("très", "so", "you"): allowed in it, never enough.
const GLUE = new Set(
  ('a au the so very really too much lot lots you u it its thats that is one well done job all de d c cest ca va ' +
    'tres trop grave vraiment vous toi tu plus et and then now alors du coup bon ben bah eh euh heu hm hmm just ' +
    'bonne beaucoup bcp mille grand have day see there tous everyone guys le la les bot robot scriba madame monsieur ' +
    'mate encore again').split(' ').map(folded),
);

// Laughter as typed: haha, ahah, hihi, héhé, mdr(rr), ptdr, lol, xD, lmao… (repeated letters already folded).
const LAUGHTER = [/^a?(?:h[aeiou])+h?$/u, /^x?(?:mdr|ptdr|lol|lolz|lolilol|lmao|lmfao|rofl|xd|jpp)$/u];

/** Lower case, no accents, each run of a letter kept once ("coooool" and "cool" alike). */
function folded(word: string): string {
  return stripAccents(word.toLowerCase()).replace(/(\p{L})\1+/gu, '$1');
}

const KNOWN = new Map<string, SmallTalkKind>();
for (const kind of SMALL_TALK) {
  if (kind === 'laughter') continue;
  for (const word of WORDS[kind].split(/\s+/)) if (word && !KNOWN.has(folded(word))) KNOWN.set(folded(word), kind);
}
// By first letter: a typo is looked for among a handful of words, for thousands of stored questions.
const FUZZY = new Map<string, string[]>();
for (const word of KNOWN.keys()) if (word.length >= 5) FUZZY.set(word[0]!, [...(FUZZY.get(word[0]!) ?? []), word]);

/** A word's part in small talk; a typo of a small-talk word counts (one edit, five letters or more, the first right: "génail"). */
function kindOf(word: string): SmallTalkKind | 'glue' | undefined {
  const known = KNOWN.get(word);
  if (known) return known;
  if (LAUGHTER.some((p) => p.test(word))) return 'laughter';
  if (GLUE.has(word)) return 'glue';
  if (word.length >= 5) {
    const near = FUZZY.get(word[0]!)?.find((w) => editDistance(w, word, 1) <= 1);
    if (near) return KNOWN.get(near);
  }
  return undefined;
}

/** Longer than this, a message says more than small talk. */
const MAX_WORDS = 8;

/**
 * What small talk a message is, or undefined when it says anything else. Every word must be small
 * talk (or glue around it), so "ok mais ça marche pas" and "top bar missing" stay questions, and so
 * does anything asked with a question mark ("ça marche ?").
 */
export function smallTalkOf(text: string): SmallTalkKind | undefined {
  const clean = cleanText(text);
  if (clean.includes('?')) return undefined;
  const words = clean.replace(/'/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(folded);
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  let strongest: SmallTalkKind | undefined;
  for (const word of words) {
    const kind = kindOf(word);
    if (!kind) return undefined;
    if (kind !== 'glue' && (!strongest || SMALL_TALK.indexOf(kind) < SMALL_TALK.indexOf(strongest))) strongest = kind;
  }
  return strongest;
}

export function isSmallTalk(text: string): boolean {
  return smallTalkOf(text) !== undefined;
}
