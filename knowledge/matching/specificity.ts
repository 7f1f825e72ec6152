// How specific a message's words are to each label. The classifier spreads a word's weight over
// every example that uses it, so a rare, decisive word ("kaspersky", "ocr", "déménager") is
// outweighed by the common words around it. Here each word counts by how few labels use it, and a
// label scores the share of the message's weight it knows: a word only one article uses speaks for
// that article alone, a word every article uses says nothing.
import type { Token } from './normalise.js';

export interface Specificity {
  /**
   * Per label, in [0, 1]: `scores`, the squared-idf-weighted share of the message's content stems its
   * examples use, words no label uses counting against every label (added to the classifier's scores);
   * `shares`, the idf-weighted share of the stems some label uses (an answer's support: unknown words
   * already lower the KB coverage, and filler such as "slt" must not count twice). The arrays are
   * reused by the next call.
   */
  of(tokens: readonly Token[]): { scores: Float64Array; shares: Float64Array };
}

/** Content words, or every word when the message has nothing but function words. */
export function contentOf(tokens: readonly Token[]): readonly Token[] {
  const content = tokens.filter((t) => !t.stop);
  return content.length > 0 ? content : tokens;
}

/** Word pairs were tried as terms too: they lost a point on few-shot validation. */
function termsOf(tokens: readonly Token[]): Set<string> {
  return new Set(contentOf(tokens).map((t) => t.stem));
}

/** Each stem's weights and the labels whose examples use it: plain data, built once per knowledge base. */
export interface SpecificityState {
  labelCount: number;
  /** `weight` (squared idf) counts for the scores, `share` (idf) for the shares */
  weights: Map<string, { weight: number; share: number; labels: readonly number[] }>;
}

export function specificityState(examples: ReadonlyArray<{ tokens: readonly Token[]; label: number }>, labelCount: number): SpecificityState {
  const labelsOf = new Map<string, Set<number>>();
  for (const { tokens, label } of examples) {
    for (const term of termsOf(tokens)) {
      let labels = labelsOf.get(term);
      if (!labels) labelsOf.set(term, (labels = new Set()));
      labels.add(label);
    }
  }
  // Squared for the scores: chosen on the validation splits (CLINC150 few-shot and the bundled KB)
  // over plain idf and log(N/df); it lets one decisive word outweigh two common ones.
  const weights: SpecificityState['weights'] = new Map();
  for (const [stem, labels] of labelsOf) weights.set(stem, { weight: idf(labelCount, labels.size) ** 2, share: idf(labelCount, labels.size), labels: [...labels] });
  return { labelCount, weights };
}

const idf = (labelCount: number, labels: number) => Math.log(1 + labelCount / labels);

export function createSpecificity(examples: ReadonlyArray<{ tokens: readonly Token[]; label: number }>, labelCount: number): Specificity {
  return specificityFrom(specificityState(examples, labelCount));
}

export function specificityFrom({ labelCount, weights }: SpecificityState): Specificity {
  // A word no example uses weighs like the rarest: the labels that miss it lose share.
  const unknown = idf(labelCount, 1) ** 2;
  const scores = new Float64Array(labelCount);
  const shares = new Float64Array(labelCount);
  return {
    of(tokens) {
      scores.fill(0);
      shares.fill(0);
      let total = 0;
      let knownTotal = 0;
      for (const term of termsOf(tokens)) {
        const known = weights.get(term);
        if (!known) {
          total += unknown;
          continue;
        }
        total += known.weight;
        knownTotal += known.share;
        for (const label of known.labels) {
          scores[label]! += known.weight;
          shares[label]! += known.share;
        }
      }
      if (total > 0) for (let c = 0; c < labelCount; c++) scores[c]! /= total;
      if (knownTotal > 0) for (let c = 0; c < labelCount; c++) shares[c]! /= knownTotal;
      return { scores, shares };
    },
  };
}
