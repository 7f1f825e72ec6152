// Checks on an article's front matter that a schema cannot express: they compare several values,
// need the file name, or quote the line of an earlier entry. Each runs on its own part of the data
// as soon as that part is well-formed, so a bad title does not hide a broken flow.
import { z } from 'zod';
import { flowSchema, questionsSchema, SLUG } from './articleSchema.js';
import { checkFlow } from './flowChecks.js';
import type { Problem } from './problems.js';
import { LANGS } from './types.js';
import type { LineOf } from './yamlSource.js';

const slugList = z.array(z.string().regex(SLUG));

export function checkFrontMatter(file: string, data: unknown, lineOf: LineOf): Problem[] {
  const fields = isRecord(data) ? data : {};
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ file, line: lineOf(path), message });

  const id = typeof fields.id === 'string' && SLUG.test(fields.id) ? fields.id : undefined;
  const expected = fileStem(file);
  if (id !== undefined && id !== expected) {
    at(['id'], `'id' is '${id}' but the file is named '${expected}.md'; they must match`);
  }

  const questions = questionsSchema.safeParse(fields.questions);
  if (questions.success) {
    for (const lang of LANGS) {
      const firstIndex = new Map<string, number>();
      questions.data[lang].forEach((question, i) => {
        const key = question.toLowerCase().replace(/\s+/g, ' ');
        const first = firstIndex.get(key);
        if (first === undefined) firstIndex.set(key, i);
        else {
          const firstLine = lineOf(['questions', lang, first]);
          at(['questions', lang, i], `'questions.${lang}' repeats "${question}" (first at line ${firstLine})`);
        }
      });
    }
  }

  const related = slugList.safeParse(fields.related);
  if (related.success) {
    const seen = new Set<string>();
    related.data.forEach((other, i) => {
      if (other === id) at(['related', i], `'related' lists the article itself ('${other}')`);
      else if (seen.has(other)) at(['related', i], `'related' lists '${other}' twice`);
      seen.add(other);
    });
  }

  const flow = flowSchema.safeParse(fields.flow);
  if (flow.success) problems.push(...checkFlow(file, flow.data, lineOf));

  // A draft imported from QnA Maker marks the language it lacks; it must not reach customers.
  for (const [path, value] of leaves(fields)) {
    if (typeof value === 'string' && value.includes(UNTRANSLATED)) at(path, `'${path.join('.')}' still needs translating ("${UNTRANSLATED} …")`);
  }
  return problems;
}

export const UNTRANSLATED = 'TODO-translate:';

function* leaves(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], unknown]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* leaves(v, [...path, i]);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
  else yield [path, value];
}

/** 'knowledge/articles/reset-password.md' -> 'reset-password' */
export function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
