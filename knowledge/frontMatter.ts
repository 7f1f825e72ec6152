// Splits an article file into its YAML front matter and its Markdown body, keeping line numbers
// so every later message can point at the line of the file, not of the fragment.

export interface FileParts {
  yaml: string;
  /** File line of the first YAML line (the one after the opening `---`). */
  yamlFirstLine: number;
  /** The body's lines; bodyLines[0] is file line bodyFirstLine. */
  bodyLines: string[];
  bodyFirstLine: number;
}

export type SplitResult = { ok: true; parts: FileParts } | { ok: false; line: number; message: string };

const FENCE = /^---\s*$/;

export function splitLines(text: string): string[] {
  // An editor may save a byte-order mark or Windows line ends; neither must shift a line number.
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export function splitFrontMatter(text: string): SplitResult {
  const lines = splitLines(text);
  if (!FENCE.test(lines[0] ?? '')) {
    return { ok: false, line: 1, message: "front matter is missing: the file must start with a '---' line" };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    return { ok: false, line: 1, message: "front matter is not terminated: no closing '---' line after line 1" };
  }
  return {
    ok: true,
    parts: {
      yaml: lines.slice(1, close).join('\n'),
      yamlFirstLine: 2,
      bodyLines: lines.slice(close + 1),
      bodyFirstLine: close + 2,
    },
  };
}
