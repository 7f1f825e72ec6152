// Turns one article file (YAML front matter + French and English answers) into an Article,
// or into problems that point at the lines to fix. Every part is checked even when another
// part is broken, so a writer sees all mistakes of a file at once.
import { parseAnswers } from './answerSections.js';
import { checkFrontMatter } from './articleChecks.js';
import { frontMatterSchema, type FrontFlow, type FrontMatter } from './articleSchema.js';
import { isEnding } from './flowChecks.js';
import { splitFrontMatter } from './frontMatter.js';
import { issueProblems } from './issueMessages.js';
import { byPosition, type Problem } from './problems.js';
import type { Article, Bilingual, Flow, FlowTarget } from './types.js';
import { readYaml } from './yamlSource.js';

/** Lines that checks across files (duplicate ids, unknown related ids) point at. */
export interface ArticleLines {
  id: number;
  /** One line per entry of article.related. */
  related: number[];
  /** One line per question, per language. */
  questions: Bilingual<number[]>;
}

export interface ArticleFileOptions {
  /** hosts an answer may link to (and their subdomains); default: the product's own sites */
  linkHosts?: readonly string[];
}

export interface ArticleFileResult {
  /**
   * Present when the file is well-formed enough to build an Article, which may still come with
   * problems (e.g. an id that differs from the file name); only an empty problem list means valid.
   */
  article?: Article;
  problems: Problem[];
  lines?: ArticleLines;
}

/** @param relPath the file's path relative to the project root, used in problems and Article.file. */
export function parseArticleFile(relPath: string, text: string, options: ArticleFileOptions = {}): ArticleFileResult {
  const split = splitFrontMatter(text);
  if (!split.ok) return { problems: [{ file: relPath, line: split.line, message: split.message }] };
  const { parts } = split;

  const body = parseAnswers(relPath, parts.bodyLines, parts.bodyFirstLine, options.linkHosts);
  const yaml = readYaml(relPath, parts.yaml, parts.yamlFirstLine);
  const problems = [...yaml.problems, ...body.problems];
  if (!yaml.source) return { problems: problems.sort(byPosition) };

  const { value, lineOf } = yaml.source;
  const parsed = frontMatterSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) problems.push(...issueProblems(relPath, parsed.error.issues, lineOf, 'the front matter'));
  problems.push(...checkFrontMatter(relPath, value, lineOf));
  problems.sort(byPosition);

  if (!parsed.success || !body.answer) return { problems };
  return {
    article: toArticle(parsed.data, body.answer, relPath),
    problems,
    lines: {
      id: lineOf(['id']),
      related: parsed.data.related.map((_, i) => lineOf(['related', i])),
      questions: { fr: parsed.data.questions.fr.map((_, i) => lineOf(['questions', 'fr', i])), en: parsed.data.questions.en.map((_, i) => lineOf(['questions', 'en', i])) },
    },
  };
}

function toArticle(front: FrontMatter, answer: Bilingual<string>, file: string): Article {
  const { flow, ...fields } = front;
  return { ...fields, answer, ...(flow ? { flow: toFlow(flow) } : {}), file };
}

function toFlow(flow: FrontFlow): Flow {
  return {
    start: flow.start,
    steps: flow.steps.map((step) => ({
      ...step,
      choices: step.choices.map((choice) => ({ label: choice.label, next: toTarget(choice.next) })),
    })),
  };
}

function toTarget(next: string): FlowTarget {
  return isEnding(next) ? { kind: next } : { kind: 'step', stepId: next };
}
