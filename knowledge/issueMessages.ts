// Turns zod issues into problems a content writer can act on: the field is named the way it is
// written in the file ('questions.fr', 'flow.steps[1].choices[0].next') and the line is the field's.
import type { core } from 'zod';
import type { Problem } from './problems.js';
import type { DataPath, LineOf } from './yamlSource.js';

/** How to name the whole document when the issue is about it, e.g. 'the front matter'. */
export function issueProblems(file: string, issues: readonly core.$ZodIssue[], lineOf: LineOf, whole: string): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { file, line: lineOf(path), message: `unknown field ${fieldName(path)}` };
      });
    }
    return [{ file, line: lineOf(issue.path), message: describe(issue, whole) }];
  });
}

function describe(issue: core.$ZodIssue, whole: string): string {
  const field = issue.path.length === 0 ? whole : fieldName(issue.path);
  const input = issue.input;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') {
    if (input === undefined) return `${field} is missing`;
    if (input === null && issue.path.length === 0) return `${field} is empty`;
    // `fr:` with nothing after it: the key is there, the value is not.
    const listHint = issue.code === 'invalid_type' && issue.expected === 'array' ? ' (write [] for an empty list)' : '';
    if (input === null) return `${field} has no value${listHint}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${expectedName(issue.expected)} (got ${shown(input)})`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} is empty`;
      if (Array.isArray(input)) {
        return `${field} needs at least ${issue.minimum} ${noun(issue.path, Number(issue.minimum))} (has ${input.length})`;
      }
      return `${field} must be at least ${issue.minimum} (got ${shown(input)})`;
    case 'too_big':
      if (Array.isArray(input)) {
        return `${field} allows at most ${issue.maximum} ${noun(issue.path, Number(issue.maximum))} (has ${input.length})`;
      }
      return `${field} must be at most ${issue.maximum} (got ${shown(input)})`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(shown).join(', ')} (got ${shown(input)})`;
    case 'invalid_format':
      // The schema words these messages ("must be a lower-case slug…"); only the value is added.
      return `${field} ${issue.message} (got ${shown(input)})`;
    case 'invalid_key': {
      const parent = fieldName(issue.path.slice(0, -1));
      const reason = issue.issues[0]?.message ?? 'is not allowed';
      return `key ${shown(input)} in ${parent} ${reason}`;
    }
    default:
      return `${field} ${issue.message}`;
  }
}

/** 'flow.steps[1].choices[0].next', quoted, as a writer would search for it. */
export function fieldName(path: DataPath): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name === '' ? String(segment) : `.${String(segment)}`;
  }
  return `'${name}'`;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    array: 'a list',
    object: 'a mapping of fields',
    record: 'a mapping',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

const NOUNS: Record<string, [string, string]> = {
  questions: ['question', 'questions'],
  steps: ['step', 'steps'],
  choices: ['choice', 'choices'],
  tags: ['tag', 'tags'],
};

function noun(path: DataPath, count: number): string {
  // 'questions.fr' counts questions: use the nearest field name that is not a language.
  const key = [...path].reverse().find((s): s is string => typeof s === 'string' && s in NOUNS);
  const [one, many] = key ? NOUNS[key]! : ['entry', 'entries'];
  return count === 1 ? one : many;
}

/** A value as it would appear in the file, short enough for one line. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
