// Text edits of article files, as a person would make them: adding a question inserts one line
// after the last question of that language and leaves every other byte of the file alone (the
// yaml Document API finds the line); a new article is written in the format of
// knowledge/articles/*.md. Whether the result is a valid article is for checkKnowledge to say.
import { isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { sameQuestion } from '../knowledge/loadKnowledge.js';
import type { Bilingual, Lang } from '../knowledge/types.js';

export class ArticleEditError extends Error {
  override name = 'ArticleEditError';
}

export interface NewArticle {
  id: string;
  level: number;
  title: Bilingual<string>;
  questions: Bilingual<string[]>;
  answer: Bilingual<string>;
  tags: string[];
  related: string[];
}

const FENCE = /^---\s*$/;

interface Parts {
  bom: string;
  eol: string;
  lines: string[];
  /** index in `lines` of the closing '---' */
  close: number;
}

function split(text: string): Parts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = text.slice(bom.length).split(/\r?\n/);
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (!FENCE.test(lines[0] ?? '') || close < 0) throw new ArticleEditError("the file has no front matter between '---' lines");
  return { bom, eol: text.includes('\r\n') ? '\r\n' : '\n', lines, close };
}

function parseFrontMatter({ lines, close }: Parts, counter?: LineCounter) {
  const doc = parseDocument(lines.slice(1, close).join('\n'), counter ? { lineCounter: counter } : {});
  if (doc.errors.length > 0) throw new ArticleEditError(`the front matter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc;
}

/** Whether `candidate`'s front matter reads back as `expected` (a line edit that kept the YAML meaning). */
function readsAs(candidate: string, expected: unknown): boolean {
  return JSON.stringify(parseFrontMatter(split(candidate)).toJS()) === JSON.stringify(expected);
}

/** The file, its front matter with line positions, and `questions.<lang>` as read. */
function questionsOf(text: string, lang: Lang) {
  const parts = split(text);
  const counter = new LineCounter();
  const doc = parseFrontMatter(parts, counter);
  const expected = doc.toJS() as { questions?: Record<string, unknown> };
  const list = expected.questions?.[lang];
  if (!Array.isArray(list)) throw new ArticleEditError(`the article has no 'questions.${lang}' list`);
  /** The first and last line (in `parts.lines`) of a node of the front matter. */
  const linesOf = (range: readonly [number, number, number?]) => ({
    first: counter.linePos(range[0]).line,
    end: counter.linePos(Math.max(range[0], range[1] - 1)).line,
  });
  /** The file with the front matter the Document API writes (a flow list, an unusual layout). */
  const rewritten = () => {
    const front = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
    return parts.bom + [parts.lines[0]!, ...front, ...parts.lines.slice(parts.close)].join(parts.eol);
  };
  return { ...parts, doc, expected, list, linesOf, rewritten };
}

/** A YAML scalar on one line: plain when that reads back as the same string, quoted otherwise. */
export function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** The file with `question` appended to `questions.<lang>`. */
export function addQuestion(text: string, lang: Lang, question: string): string {
  const { bom, eol, lines, doc, expected, list, linesOf, rewritten } = questionsOf(text, lang);
  list.push(question);

  const seq = doc.getIn(['questions', lang], true);
  const last = isSeq(seq) && !seq.flow ? (seq.items.at(-1) as Node | undefined) : undefined;
  if (last?.range) {
    // Lines of the fragment are lines[1…]: fragment line n (1-based) is lines[n].
    const { first, end } = linesOf(last.range);
    const dash = /^(\s*)-\s/.exec(lines[first] ?? '');
    if (dash) {
      const candidate = bom + [...lines.slice(0, end + 1), `${dash[1]}- ${yamlScalar(question)}`, ...lines.slice(end + 1)].join(eol);
      if (readsAs(candidate, expected)) return candidate;
    }
  }
  // A flow list (`fr: [a, b]`) or an unusual layout: let the Document API write the front matter.
  if (!isSeq(seq)) throw new ArticleEditError(`'questions.${lang}' is not a list`);
  seq.add(doc.createNode(question));
  return rewritten();
}

/** The file without `question` (compared as sameQuestion does) in `questions.<lang>`. */
export function removeQuestion(text: string, lang: Lang, question: string): string {
  const { bom, eol, lines, doc, expected, list, linesOf, rewritten } = questionsOf(text, lang);
  const index = list.findIndex((q) => typeof q === 'string' && sameQuestion(q) === sameQuestion(question));
  if (index < 0) throw new ArticleEditError(`'questions.${lang}' has no question "${question}"`);
  list.splice(index, 1);

  const seq = doc.getIn(['questions', lang], true);
  if (!isSeq(seq)) throw new ArticleEditError(`'questions.${lang}' is not a list`);
  const item = !seq.flow && list.length > 0 ? (seq.items[index] as Node | undefined) : undefined;
  if (item?.range) {
    const { first, end } = linesOf(item.range);
    if (/^\s*-\s/.test(lines[first] ?? '')) {
      const candidate = bom + [...lines.slice(0, first), ...lines.slice(end + 1)].join(eol);
      if (readsAs(candidate, expected)) return candidate;
    }
  }
  seq.delete(index);
  return rewritten();
}

function flowList(items: readonly string[]): string {
  return `[${items.map((item) => (/^[a-z][a-z0-9-]*$/i.test(item) && yamlScalar(item) === item ? item : JSON.stringify(item))).join(', ')}]`;
}

function blockList(items: readonly string[], indent: string): string[] {
  return items.length === 0 ? [] : items.map((q) => `${indent}- ${yamlScalar(q)}`);
}

/** A new article file, laid out like the bundled ones. */
export function renderArticle(a: NewArticle): string {
  const list = (lang: Lang) => (a.questions[lang].length === 0 ? [`  ${lang}: []`] : [`  ${lang}:`, ...blockList(a.questions[lang], '    ')]);
  const answer = (lang: Lang) => a.answer[lang].replace(/\r\n?/g, '\n').trim();
  return [
    '---',
    `id: ${yamlScalar(a.id)}`,
    `level: ${a.level}`,
    `tags: ${flowList(a.tags)}`,
    `related: ${flowList(a.related)}`,
    'title:',
    `  fr: ${yamlScalar(a.title.fr)}`,
    `  en: ${yamlScalar(a.title.en)}`,
    'questions:',
    ...list('fr'),
    ...list('en'),
    '---',
    '<!-- fr -->',
    answer('fr'),
    '<!-- en -->',
    answer('en'),
    '',
  ].join('\n');
}
