// French or English? A naive Bayes model over words and character n-grams, trained on the KB's own
// text in each language (and, without accents, on the same French, because users often type
// without them). Character n-grams are what keep 2-word typo'd messages right: "mot de pase" still
// looks French letter by letter.
import { words as frenchStopWords } from 'natural/lib/natural/util/stopwords_fr.js';
import { words as englishStopWords } from 'natural/lib/natural/util/stopwords.js';
import type { Lang } from '../types.js';
import { FrozenNumberMap, freezeNumbers, type FrozenNumbersData } from './frozenMap.js';
import { cleanText, stripAccents } from './normalise.js';

export interface Detection {
  lang: Lang;
  /** in [0.5, 1]: how sure the model is; `reliable` says whether it cleared the bar */
  confidence: number;
  reliable: boolean;
}

export interface LanguageDetector {
  /** `fallback` is returned, unreliable, when the message says too little to tell */
  detect(text: string, fallback: Lang): Detection;
}

// A few words that settle the question on their own, added to whatever the KB says.
const SEED: Record<Lang, string> = {
  fr: "je tu il nous vous ils le la les un une des du de au aux et ou mais donc car ne pas plus rien jamais mon ma mes ton ta son sa notre votre leur ce cette ces qui que quoi quel quelle comment pourquoi où quand combien est sont suis ai as a avons avez ont être avoir faire peux peut veux dois puis-je est-ce qu'il c'est j'ai n'arrive marche bonjour merci oui non avec sans sur sous dans pour par chez aussi encore déjà très bien",
  en: "i you he she we they it the a an of to in on at for with from by and or but not no nothing never my your his her our their this that these those what which who how why where when is are am was were be been do does did have has had can could will would should may might please thanks thank yes hello hi doesn't don't can't won't i'm it's there here very well also again already",
};

const NGRAM_SIZES = [1, 2, 3, 4];
/** log-likelihood ratio (natural log) needed to call a language reliable */
const RELIABLE_MARGIN = 1.5;
/** below this the message says nothing either way and the fallback wins */
const GUESS_MARGIN = 0.25;

type Counts = { grams: Map<string, number>; total: number };

/** What the detector learnt, frozen, so a worker thread can build it and send it over. */
export interface DetectorState {
  fr: { grams: FrozenNumbersData; total: number };
  en: { grams: FrozenNumbersData; total: number };
  /** distinct grams over both languages, for smoothing */
  vocabulary: number;
}

function grams(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[^\p{L}']+/u)) {
    if (!word) continue;
    out.push('w:' + word);
    const padded = ` ${word} `;
    for (const n of NGRAM_SIZES) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
}

function count(texts: readonly string[]): Counts {
  const counts: Counts = { grams: new Map(), total: 0 };
  for (const text of texts) {
    for (const g of grams(cleanText(text))) {
      counts.grams.set(g, (counts.grams.get(g) ?? 0) + 1);
      counts.total++;
    }
  }
  return counts;
}

export function detectorState(samples: Record<Lang, readonly string[]>): DetectorState {
  // natural's lists hold single letters and digits too: keep real words only.
  const frSeed = SEED.fr + ' ' + frenchStopWords.filter((w) => w.length > 1).join(' ');
  const enSeed = SEED.en + ' ' + englishStopWords.filter((w) => w.length > 1 && /^\p{L}+$/u.test(w)).join(' ');
  const fr = count([...samples.fr, ...samples.fr.map(stripAccents), frSeed, frSeed, stripAccents(frSeed)]);
  const en = count([...samples.en, enSeed, enSeed]);
  return {
    fr: { grams: freezeNumbers(fr.grams), total: fr.total },
    en: { grams: freezeNumbers(en.grams), total: en.total },
    vocabulary: new Set([...fr.grams.keys(), ...en.grams.keys()]).size,
  };
}

export function createLanguageDetector(samples: Record<Lang, readonly string[]>): LanguageDetector {
  return detectorFrom(detectorState(samples));
}

export function detectorFrom(state: DetectorState): LanguageDetector {
  const { vocabulary } = state;
  const fr = { grams: new FrozenNumberMap(state.fr.grams), total: state.fr.total };
  const en = { grams: new FrozenNumberMap(state.en.grams), total: state.en.total };
  const alpha = 0.5;
  const logP = (c: typeof fr, g: string) => Math.log(((c.grams.get(g) ?? 0) + alpha) / (c.total + alpha * vocabulary));
  return {
    detect(text, fallback) {
      const gs = grams(cleanText(text));
      let llr = 0;
      for (const g of gs) {
        // Whole words weigh more than their letters: a known word is strong evidence.
        const weight = g.startsWith('w:') ? 2 : 1 / NGRAM_SIZES.length;
        llr += weight * (logP(fr, g) - logP(en, g));
      }
      if (gs.length === 0 || Math.abs(llr) < GUESS_MARGIN) return { lang: fallback, confidence: 0.5, reliable: false };
      return {
        lang: llr > 0 ? 'fr' : 'en',
        confidence: 1 / (1 + Math.exp(-Math.abs(llr))),
        reliable: Math.abs(llr) >= RELIABLE_MARGIN,
      };
    },
  };
}
