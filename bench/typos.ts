// Seeded typo corruption: each word of at least 4 letters gets one random edit (insertion, deletion,
// substitution or swap of two neighbours) with the given probability.
import { mulberry32 } from '../knowledge/matching/softmaxClassifier.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function corrupter(probability: number, seed: number): (text: string) => string {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const letter = () => LETTERS[pick(LETTERS.length)]!;
  function edit(word: string): string {
    const i = pick(word.length);
    switch (pick(4)) {
      case 0:
        return word.slice(0, i) + letter() + word.slice(i);
      case 1:
        return word.slice(0, i) + word.slice(i + 1);
      case 2: {
        let l = letter();
        while (l === word[i]) l = letter();
        return word.slice(0, i) + l + word.slice(i + 1);
      }
      default: {
        const j = Math.min(i, word.length - 2);
        return word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
      }
    }
  }
  return (text) => text.replace(/\p{L}{4,}/gu, (word) => (random() < probability ? edit(word) : word));
}
