// A synthetic knowledge base of any size, for speed and memory at scale (100 000 example questions).
// Words are made-up syllable strings with a Zipf-like frequency, so posting lists have the skew of
// real text: a few very common words, a long tail of topic words.
import { mulberry32 } from '../knowledge/matching/softmaxClassifier.js';
import type { Labelled } from './datasets.js';

const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo'.split(' ');

export function syntheticKb(entries: number, perArticle = 50, seed = 42): { train: Labelled[]; test: Labelled[] } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const zipf = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length ** random()) - 1)]!;
  const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  // Real function words, as in real questions (they carry no character n-grams in the matcher).
  const common = 'how do i can the a to my is what where why when you it on in for of with and an are was be this that please not'.split(' ');
  const vocabulary = Array.from({ length: 40_000 }, word);
  const articles = Math.ceil(entries / perArticle);
  const topics = Array.from({ length: articles }, () => Array.from({ length: 8 }, () => zipf(vocabulary)));

  const sentence = (topic: string[]) => {
    const ws = [pick(topic), pick(topic), zipf(vocabulary), zipf(common), zipf(common), zipf(common)];
    if (random() < 0.5) ws.push(pick(topic));
    for (let i = ws.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ws[i], ws[j]] = [ws[j]!, ws[i]!];
    }
    return ws.join(' ');
  };

  const train: Labelled[] = [];
  for (let i = 0; i < entries; i++) {
    const a = i % articles;
    train.push({ text: sentence(topics[a]!), label: `article-${a}` });
  }
  const test: Labelled[] = Array.from({ length: 2000 }, (_, i) => {
    const a = (i * 7919) % articles;
    return { text: sentence(topics[a]!), label: `article-${a}` };
  });
  return { train, test };
}
