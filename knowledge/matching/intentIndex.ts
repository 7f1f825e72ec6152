// The ranking core: labelled example sentences in, a calibrated ranking of labels out.
// It knows nothing of articles or the bot; the knowledge-base matcher and the benchmark both use it.
import lemmatizer from 'wink-lemmatizer';
import type { Lang } from '../types.js';
import { FeatureSpace, vectorise, DEFAULT_FEATURES, type FeatureOptions } from './features.js';
import { normalise, stem, type SynonymMap, type Token } from './normalise.js';
import { contentOf, specificityFrom, specificityState, type SpecificityState } from './specificity.js';
import { classifierFrom, softmax, trainSoftmax, DEFAULT_TRAINING, type ClassifierWeights, type TrainOptions, type TrainingExample } from './softmaxClassifier.js';
import { spellerFrom, spellerIndex, type Speller, type SpellerIndex } from './speller.js';
import { FrozenNumberMap, freezeNumbers, type FrozenNumbersData } from './frozenMap.js';
import { generalDictionary, type Dictionary } from './dictionary.js';

/** How much a corrected typo counts in the share of the message the KB knows (no validation split moved it). */
const TYPO_KNOWN = 0.5;

/**
 * Weight of the specificity evidence, tried from 1 to 8: 3 and 4 did best on the CLINC150 few-shot and
 * bundled validation splits, 3 on the typed-conversation suite as well.
 */
export const DEFAULT_SPECIFICITY = 3;

export interface LabelledText {
  text: string;
  label: string;
  lang: Lang;
}

export interface Ranked {
  label: string;
  /** probability-like confidence in [0, 1] */
  score: number;
  /** in [0, 1]: the label's (idf-weighted) share of the message's words that the examples know */
  support: number;
}

export interface IntentIndexOptions {
  synonyms?: Partial<Record<Lang, SynonymMap>>;
  features?: FeatureOptions;
  training?: TrainOptions;
  spelling?: boolean;
  /** real words the speller must not rewrite into other words (default: French and English word lists; false: none) */
  dictionary?: Dictionary | false;
  /**
   * Multiply each score by the share of the message's words the examples know (default true), so a
   * message of unknown words is out of scope. Off for a classifier whose examples include an
   * out-of-scope class of their own: an unknown word then falls to that class's prior.
   */
  coverage?: boolean;
  /** weight of the word-specificity evidence added to each label's score (default DEFAULT_SPECIFICITY) */
  specificity?: number;
}

export interface IntentIndex {
  readonly labels: readonly string[];
  rank(text: string, lang: Lang, k?: number): Ranked[];
  /** the share of the text's content words that the examples use (0 when it has none) */
  known(text: string, lang: Lang): number;
  /** what the index holds, for the benchmark */
  stats(): { examples: number; labels: number; features: number; vocabulary: number; weightBytes: number };
}

/**
 * What an index learnt from its examples: maps and typed arrays only, so a worker thread can do the
 * training (seconds of CPU) and hand the result to the thread that answers.
 */
export interface IndexState {
  labels: string[];
  examples: number;
  /** each example word (surface form) and how often it occurs */
  vocabulary: FrozenNumbersData;
  features: FrozenNumbersData;
  classifier: ClassifierWeights;
  specificity: SpecificityState;
  /** absent when spelling correction is off */
  speller?: SpellerIndex;
  /** the KB's English words by their verb lemma */
  byLemma: Map<string, string>;
}

/** The options that shape training; the others (coverage, specificity, dictionary) only shape ranking. */
type TrainingOptions = Pick<IntentIndexOptions, 'synonyms' | 'features' | 'training' | 'spelling'>;

export function indexState(examples: readonly LabelledText[], options: TrainingOptions = {}): IndexState {
  const features = options.features ?? DEFAULT_FEATURES;
  const synonyms = options.synonyms ?? {};
  const labels: string[] = [];
  const labelIds = new Map<string, number>();
  const vocabulary = new Map<string, number>();
  const space = new FeatureSpace();

  const tokenised = examples.map((e) => {
    let id = labelIds.get(e.label);
    if (id === undefined) {
      id = labels.length;
      labels.push(e.label);
      labelIds.set(e.label, id);
    }
    const tokens = normalise(e.text, e.lang, synonyms[e.lang]);
    for (const t of tokens) vocabulary.set(t.surface, (vocabulary.get(t.surface) ?? 0) + 1);
    return { tokens, label: id };
  });

  const training: TrainingExample[] = tokenised.map(({ tokens, label }) => ({ x: vectorise(tokens, space, true, features), label }));
  const classifier = trainSoftmax(training, labels.length, space.size, options.training ?? DEFAULT_TRAINING);
  // The KB's English words by their verb lemma, so an irregular form joins the one the KB uses.
  const byLemma = new Map<string, string>();
  for (const [word] of [...vocabulary].sort((a, b) => b[1] - a[1])) {
    const lemma = lemmatizer.verb(word);
    if (!byLemma.has(lemma)) byLemma.set(lemma, word);
  }
  return {
    labels,
    examples: examples.length,
    vocabulary: freezeNumbers(vocabulary),
    features: space.freeze(),
    classifier: classifier.trained,
    specificity: specificityState(tokenised, labels.length),
    ...(options.spelling === false ? {} : { speller: spellerIndex(vocabulary) }),
    byLemma,
  };
}

export function createIntentIndex(examples: readonly LabelledText[], options: IntentIndexOptions = {}): IntentIndex {
  return indexFrom(indexState(examples, options), options);
}

/** The index a state makes: no training, nothing but closures over the state's maps. */
export function indexFrom(state: IndexState, options: IntentIndexOptions = {}): IntentIndex {
  const features = options.features ?? DEFAULT_FEATURES;
  const synonyms = options.synonyms ?? {};
  const { labels, byLemma } = state;
  const vocabulary = new FrozenNumberMap(state.vocabulary);
  const space = new FeatureSpace(state.features);
  const specificity = specificityFrom(state.specificity);
  const specificityWeight = options.specificity ?? DEFAULT_SPECIFICITY;
  const classifier = classifierFrom(state.classifier);
  const speller: Speller | undefined = state.speller ? spellerFrom(vocabulary, state.speller) : undefined;
  const dictionary = !state.speller || options.dictionary === false ? undefined : (options.dictionary ?? generalDictionary());

  /**
   * Spelling correction, and how much of the message the KB knows: content words seen in the KB
   * (or another form of one) count fully, typos that needed correcting count half, unknown ones not
   * at all. A message whose words the KB has never seen is likely out of scope however its best
   * article scores. A real word of the language is never "corrected" into a different KB word
   * ("motivation" is not "activation"): that answered off-topic questions.
   */
  function correct(tokens: Token[], lang: Lang): { tokens: Token[]; coverage: number } {
    const counted = contentOf(tokens);
    let known = 0;
    let changed = false;
    const fixed = new Map<string, string>();
    const inflected = new Set<string>();
    for (const t of tokens) {
      if (vocabulary.has(t.surface)) continue;
      const base = irregularBase(t.surface, lang);
      if (base !== undefined) {
        changed = true;
        fixed.set(t.surface, base);
        inflected.add(t.surface);
        continue;
      }
      const c = speller ? speller.correct(t.surface) : t.surface;
      if (c === t.surface) continue;
      if (dictionary?.has(t.surface, lang)) {
        // A real word: the same word inflected is kept as the KB's form, a different word is left alone.
        if (stem(c, lang) !== t.stem) continue;
        inflected.add(t.surface);
      }
      changed = true;
      fixed.set(t.surface, c);
    }
    for (const t of counted) known += vocabulary.has(t.surface) || inflected.has(t.surface) ? 1 : fixed.has(t.surface) ? TYPO_KNOWN : 0;
    const coverage = counted.length ? known / counted.length : 0;
    if (!changed) return { tokens, coverage };
    return { tokens: normalise(tokens.map((t) => fixed.get(t.surface) ?? t.surface).join(' '), lang), coverage };
  }

  /**
   * A form of an irregular English verb the KB does not use ("forgotten", "forget", "froze", "paid")
   * read as the form of it the KB does use ("forgot", "freezes", "pay"): the stemmer cannot join them.
   * Only for unknown words, so a word the KB itself uses ("left", "found") keeps its own meaning.
   */
  function irregularBase(word: string, lang: Lang): string | undefined {
    if (lang !== 'en') return undefined;
    const lemma = lemmatizer.verb(word);
    const known = byLemma.get(lemma);
    return known !== undefined && stem(known, lang) !== stem(word, lang) ? known : undefined;
  }

  const probabilities = new Float64Array(labels.length);

  return {
    labels,
    rank(text, lang, k = 3) {
      const { tokens, coverage } = correct(normalise(text, lang, synonyms[lang]), lang);
      if (tokens.length === 0 || labels.length === 0) return [];
      const p = classifier.logits(vectorise(tokens, space, false, features), probabilities);
      const specific = specificity.of(tokens);
      for (let c = 0; c < p.length; c++) p[c]! += specificityWeight * specific.scores[c]!;
      softmax(p);
      // Confidence = probability of the label x coverage of the message by the KB's vocabulary.
      if (options.coverage !== false) for (let c = 0; c < p.length; c++) p[c]! *= coverage;
      // Partial selection of the k best: cheaper than sorting every label.
      const best: Ranked[] = [];
      for (let c = 0; c < p.length; c++) {
        const score = p[c]!;
        if (best.length === k && score <= best[k - 1]!.score) continue;
        const entry = { label: labels[c]!, score, support: specific.shares[c]! };
        let i = best.length < k ? best.length : k - 1;
        best[i] = entry;
        while (i > 0 && best[i - 1]!.score < score) {
          best[i] = best[i - 1]!;
          best[i - 1] = entry;
          i--;
        }
      }
      return best;
    },
    known(text, lang) {
      const content = normalise(text, lang, synonyms[lang]).filter((t) => !t.stop);
      return content.length === 0 ? 0 : content.filter((t) => vocabulary.has(t.surface)).length / content.length;
    },
    stats: () => ({
      examples: state.examples,
      labels: labels.length,
      features: space.size,
      vocabulary: vocabulary.size,
      weightBytes: classifier.bytes,
    }),
  };
}
