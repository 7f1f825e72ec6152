// The knowledge base as the rest of the bot sees it: plain data, validated once by loadKnowledge.
// Nothing here knows about botbuilder, so a later move to another bot SDK leaves knowledge/ alone.

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

export type Bilingual<T> = Record<Lang, T>;

/**
 * The support level that owns a topic when the article did not help:
 * 0 self-help (falls back to a level-1 ticket), 1 ticket, 2 callback,
 * 3 product experts (ticket in queue 3), 4 external vendor (ticket in queue 4).
 */
export type SupportLevel = 0 | 1 | 2 | 3 | 4;

/** Where a troubleshooting choice leads: another step, or one of the two endings. */
export type FlowTarget = { kind: 'step'; stepId: string } | { kind: 'resolved' } | { kind: 'escalate' };

export interface FlowChoice {
  label: Bilingual<string>;
  next: FlowTarget;
}

export interface FlowStep {
  id: string;
  text: Bilingual<string>;
  choices: FlowChoice[];
}

export interface Flow {
  start: string;
  steps: FlowStep[];
}

export interface Article {
  id: string;
  level: SupportLevel;
  tags: string[];
  related: string[];
  title: Bilingual<string>;
  questions: Bilingual<string[]>;
  /** Markdown, shown as written. */
  answer: Bilingual<string>;
  flow?: Flow;
  /** Path relative to the project root, for messages that point staff at the file. */
  file: string;
}

/** token (already lower-case) -> replacement phrase, per language. */
export type Synonyms = Bilingual<Record<string, string>>;

export interface KnowledgeBase {
  articles: Article[];
  synonyms: Synonyms;
}
