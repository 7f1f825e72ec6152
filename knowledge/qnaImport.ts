// Reads a QnA Maker / Azure AI Language custom question answering export (TSV, one row per question,
// rows of one QnA share its answer) into draft articles, one per QnA. Pure: text in, drafts and
// line-numbered notes out; knowledge/cli/kbImport.ts reads and writes the files. An export holds one
// language, so each draft carries the other language as TODO-translate copies for staff to replace.
import { createLanguageDetector, type Detection } from './matching/languageDetector.js';
import { QnaImportError, readRows, type Row } from './qnaTsv.js';
import { type Bilingual, type Lang, type SupportLevel } from './types.js';

/** Starts every field of the language the export does not have. */
export const TRANSLATE_PREFIX = 'TODO-translate: ';
/** The article checker's minimum per language (questionsSchema in articleSchema.ts). */
export const MIN_QUESTIONS = 3;
const MAX_ID_LENGTH = 60;
/** QnA Maker answers are self-help; staff raise the level where a ticket should follow. */
const DEFAULT_LEVEL: SupportLevel = 0;
export const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'French', en: 'English' };

export interface DraftArticle {
  id: string;
  level: SupportLevel;
  tags: string[];
  title: Bilingual<string>;
  questions: Bilingual<string[]>;
  answer: Bilingual<string>;
  /** The export's language; the other one holds TODO-translate copies. */
  sourceLang: Lang;
  translateInto: Lang;
  /** 1-based TSV lines of the rows that became this article. */
  lines: number[];
  qnaId?: string;
  /** QnA Maker's Source column (a URL, a file name or 'Editorial'). */
  source?: string;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface QnaImport {
  articles: DraftArticle[];
  /** Rows or parts of rows not imported, and imported ones to check; sorted by line. */
  problems: ImportProblem[];
  lang: Lang;
  /** 'none' when nothing was importable, so no language had to be chosen. */
  langFrom: 'option' | 'metadata' | 'detected' | 'none';
}

export interface ImportOptions {
  lang?: Lang;
  /** Ids already in use (the live articles), so a draft can later move next to them. */
  takenIds?: Iterable<string>;
}

export { QnaImportError };

export function importQnaTsv(text: string, opts: ImportOptions = {}): QnaImport {
  const rows = readRows(text);
  const problems: ImportProblem[] = [];
  const note = (line: number, message: string) => problems.push({ line, message });

  const firstLineOfQna = new Map<string, number>();
  for (const row of rows) if (row.qnaId && !firstLineOfQna.has(row.qnaId)) firstLineOfQna.set(row.qnaId, row.line);

  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    if (!row.question) note(row.line, 'question is empty: row not imported');
    else if (!row.answer) note(row.line, 'answer is empty: row not imported');
    else if (row.contextOnly) note(row.line, 'context-only QnA (reachable only as a follow-up prompt of another answer): row not imported');
    else {
      // The legacy export has no QnaId: its rows belong together when they share the answer.
      const key = row.qnaId ? `id:${row.qnaId}` : `answer:${row.answer}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
  }

  const unused = new Map<string, { rows: number; line: number }>();
  for (const row of rows) {
    for (const { key, value } of row.metadata) {
      if (key === 'lang' && !langOf(value)) note(row.line, `metadata 'lang:${value}' is neither fr nor en: ignored`);
      if (key === 'category' || key === 'lang') continue;
      const seen = unused.get(key);
      unused.set(key, { rows: (seen?.rows ?? 0) + 1, line: seen?.line ?? row.line });
    }
  }
  for (const [key, { rows: count, line }] of unused) {
    note(line, `metadata '${key}' (on ${count} row${count === 1 ? '' : 's'}) not imported: only 'category' (as tags) and 'lang' are`);
  }

  if (groups.size === 0) return { articles: [], problems: problems.sort(byLine), lang: opts.lang ?? 'fr', langFrom: 'none' };
  const { lang, langFrom } = chooseLanguage([...groups.values()], opts.lang);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const taken = new Set(opts.takenIds ?? []);
  const articles: DraftArticle[] = [];

  for (const group of groups.values()) {
    const first = group[0]!;
    const qna = first.qnaId ? `QnA ${first.qnaId}` : 'this QnA';
    for (const row of group) {
      if (row.answer !== first.answer) note(row.line, `answer differs from the one of ${qna} at line ${first.line}: only that one was imported`);
    }
    const withPrompts = group.find((row) => row.prompts.trim() !== '' && row.prompts.trim() !== '[]');
    if (withPrompts) note(withPrompts.line, promptsMessage(withPrompts.prompts, firstLineOfQna));
    const withSuggestions = group.find((row) => row.suggested.trim() !== '' && row.suggested.trim() !== '[]');
    if (withSuggestions) note(withSuggestions.line, 'suggested questions (active learning) not imported: review them in the TSV and add the good ones');

    const declared = group.flatMap((row) => row.metadata).find((m) => m.key === 'lang');
    const declaredLang = declared && langOf(declared.value);
    const looks = detectGroup(group, lang);
    if (declaredLang && declaredLang !== lang) {
      note(first.line, `metadata says lang:${declared.value} but the file is imported as ${LANGUAGE_NAMES[lang]}: check this QnA`);
    } else if (looks.reliable && looks.lang !== lang) {
      note(first.line, `this QnA looks ${LANGUAGE_NAMES[looks.lang]} but the file is imported as ${LANGUAGE_NAMES[lang]}: check it`);
    }

    const questions = uniqueQuestions(group.map((row) => row.question));
    const categories = group.flatMap((row) => row.metadata.filter((m) => m.key === 'category' && m.value !== ''));
    const tags = [...new Set(categories.map((m) => m.value.toLowerCase().replace(/\s+/g, '-')))];
    const title = questions[0]!;
    const id = uniqueId(slugify(title) || `qna-${first.qnaId || first.line}`, taken);
    articles.push({
      id,
      level: DEFAULT_LEVEL,
      tags,
      title: bilingual(lang, title, TRANSLATE_PREFIX + title),
      questions: bilingual(lang, questions, questions.map((q) => TRANSLATE_PREFIX + q)),
      answer: bilingual(lang, first.answer, TRANSLATE_PREFIX + first.answer),
      sourceLang: lang,
      translateInto: other,
      lines: group.map((row) => row.line),
      ...(first.qnaId ? { qnaId: first.qnaId } : {}),
      ...(first.source ? { source: first.source } : {}),
    });
  }
  return { articles, problems: problems.sort(byLine), lang, langFrom };
}

/** "needs at least 3 questions (has 1)", or undefined when the draft has enough. */
export function questionGap(draft: DraftArticle): string | undefined {
  const count = draft.questions[draft.sourceLang].length;
  return count < MIN_QUESTIONS ? `needs at least ${MIN_QUESTIONS} questions (has ${count})` : undefined;
}

/** Lower-case ASCII words joined by dashes, at most 60 characters, cut between words. */
export function slugify(text: string): string {
  const ascii = text
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return cut(ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''), MAX_ID_LENGTH);
}

function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const dash = slug.slice(0, max + 1).lastIndexOf('-');
  return (dash > 0 ? slug.slice(0, dash) : slug.slice(0, max)).replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${cut(base, MAX_ID_LENGTH - `-${n}`.length)}-${n}`;
  taken.add(id);
  return id;
}

function langOf(value: string): Lang | undefined {
  const code = /^(fr|en)(?:[-_]|$)/i.exec(value.trim())?.[1]?.toLowerCase();
  return code === 'fr' || code === 'en' ? code : undefined;
}

function chooseLanguage(groups: Row[][], option: Lang | undefined): { lang: Lang; langFrom: QnaImport['langFrom'] } {
  if (option) return { lang: option, langFrom: 'option' };
  const declared = new Map<Lang, number>();
  for (const row of groups.flat()) {
    for (const m of row.metadata) {
      const lang = m.key === 'lang' ? langOf(m.value) : undefined;
      if (lang && !declared.has(lang)) declared.set(lang, row.line);
    }
  }
  if (declared.size > 1) {
    const where = [...declared].map(([lang, line]) => `lang:${lang} at line ${line}`).join(', ');
    throw new QnaImportError(`the lang metadata names two languages (${where}); an export holds one: pass --lang fr or --lang en`);
  }
  const [only] = declared.keys();
  if (only) return { lang: only, langFrom: 'metadata' };
  // One vote per QnA, so a few long answers in the wrong language do not outweigh the rest.
  const votes: Record<Lang, number> = { fr: 0, en: 0 };
  for (const group of groups) {
    const looks = detectGroup(group, 'fr');
    if (looks.reliable) votes[looks.lang]++;
  }
  if (votes.fr === votes.en) throw new QnaImportError('cannot tell whether the export is French or English: pass --lang fr or --lang en');
  return { lang: votes.fr > votes.en ? 'fr' : 'en', langFrom: 'detected' };
}

const detector = createLanguageDetector({ fr: [], en: [] });

function detectGroup(group: Row[], fallback: Lang): Detection {
  return detector.detect([...group.map((row) => row.question), group[0]!.answer].join('\n'), fallback);
}

function promptsMessage(raw: string, firstLineOfQna: Map<string, number>): string {
  const end = 'not imported: the answer was imported without its follow-up buttons';
  let prompts: unknown;
  try {
    prompts = JSON.parse(raw);
  } catch {
    return `multi-turn prompts (unreadable Prompts column) ${end}`;
  }
  if (!Array.isArray(prompts)) return `multi-turn prompts (unreadable Prompts column) ${end}`;
  // The portal writes camelCase keys; older exports PascalCase.
  const field = (p: unknown, key: string) =>
    typeof p === 'object' && p !== null ? Object.entries(p).find(([k]) => k.toLowerCase() === key)?.[1] : undefined;
  const listed = prompts.map((p) => {
    const target = String(field(p, 'qnaid') ?? '?');
    const line = firstLineOfQna.get(target);
    return `'${String(field(p, 'displaytext') ?? '')}' → QnA ${target}${line ? ` (line ${line})` : ''}`;
  });
  return `multi-turn prompts ${listed.join(', ')} ${end}`;
}

/** Questions in order, without repeats the checker would refuse (same words, other case or spacing). */
function uniqueQuestions(questions: string[]): string[] {
  const seen = new Set<string>();
  return questions.filter((q) => {
    const key = q.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function bilingual<T>(lang: Lang, own: T, other: T): Bilingual<T> {
  return lang === 'fr' ? { fr: own, en: other } : { fr: other, en: own };
}

function byLine(a: ImportProblem, b: ImportProblem): number {
  return a.line - b.line;
}
