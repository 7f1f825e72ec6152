// npm run ask -- "question"          prints the decision, the language and the three best articles
// npm run ask -- --json < questions   one JSON line per input line:
//   {"question","language","decision":"answer"|"clarify"|"none","matches":[{"id","title","score"}]}
// Options: --lang fr|en (language assumed when a message does not tell), --kb DIR.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { KnowledgeError } from '../knowledgeError.js';
import { loadKnowledge } from '../loadKnowledge.js';
import { createMatcher, type MatchResult } from '../matcher.js';
import type { Lang } from '../types.js';

export function toJsonLine(r: MatchResult): string {
  const line: Record<string, unknown> = {
    question: r.question,
    language: r.language,
    decision: r.decision,
    matches: r.matches.map(({ id, title, score }) => ({ id, title, score })),
  };
  if (r.reason) line.reason = r.reason;
  return JSON.stringify(line);
}

export function toText(r: MatchResult): string {
  const lines = [`decision: ${r.decision}${r.reason ? ` (${r.reason})` : ''}`, `language: ${r.language}${r.languageReliable ? '' : ' (guessed)'}`];
  r.matches.forEach((m, i) => lines.push(`${i + 1}. ${m.id.padEnd(24)} ${m.score.toFixed(3)}  ${m.title}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'fr' }, kb: { type: 'string', default: 'knowledge' } },
  });
  if (values.lang !== 'fr' && values.lang !== 'en') throw new Error(`--lang must be fr or en (got '${values.lang}')`);
  const fallbackLanguage: Lang = values.lang;
  const matcher = createMatcher(await loadKnowledge(values.kb));
  const answer = (q: string) => matcher.match(q, { fallbackLanguage });

  if (positionals.length > 0) {
    for (const q of positionals) console.log(values.json ? toJsonLine(answer(q)) : toText(answer(q)));
    return;
  }
  if (!values.json) throw new Error('usage: npm run ask -- "question"   or   npm run ask -- --json < questions.txt');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') console.log(toJsonLine(answer(line)));
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof KnowledgeError) console.error(`ask: the knowledge base has problems:\n${err.message}`);
  else console.error(`ask: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
