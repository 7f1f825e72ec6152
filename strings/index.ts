import type { Lang } from '../knowledge/types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';

const ALL: Record<Lang, Strings> = { fr, en };

export function strings(lang: Lang): Strings {
  return ALL[lang];
}
