// Writes a DraftArticle in the article file format (YAML front matter, then the answers behind
// <!-- fr --> / <!-- en --> markers), and reads the text back with the project's own parser, so a
// draft that a writer could not load is caught before it is written.
import { Document, isSeq } from 'yaml';
import { parseArticleFile } from './articleFile.js';
import type { Problem } from './problems.js';
import { LANGUAGE_NAMES, MIN_QUESTIONS, TRANSLATE_PREFIX, type DraftArticle } from './qnaImport.js';
import { LANGS, type Lang } from './types.js';

export interface RenderOptions {
  /** The TSV's name as the summary shows it, for the comment that says where the draft came from. */
  from?: string;
}

export function renderDraft(draft: DraftArticle, opts: RenderOptions = {}): string {
  const { id, level, tags, title, questions } = draft;
  const doc = new Document({ id, level, tags, title, questions });
  const tagsNode = doc.get('tags', true);
  // `tags: [billing, invoice]`, like the hand-written articles.
  if (isSeq(tagsNode)) tagsNode.flow = true;

  const origin = [draft.qnaId ? `QnA ${draft.qnaId}` : undefined, draft.source ? `source: ${draft.source}` : undefined].filter(Boolean);
  const target = LANGUAGE_NAMES[draft.translateInto];
  doc.commentBefore = [
    ` Imported by npm run kb:import from ${opts.from ?? 'a QnA Maker export'}, ${describeLines(draft.lines)}${origin.length ? ` (${origin.join(', ')})` : ''}.`,
    ` To publish: translate every '${TRANSLATE_PREFIX.trim()}' field into ${target} (and drop the prefix),`,
    ` check level (0 = self-help) and tags, add questions (at least ${MIN_QUESTIONS}, 10+ match better),`,
    ' then move the file to knowledge/articles/ and run npm run kb:check.',
  ].join('\n');

  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = LANGS.map((lang: Lang) => `<!-- ${lang} -->\n${draft.answer[lang]}`).join('\n');
  return `---\n${yaml}---\n${body}\n`;
}

/**
 * What the project's parser finds wrong in a rendered draft, apart from the gap the import reports
 * itself (too few questions), plus any field that does not read back exactly as imported.
 */
export function unexpectedProblems(relPath: string, text: string, draft: DraftArticle): Problem[] {
  const count = draft.questions[draft.sourceLang].length;
  const known = new Set(
    count < MIN_QUESTIONS ? LANGS.map((lang) => `'questions.${lang}' needs at least ${MIN_QUESTIONS} questions (has ${count})`) : [],
  );
  const { article, problems } = parseArticleFile(relPath, text);
  // The checker flags the TODO-translate copies on purpose: a draft is expected to carry them.
  const unexpected = problems.filter((p) => !known.has(p.message) && !p.message.includes('still needs translating'));
  if (article) {
    for (const field of ['id', 'level', 'tags', 'title', 'questions', 'answer'] as const) {
      if (JSON.stringify(article[field]) !== JSON.stringify(draft[field])) {
        unexpected.push({ file: relPath, line: 1, message: `'${field}' does not read back as imported` });
      }
    }
  }
  return unexpected;
}

/** [2, 3, 4, 9] -> 'lines 2-4, 9' */
export function describeLines(lines: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    ranges.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return `${lines.length === 1 ? 'line' : 'lines'} ${ranges.join(', ')}`;
}
