// Reads the whole knowledge folder (articles/*.md + synonyms.yaml), checks every file and the links
// between them, and reports all problems together. loadKnowledge is what the bot calls at start-up;
// checkKnowledge is what `npm run kb:check` and the tests call to see the problems as values.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS } from './types.js';
import { parseArticleFile, type ArticleLines } from './articleFile.js';
import { fileStem } from './articleChecks.js';
import { deadArticleLinks } from './articleLinks.js';
import { KnowledgeError } from './knowledgeError.js';
import { byPosition, type Problem } from './problems.js';
import { parseSynonymsFile } from './synonymsFile.js';
import type { Article, KnowledgeBase, Synonyms } from './types.js';

export interface KnowledgeOptions {
  /** Problems and Article.file are relative to this folder; defaults to the current directory. */
  root?: string;
  /** hosts answers may link to, and their subdomains (KB_LINK_HOSTS); default: the product's own sites */
  linkHosts?: readonly string[];
}

export interface KnowledgeCheck {
  /** Present only when there are no problems at all. */
  kb?: KnowledgeBase;
  problems: Problem[];
}

interface LoadedArticle {
  article: Article;
  lines: ArticleLines;
}

export async function loadKnowledge(knowledgeDir: string, opts: KnowledgeOptions = {}): Promise<KnowledgeBase> {
  const { kb, problems } = await checkKnowledge(knowledgeDir, opts);
  if (!kb) throw new KnowledgeError(problems);
  return kb;
}

/**
 * The knowledge folder's text: each article file's by name (undefined when the folder is missing)
 * and the synonyms file's. Checking works on this, so staff edits kept in the store can be laid
 * over the bundled files without writing them anywhere.
 */
export interface KnowledgeSources {
  /** the knowledge folder, absolute: problems name files under it */
  dir: string;
  articles: ReadonlyMap<string, string> | undefined;
  synonyms: string | undefined;
}

/** Staff edits as the store keeps them: each edited article's text by id, null when it was removed. */
export interface ArticleEdits {
  /** the last edit included (null: none), and how many there are: a later knowledge base has more */
  head: string | null;
  count: number;
  texts: ReadonlyMap<string, string | null>;
  /** each edited article's text before its first edit: a bundled file that differs was changed since */
  bases: ReadonlyMap<string, string | null>;
}

export const NO_EDITS: ArticleEdits = { head: null, count: 0, texts: new Map(), bases: new Map() };

/** A staff edit as the store keeps it, as far as the knowledge base cares: its id and each article before and after. */
export interface EditOfArticles {
  id: string;
  changes: ReadonlyArray<{ articleId: string; before: string | null; after: string | null }>;
}

/** The edits with one more on top: each article's text after it, and before the first edit of it. */
export function withEdit(edits: ArticleEdits, edit: EditOfArticles): ArticleEdits {
  const texts = new Map(edits.texts);
  const bases = new Map(edits.bases);
  for (const c of edit.changes) {
    if (!bases.has(c.articleId)) bases.set(c.articleId, c.before);
    texts.set(c.articleId, c.after);
  }
  return { head: edit.id, count: edits.count + 1, texts, bases };
}

/** The store's edits (it lists them newest first) as the knowledge base lays them over the bundled files. */
export async function storedArticleEdits(store: { listKbEdits(): Promise<readonly EditOfArticles[]> }): Promise<ArticleEdits> {
  return [...(await store.listKbEdits())].reverse().reduce(withEdit, NO_EDITS);
}

/** Each article file's text by article id. */
export function articleTexts(sources: KnowledgeSources): Map<string, string> {
  return new Map([...(sources.articles ?? [])].map(([name, text]) => [fileStem(name), text]));
}

export async function readKnowledgeSources(knowledgeDir: string): Promise<KnowledgeSources> {
  const dir = path.resolve(knowledgeDir);
  const articlesDir = path.join(dir, 'articles');
  const names = await articleFileNames(articlesDir);
  const articles = names && new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(articlesDir, name), 'utf8')] as const)));
  return { dir, articles, synonyms: await readIfExists(path.join(dir, 'synonyms.yaml')) };
}

/**
 * The sources with staff edits laid over the bundled articles, and the edited articles whose bundled
 * file changed since their first edit (a release updated them: the staff's version still wins).
 */
export function withEdits(sources: KnowledgeSources, edits: ArticleEdits): { sources: KnowledgeSources; shadowed: string[] } {
  const articles = new Map(sources.articles);
  const shadowed: string[] = [];
  for (const [id, text] of edits.texts) {
    const name = `${id}.md`;
    const bundled = articles.get(name) ?? null;
    // Equal to the edit itself: the folder already has it (edits were once written there).
    if (bundled !== (edits.bases.get(id) ?? null) && bundled !== text) shadowed.push(id);
    if (text === null) articles.delete(name);
    else articles.set(name, text);
  }
  return { sources: { ...sources, articles: new Map([...articles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }, shadowed };
}

export async function checkKnowledge(knowledgeDir: string, opts: KnowledgeOptions = {}): Promise<KnowledgeCheck> {
  return checkSources(await readKnowledgeSources(knowledgeDir), opts);
}

export function checkSources(sources: KnowledgeSources, opts: KnowledgeOptions = {}): KnowledgeCheck {
  const root = path.resolve(opts.root ?? process.cwd());
  // Posix separators, so messages and Article.file look the same on Windows and in tests.
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const articlesDir = path.join(sources.dir, 'articles');
  const problems: Problem[] = [];

  const names = sources.articles && [...sources.articles.keys()];
  if (names === undefined) problems.push({ file: rel(articlesDir), line: 1, message: 'articles folder is missing' });
  else if (names.length === 0) problems.push({ file: rel(articlesDir), line: 1, message: 'articles folder has no .md files' });

  const loaded: LoadedArticle[] = [];
  for (const [name, text] of sources.articles ?? []) {
    const file = rel(path.join(articlesDir, name));
    const result = parseArticleFile(file, text, opts.linkHosts ? { linkHosts: opts.linkHosts } : {});
    problems.push(...result.problems);
    if (result.article && result.lines) loaded.push({ article: result.article, lines: result.lines });
  }
  // Ids equal file names, so a broken file's id still counts as known: linking to it is not the mistake.
  const knownIds = new Set([...(names ?? []).map(fileStem), ...loaded.map((l) => l.article.id)]);
  problems.push(...crossChecks(loaded, knownIds));
  for (const [name, text] of sources.articles ?? []) problems.push(...deadArticleLinks(rel(path.join(articlesDir, name)), text, knownIds));

  const synonymsPath = path.join(sources.dir, 'synonyms.yaml');
  let synonyms: Synonyms | undefined;
  if (sources.synonyms === undefined) {
    problems.push({ file: rel(synonymsPath), line: 1, message: "synonyms file is missing (it needs 'fr:' and 'en:' maps)" });
  } else {
    const parsed = parseSynonymsFile(rel(synonymsPath), sources.synonyms);
    problems.push(...parsed.problems);
    synonyms = parsed.synonyms;
  }

  problems.sort(byPosition);
  if (problems.length > 0 || !synonyms) return { problems };
  return { kb: { articles: loaded.map((l) => l.article), synonyms }, problems };
}

function crossChecks(loaded: LoadedArticle[], knownIds: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  for (const { article, lines } of loaded) {
    const first = firstFile.get(article.id);
    if (first !== undefined) {
      problems.push({ file: article.file, line: lines.id, message: `id '${article.id}' is already used by ${first}` });
    } else {
      firstFile.set(article.id, article.file);
    }
    article.related.forEach((other, i) => {
      if (!knownIds.has(other)) {
        problems.push({ file: article.file, line: lines.related[i]!, message: `'related' names unknown article '${other}'` });
      }
    });
  }
  // A question belongs to one article: the same one under two would answer with either.
  for (const lang of LANGS) {
    const owner = new Map<string, { file: string; line: number; id: string }>();
    for (const { article, lines } of loaded) {
      article.questions[lang].forEach((question, i) => {
        const key = sameQuestion(question);
        const first = owner.get(key);
        const line = lines.questions[lang][i]!;
        if (!first) owner.set(key, { file: article.file, line, id: article.id });
        else if (first.id !== article.id) problems.push({ file: article.file, line, message: `the question "${question}" is already a question of article '${first.id}' (${first.file}:${first.line}); a question belongs to one article` });
      });
    }
  }
  return problems;
}

/** Questions compared as customers would read them: case, accents, punctuation and spacing aside. */
export function sameQuestion(question: string): string {
  return question.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Sorted .md file names, or undefined when the folder does not exist. */
async function articleFileNames(dir: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
