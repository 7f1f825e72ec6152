// npm run kb:check [-- dir]: checks the knowledge folder the way the bot will load it at start-up.
// Prints every problem as file:line: message (exit 1), or a short summary of the content (exit 0).
import { checkKnowledge } from '../loadKnowledge.js';
import { formatProblem } from '../problems.js';
import { LANGS, type KnowledgeBase } from '../types.js';

export function summarise(kb: KnowledgeBase): string[] {
  const { articles, synonyms } = kb;
  const perLevel = [0, 1, 2, 3, 4].map((level) => `${level}: ${articles.filter((a) => a.level === level).length}`);
  const perLang = (count: (lang: (typeof LANGS)[number]) => number) => LANGS.map((lang) => `${lang} ${count(lang)}`).join(', ');
  return [
    `articles: ${articles.length}`,
    `per level: ${perLevel.join(', ')}`,
    `questions: ${perLang((lang) => articles.reduce((sum, a) => sum + a.questions[lang].length, 0))}`,
    `articles with a flow: ${articles.filter((a) => a.flow).length}`,
    `synonyms: ${perLang((lang) => Object.keys(synonyms[lang]).length)}`,
  ];
}

async function main(dir: string): Promise<void> {
  // The same allowed link hosts as the bot (KB_LINK_HOSTS), else the product's own sites.
  const hosts = (process.env.KB_LINK_HOSTS ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  const { kb, problems } = await checkKnowledge(dir, hosts.length ? { linkHosts: hosts } : {});
  if (!kb) {
    for (const problem of problems) console.log(formatProblem(problem));
    console.error(`kb:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`);
    process.exitCode = 1;
    return;
  }
  console.log(`kb:check: ${dir} is valid`);
  for (const line of summarise(kb)) console.log(`  ${line}`);
}

try {
  await main(process.argv[2] ?? 'knowledge');
} catch (err) {
  // Unreadable files and the like: say what happened, without a stack trace.
  console.error(`kb:check: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
