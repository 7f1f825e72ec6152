// Reads the rows of a QnA Maker export (TSV with a header naming its columns; both the current
// 8-column export and the older 3-4 column one) with their line numbers in the file.
import { parse, type Info } from 'csv-parse/sync';

/** The file cannot be imported at all; `line` when one line is to blame. */
export class QnaImportError extends Error {
  override readonly name = 'QnaImportError';
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

export interface Row {
  line: number;
  question: string;
  answer: string;
  source: string;
  metadata: Array<{ key: string; value: string }>;
  suggested: string;
  contextOnly: boolean;
  prompts: string;
  qnaId: string;
}

export function readRows(text: string): Row[] {
  // csv-parse's types do not follow the `info` option: each record comes as { record, info }.
  let parsed: unknown[];
  try {
    // One kind of line end, so csv-parse's line count matches what an editor shows.
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      delimiter: '\t',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    });
  } catch (err) {
    throw new QnaImportError(`not a readable TSV file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const records = parsed.filter(isRecordWithInfo);
  const [header, ...data] = records;
  const cells = (header?.record ?? []).map((name) => name.trim());
  const names = cells.map((name) => name.toLowerCase().replace(/\s+/g, ''));
  if (!names.includes('question') || !names.includes('answer')) {
    const got = cells.slice(0, 3).map((cell) => `'${cell.length > 40 ? `${cell.slice(0, 37)}...` : cell}'`);
    throw new QnaImportError(
      `expected a header row naming at least the Question and Answer columns (got ${got.join(', ') || 'nothing'}${cells.length > 3 ? ', ...' : ''})`,
      header ? startLine(header.record, header.info.lines) : 1,
    );
  }
  return data
    .filter(({ record }) => record.some((field) => field.trim() !== ''))
    .map(({ record, info }) => {
      const cell = (name: string) => record[names.indexOf(name)] ?? '';
      return {
        line: startLine(record, info.lines),
        question: cell('question').replace(/\s+/g, ' ').trim(),
        answer: unescapeAnswer(cell('answer')),
        source: cell('source').trim(),
        metadata: parseMetadata(cell('metadata')),
        suggested: cell('suggestedquestions'),
        contextOnly: /^(true|1|yes)$/i.test(cell('iscontextonly').trim()),
        prompts: cell('prompts'),
        qnaId: cell('qnaid').trim(),
      };
    });
}

function isRecordWithInfo(value: unknown): value is { record: string[]; info: Info } {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const { record, info } = value;
  const fieldsOk = Array.isArray(record) && record.every((field) => typeof field === 'string');
  return fieldsOk && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number';
}

/** csv-parse counts the line a record ends on; quoted fields may span several. */
function startLine(record: string[], endLine: number): number {
  return endLine - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
}

// QnA Maker writes the line breaks of a Markdown answer as the two characters \n. Code spans keep
// theirs, so a path like `C:\new` survives.
function unescapeAnswer(raw: string): string {
  return raw
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\\r\\n|\\n/g, '\n')))
    .join('')
    .trim();
}

/** 'category:billing|lang:fr' (spaces around '|' allowed) */
function parseMetadata(raw: string): Row['metadata'] {
  return raw
    .split('|')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const colon = pair.indexOf(':');
      return colon < 0 ? { key: pair.toLowerCase(), value: '' } : { key: pair.slice(0, colon).trim().toLowerCase(), value: pair.slice(colon + 1).trim() };
    });
}

