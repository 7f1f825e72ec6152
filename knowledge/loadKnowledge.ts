// Reads the whole knowledge folder (articles/*.md + synonyms.yaml), checks every file and the links
// between them, and reports all problems together. loadKnowledge is what the bot calls at start-up;
// checkKnowledge is what `npm run kb:check` and the tests call to see the problems as values.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS } from './types.js';
import { parseArticleFile, type ArticleLines } from './articleFile.js';
import { fileStem } from './articleChecks.js';
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

export async function checkKnowledge(knowledgeDir: string, opts: KnowledgeOptions = {}): Promise<KnowledgeCheck> {
  const root = path.resolve(opts.root ?? process.cwd());
  // Posix separators, so messages and Article.file look the same on Windows and in tests.
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const articlesDir = path.resolve(knowledgeDir, 'articles');
  const problems: Problem[] = [];

  const names = await articleFileNames(articlesDir);
  if (names === undefined) problems.push({ file: rel(articlesDir), line: 1, message: 'articles folder is missing' });
  else if (names.length === 0) problems.push({ file: rel(articlesDir), line: 1, message: 'articles folder has no .md files' });

  const loaded: LoadedArticle[] = [];
  for (const name of names ?? []) {
    const file = rel(path.join(articlesDir, name));
    const result = parseArticleFile(file, await readFile(path.join(articlesDir, name), 'utf8'), opts.linkHosts ? { linkHosts: opts.linkHosts } : {});
    problems.push(...result.problems);
    if (result.article && result.lines) loaded.push({ article: result.article, lines: result.lines });
  }
  // Ids equal file names, so a broken file's id still counts as known: linking to it is not the mistake.
  const knownIds = new Set([...(names ?? []).map(fileStem), ...loaded.map((l) => l.article.id)]);
  problems.push(...crossChecks(loaded, knownIds));

  const synonymsPath = path.resolve(knowledgeDir, 'synonyms.yaml');
  const synonymsText = await readIfExists(synonymsPath);
  let synonyms: Synonyms | undefined;
  if (synonymsText === undefined) {
    problems.push({ file: rel(synonymsPath), line: 1, message: "synonyms file is missing (it needs 'fr:' and 'en:' maps)" });
  } else {
    const parsed = parseSynonymsFile(rel(synonymsPath), synonymsText);
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
