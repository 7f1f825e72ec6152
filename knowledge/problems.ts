// A problem found in a knowledge file, pointing at the line a writer has to fix.
// Problems are values, not exceptions, so one run can report every mistake at once.

export interface Problem {
  /** Path relative to the project root, with '/' separators. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

/** The `file:line: message` form editors and terminals turn into links. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Sort order for reports: by file, then by line; stable for problems on the same line. */
export function byPosition(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
