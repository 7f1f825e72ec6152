// Staff edits of the knowledge base, one at a time: build the new files' text, check the whole
// knowledge base with them in a temp copy (the same checker as `npm run kb:check`), and only if
// nothing is wrong write them atomically, reload the live matcher (the bot answers at once) and
// keep the edit in the store's history (who, when, each file before and after) so it can be undone.
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SLUG } from '../knowledge/articleSchema.js';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import { checkKnowledge, sameQuestion } from '../knowledge/loadKnowledge.js';
import { formatProblem } from '../knowledge/problems.js';
import type { Lang } from '../knowledge/types.js';
import { replaceFileDurably } from '../tickets/durableJsonFile.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { KbEdit, KbEditAction, KbFileChange } from '../tickets/types.js';
import { addQuestion, ArticleEditError, removeQuestion, renderArticle, type NewArticle } from './articleEdit.js';

export type KbResult =
  | { ok: true; id: string; edit?: KbEdit }
  | { ok: false; status: 404 | 409 | 422; error: string; problems?: string[]; articleId?: string };

export interface KbWriter {
  /**
   * Adds a question to article `id`. A question that is already another article's is refused
   * (409 naming that article) unless `move` says the agent confirmed moving it here.
   */
  addQuestion(id: string, lang: Lang, question: string, by: string, options?: { move?: boolean }): Promise<KbResult>;
  createArticle(article: NewArticle, by: string): Promise<KbResult>;
  /** Puts back the files an edit changed, if nothing changed them since (else 409). */
  revert(editId: string, by: string): Promise<KbResult>;
}

export interface KbWriterDeps {
  knowledgeDir: string;
  live: LiveKnowledge;
  /** where the history of edits is kept */
  store: Pick<HelpdeskStore, 'recordKbEdit' | 'listKbEdits'>;
  log: (line: string) => void;
}

/** How problems name the file, whatever the folder's real path: knowledge/articles/<id>.md. */
const shownPath = (id: string) => `knowledge/articles/${id}.md`;

interface Edit {
  action: KbEditAction;
  articleId: string;
  summary: string;
  by: string;
  /** the files' new text, null to remove the file */
  files: { articleId: string; text: string | null }[];
  revertOf?: string;
}

export function createKbWriter({ knowledgeDir, live, store, log }: KbWriterDeps): KbWriter {
  const articlesDir = path.join(knowledgeDir, 'articles');
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  const fileOf = (id: string) => path.join(articlesDir, `${id}.md`);
  const current = (id: string): Promise<string | null> =>
    readFile(fileOf(id), 'utf8').catch((err: { code?: unknown }) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });

  /** The problems the knowledge base would have with these files written (or removed). */
  async function check(files: Edit['files']): Promise<string[]> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'staff-kb-'));
    try {
      const copy = path.join(root, 'knowledge');
      await cp(articlesDir, path.join(copy, 'articles'), { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
      await cp(path.join(knowledgeDir, 'synonyms.yaml'), path.join(copy, 'synonyms.yaml'));
      for (const { articleId, text } of files) {
        const file = path.join(copy, 'articles', `${articleId}.md`);
        if (text === null) await rm(file, { force: true });
        else await writeFile(file, text, 'utf8');
      }
      return (await checkKnowledge(copy, { ...live.options, root })).problems.map(formatProblem);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  async function commit(edit: Edit): Promise<KbResult> {
    const problems = await check(edit.files);
    if (problems.length > 0) return { ok: false, status: 422, error: 'kb', problems };
    const changes: KbFileChange[] = [];
    for (const { articleId, text } of edit.files) {
      const file = fileOf(articleId);
      const before = await current(articleId);
      changes.push({ articleId, before, after: text });
      if (text === null) await unlink(file).catch(() => undefined);
      else await replaceFileDurably(file, text, ((await stat(file).catch(() => undefined))?.mode ?? 0o644) & 0o777);
    }
    const reloaded = await live.reload();
    if (!reloaded.ok) {
      // Only if the folder changed under us between the check and the reload (an edit by hand).
      log(`staff: ${edit.files.map((f) => shownPath(f.articleId)).join(', ')} written but the knowledge base did not reload; the bot keeps the previous one`);
      return { ok: false, status: 422, error: 'kb', problems: reloaded.problems.map(formatProblem) };
    }
    // The files are the knowledge base; the history is about them. A history write that fails
    // leaves the edit in place and says so in the log (the edit cannot be undone from the console).
    try {
      const kept = await store.recordKbEdit({
        id: randomUUID(), by: edit.by, action: edit.action, articleId: edit.articleId, summary: edit.summary, changes,
        ...(edit.revertOf ? { revertOf: edit.revertOf } : {}),
      });
      return { ok: true, id: edit.articleId, edit: kept };
    } catch (err) {
      log(`staff: the edit of ${shownPath(edit.articleId)} was made but not kept in the history: ${(err as Error).message}`);
      return { ok: true, id: edit.articleId };
    }
  }

  /** The other article that has this question, if any. */
  function ownerOf(lang: Lang, question: string, except: string): string | undefined {
    const key = sameQuestion(question);
    return live.kb().articles.find((a) => a.id !== except && a.questions[lang].some((q) => sameQuestion(q) === key))?.id;
  }

  /** The edited text, or the edit's problem as a 422 naming the file. */
  function edited(id: string, make: () => string): string | KbResult {
    try {
      return make();
    } catch (err) {
      if (!(err instanceof ArticleEditError)) throw err;
      return { ok: false, status: 422, error: 'kb', problems: [`${shownPath(id)}:1: ${err.message}`] };
    }
  }

  return {
    addQuestion: (id, lang, question, by, options = {}) => serially(async () => {
      if (!SLUG.test(id)) return { ok: false, status: 404, error: 'article not found' };
      const text = await current(id);
      if (text === null) return { ok: false, status: 404, error: 'article not found' };
      const owner = ownerOf(lang, question, id);
      if (owner && !options.move) return { ok: false, status: 409, error: 'question belongs to another article', articleId: owner };
      const files: Edit['files'] = [];
      if (owner) {
        const from = await current(owner);
        const removed = from === null ? from : edited(owner, () => removeQuestion(from, lang, question));
        if (typeof removed !== 'string') return removed ?? { ok: false, status: 409, error: 'question belongs to another article', articleId: owner };
        files.push({ articleId: owner, text: removed });
      }
      const added = edited(id, () => addQuestion(text, lang, question));
      if (typeof added !== 'string') return added;
      return commit({
        action: owner ? 'move-question' : 'add-question',
        articleId: id,
        summary: owner ? `${lang}: "${question}" (from ${owner})` : `${lang}: "${question}"`,
        by,
        files: [...files, { articleId: id, text: added }],
      });
    }),

    createArticle: (article, by) => serially(async () => {
      const exists = (await current(article.id)) !== null;
      if (exists || live.kb().articles.some((a) => a.id === article.id)) return { ok: false, status: 409, error: 'article id already exists' };
      return commit({ action: 'create-article', articleId: article.id, summary: article.title.fr || article.title.en, by, files: [{ articleId: article.id, text: renderArticle(article) }] });
    }),

    revert: (editId, by) => serially(async () => {
      const edit = (await store.listKbEdits()).find((e) => e.id === editId);
      if (!edit) return { ok: false, status: 404, error: 'edit not found' };
      for (const change of edit.changes) {
        if ((await current(change.articleId)) !== change.after) {
          return { ok: false, status: 409, error: 'article changed since this edit', articleId: change.articleId };
        }
      }
      return commit({
        action: 'revert',
        articleId: edit.articleId,
        summary: edit.summary,
        by,
        revertOf: edit.id,
        files: edit.changes.map((c) => ({ articleId: c.articleId, text: c.before })),
      });
    }),
  };
}
