// npm run kb:import -- export.tsv [--out DIR] [--lang fr|en] [--dry-run]
// Turns a QnA Maker / custom question answering TSV export into draft articles in DIR
// (knowledge/drafts/ by default, which the bot does not load), checks each with the article parser,
// and prints what was written, which TSV lines were not (and why), and what staff still have to do.
// Exit 1 when nothing can be imported, a draft would not parse, or a draft file already exists.
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, type Problem } from '../problems.js';
import { importQnaTsv, LANGUAGE_NAMES, QnaImportError, questionGap, TRANSLATE_PREFIX, type QnaImport } from '../qnaImport.js';
import { describeLines, renderDraft, unexpectedProblems } from '../qnaRender.js';
import type { Lang } from '../types.js';

const USAGE = 'usage: npm run kb:import -- export.tsv [--out DIR] [--lang fr|en] [--dry-run]';
const LIVE_ARTICLES = 'knowledge/articles';

class UsageError extends Error {}

/** Posix, relative to the working directory when inside it: what the summary and editors show. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel).split(path.sep).join('/');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'knowledge/drafts' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [tsvPath, ...extra] = positionals;
  if (tsvPath === undefined || extra.length > 0) throw new UsageError(USAGE);
  if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
    throw new UsageError(`--lang must be fr or en (got '${values.lang}')\n${USAGE}`);
  }
  if (path.resolve(values.out) === path.resolve(LIVE_ARTICLES)) {
    // The bot loads that folder, and a draft's TODO-translate fields would pass for answers.
    throw new UsageError(`--out must not be ${LIVE_ARTICLES}: drafts move there once translated and reviewed\n${USAGE}`);
  }
  const lang = values.lang as Lang | undefined;
  const dryRun = values['dry-run'];
  const tsv = shown(tsvPath);
  const outDir = values.out;

  const text = await readFile(tsvPath, 'utf8');
  let result: QnaImport;
  try {
    result = importQnaTsv(text, { ...(lang ? { lang } : {}), takenIds: await liveIds() });
  } catch (err) {
    if (!(err instanceof QnaImportError)) throw err;
    console.error(`kb:import: ${tsv}${err.line ? `:${err.line}` : ''}: ${err.message}`);
    process.exitCode = 1;
    return;
  }
  const notMapped = result.problems.map((p) => `${tsv}:${p.line}: ${p.message}`);
  if (result.articles.length === 0) {
    for (const line of notMapped) console.log(line);
    console.error(`kb:import: nothing to import from ${tsv}`);
    process.exitCode = 1;
    return;
  }

  const drafts = result.articles.map((draft) => {
    const file = shown(path.join(outDir, `${draft.id}.md`));
    return { draft, file, text: renderDraft(draft, { from: path.basename(tsvPath) }) };
  });
  const broken: Problem[] = drafts.flatMap(({ draft, file, text }) => unexpectedProblems(file, text, draft));
  if (broken.length > 0) {
    for (const problem of broken) console.log(formatProblem(problem));
    console.error(`kb:import: ${broken.length} unexpected problem${broken.length === 1 ? '' : 's'} in the generated drafts; nothing written`);
    process.exitCode = 1;
    return;
  }
  // Drafts are edited by staff before they move; a second import must not overwrite that work.
  const existing = (await Promise.all(drafts.map(async (d) => ((await exists(d.file)) ? d.file : undefined)))).filter((f) => f !== undefined);
  if (existing.length > 0) {
    for (const file of existing) console.log(`${file}: already exists`);
    console.error(`kb:import: ${existing.length} draft${existing.length === 1 ? '' : 's'} already exist; move them away or pick another --out. Nothing written`);
    process.exitCode = 1;
    return;
  }
  if (!dryRun) {
    await mkdir(outDir, { recursive: true });
    for (const { file, text } of drafts) await writeFile(file, text, { flag: 'wx' });
  }

  const from = { option: 'from --lang', metadata: "from the 'lang' metadata", detected: 'detected', none: '' }[result.langFrom];
  const out = [
    `kb:import: ${tsv} (${LANGUAGE_NAMES[result.lang]}, ${from}) -> ${shown(outDir)}/${dryRun ? '  [dry run: nothing written]' : ''}`,
    `articles ${dryRun ? 'that would be written' : 'written'}: ${drafts.length}`,
    ...drafts.map(({ draft, file }) => `  ${file}  (${tsv} ${describeLines(draft.lines)})`),
  ];
  const target = LANGUAGE_NAMES[result.articles[0]!.translateInto];
  out.push(`needs translation: all ${drafts.length} (their ${target} fields start with '${TRANSLATE_PREFIX.trim()}')`);
  const short = drafts.flatMap(({ draft, file }) => {
    const gap = questionGap(draft);
    return gap ? [`  ${file}: ${gap}`] : [];
  });
  if (short.length > 0) out.push(`needs more questions: ${short.length}`, ...short);
  if (notMapped.length > 0) out.push(`not mapped or to check: ${notMapped.length}`, ...notMapped.map((line) => `  ${line}`));
  console.log(out.join('\n'));
}

/** Ids of the live articles, so a draft's id stays free when it moves there. */
async function liveIds(): Promise<string[]> {
  try {
    return (await readdir(LIVE_ARTICLES)).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length));
  } catch {
    return []; // run outside the project: nothing to avoid
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = 2;
  } else {
    // Unreadable files and the like: say what happened, without a stack trace.
    const code = String((err as { code?: unknown } | null)?.code ?? '');
    const usage = code.startsWith('ERR_PARSE_ARGS_');
    console.error(`kb:import: ${err instanceof Error ? err.message : String(err)}${usage ? `\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
  }
}
