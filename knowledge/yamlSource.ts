// Parses a YAML fragment and answers "which file line holds the value at this path?",
// so schema errors found later on plain data can still point at the writer's line.
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Problem } from './problems.js';

export type DataPath = readonly PropertyKey[];
export type LineOf = (path: DataPath) => number;

export interface YamlSource {
  /** Plain JavaScript data, still unchecked. */
  value: unknown;
  lineOf: LineOf;
}

/**
 * @param firstLine file line of the fragment's first line (2 for front matter after `---`).
 * Returns no source when the YAML itself is broken: its data would only produce confusing schema errors.
 */
export function readYaml(file: string, text: string, firstLine: number): { source?: YamlSource; problems: Problem[] } {
  const counter = new LineCounter();
  // prettyErrors adds a code excerpt to the message; the file:line already says where.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const fileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => {
      const noticed = fileLine(err.pos[0]);
      const opened = openingOf(doc, err);
      const line = opened === undefined ? noticed : fileLine(opened);
      const where = line === noticed ? '' : ` (noticed at line ${noticed})`;
      return { file, line, message: `YAML syntax error: ${oneLine(err.message)}${where}` };
    });
    return { problems };
  }
  // The line before the fragment is the `---` that opens it; a missing top-level field points there.
  const rootLine = Math.max(1, firstLine - 1);
  const lineOf: LineOf = (path) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? rootLine : fileLine(offset);
  };
  return { source: { value: doc.toJS(), lineOf }, problems: [] };
}

/**
 * Start offset of the deepest node that exists along the path. For a map entry it is the key's
 * offset, so `questions.fr` points at the `fr:` line rather than at its first item.
 */
function offsetOf(doc: Document, path: DataPath): number | undefined {
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!isPair(pair)) break;
      found = startOf(pair.key) ?? found;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      found = startOf(item) ?? found;
      node = item;
    } else {
      break;
    }
  }
  return found;
}

/**
 * An unclosed quote or bracket is only noticed where the parser gives up, often lines later;
 * the writer has to fix the line that opened it, which is where the unfinished node starts.
 */
function openingOf(doc: Document, err: YAMLError): number | undefined {
  let opened: number | undefined;
  visit(doc, (_key, node) => {
    const unclosable = (isScalar(node) && node.type?.startsWith('QUOTE')) || (isCollection(node) && node.flow);
    const range = (node as Node).range;
    if (unclosable && range && range[2] === err.pos[0] && range[0] > (opened ?? -1)) opened = range[0];
  });
  return opened;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
