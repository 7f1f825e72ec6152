// Staff edits of the knowledge base, one at a time: build the new file's text, check the whole
// knowledge base with it in a temp copy (the same checker as `npm run kb:check`), and only if
// nothing is wrong write it atomically and reload the live matcher, so the bot answers at once.
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SLUG } from '../knowledge/articleSchema.js';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import { checkKnowledge } from '../knowledge/loadKnowledge.js';
import { formatProblem } from '../knowledge/problems.js';
import type { Lang } from '../knowledge/types.js';
import { replaceFileDurably } from '../tickets/durableJsonFile.js';
import { addQuestion, ArticleEditError, renderArticle, type NewArticle } from './articleEdit.js';

export type KbResult =
  | { ok: true; id: string }
  | { ok: false; status: 404 | 409 | 422; error: string; problems?: string[] };

export interface KbWriter {
  addQuestion(id: string, lang: Lang, question: string): Promise<KbResult>;
  createArticle(article: NewArticle): Promise<KbResult>;
}

export interface KbWriterDeps {
  knowledgeDir: string;
  live: LiveKnowledge;
  log: (line: string) => void;
}

/** How problems name the file, whatever the folder's real path: knowledge/articles/<id>.md. */
const shownPath = (id: string) => `knowledge/articles/${id}.md`;

export function createKbWriter({ knowledgeDir, live, log }: KbWriterDeps): KbWriter {
  const articlesDir = path.join(knowledgeDir, 'articles');
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  const fileOf = (id: string) => path.join(articlesDir, `${id}.md`);

  /** The problems the knowledge base would have with `text` as article `id`. */
  async function check(id: string, text: string): Promise<string[]> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'staff-kb-'));
    try {
      const copy = path.join(root, 'knowledge');
      await cp(articlesDir, path.join(copy, 'articles'), { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
      await cp(path.join(knowledgeDir, 'synonyms.yaml'), path.join(copy, 'synonyms.yaml'));
      await writeFile(path.join(copy, 'articles', `${id}.md`), text, 'utf8');
      return (await checkKnowledge(copy, { root })).problems.map(formatProblem);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  async function commit(id: string, text: string): Promise<KbResult> {
    const problems = await check(id, text);
    if (problems.length > 0) return { ok: false, status: 422, error: 'kb', problems };
    const file = fileOf(id);
    const mode = (await stat(file).catch(() => undefined))?.mode ?? 0o644;
    await replaceFileDurably(file, text, mode & 0o777);
    const reloaded = await live.reload();
    if (!reloaded.ok) {
      // Only if the folder changed under us between the check and the reload (an edit by hand).
      log(`staff: ${shownPath(id)} was written but the knowledge base did not reload; the bot keeps the previous one`);
      return { ok: false, status: 422, error: 'kb', problems: reloaded.problems.map(formatProblem) };
    }
    return { ok: true, id };
  }

  return {
    addQuestion: (id, lang, question) => serially(async () => {
      if (!SLUG.test(id)) return { ok: false, status: 404, error: 'article not found' };
      let text: string;
      try {
        text = await readFile(fileOf(id), 'utf8');
      } catch (err) {
        if ((err as { code?: unknown }).code === 'ENOENT') return { ok: false, status: 404, error: 'article not found' };
        throw err;
      }
      try {
        return await commit(id, addQuestion(text, lang, question));
      } catch (err) {
        if (!(err instanceof ArticleEditError)) throw err;
        return { ok: false, status: 422, error: 'kb', problems: [`${shownPath(id)}:1: ${err.message}`] };
      }
    }),

    createArticle: (article) => serially(async () => {
      const exists = await stat(fileOf(article.id)).then(() => true, () => false);
      if (exists || live.kb().articles.some((a) => a.id === article.id)) return { ok: false, status: 409, error: 'article id already exists' };
      return commit(article.id, renderArticle(article));
    }),
  };
}
