// Staff edits of the knowledge base, one at a time: build the new articles' text, check the whole
// knowledge base with them in a worker thread (the same checker as `npm run kb:check`), and only
// if nothing is wrong keep the edit in the store, after the last edit kept (who, when, each article
// before and after: the history, and what every instance lays over the bundled files), then train
// the new matcher in the worker and swap it in. Another instance's edit kept first means this one
// is made again on top of it.
import { randomUUID } from 'node:crypto';
import { SLUG } from '../knowledge/articleSchema.js';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import { sameQuestion, withEdit } from '../knowledge/loadKnowledge.js';
import { formatProblem } from '../knowledge/problems.js';
import type { Lang } from '../knowledge/types.js';
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
  live: LiveKnowledge;
  /** where the edits are kept */
  store: Pick<HelpdeskStore, 'recordKbEdit' | 'listKbEdits'>;
  log: (line: string) => void;
}

/** How problems name the file, whatever the folder's real path: knowledge/articles/<id>.md. */
const shownPath = (id: string) => `knowledge/articles/${id}.md`;

/** Times an edit is made again on top of another instance's before the agent is asked to retry. */
const ATTEMPTS = 3;

interface Edit {
  action: KbEditAction;
  articleId: string;
  summary: string;
  by: string;
  /** the articles' new text, null to remove the article */
  files: { articleId: string; text: string | null }[];
  revertOf?: string;
}

type Conflict = { ok: false; status: 409; error: string; articleId?: string };

export function createKbWriter({ live, store, log }: KbWriterDeps): KbWriter {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  const current = (id: string): string | null => live.text(id);

  /**
   * Makes the edit `make` describes on the live knowledge base, made again on top of another
   * instance's edit when that one was kept first.
   */
  async function attempt(make: () => Edit | KbResult): Promise<KbResult> {
    for (let i = 0; i < ATTEMPTS; i++) {
      const reloaded = await live.reload();
      if (!reloaded.ok) return { ok: false, status: 422, error: 'kb', problems: reloaded.problems.map(formatProblem) };
      const edit = make();
      if (!('action' in edit)) return edit;
      const result = await commit(edit);
      if (result !== 'conflict') return result;
    }
    return { ok: false, status: 409, error: 'knowledge base changed meanwhile' } satisfies Conflict;
  }

  async function commit(edit: Edit): Promise<KbResult | 'conflict'> {
    const base = live.edits();
    const id = randomUUID();
    const changes: KbFileChange[] = edit.files.map(({ articleId, text }) => ({ articleId, before: current(articleId), after: text }));
    const next = withEdit(base, { id, changes });
    // Checked, kept, then trained: the other instances hear of the edit as soon as it is kept and
    // train at the same time as this one, instead of after it.
    const checked = await live.check(next);
    if (!checked.ok) return { ok: false, status: 422, error: 'kb', problems: checked.problems.map(formatProblem) };
    const kept = await store.recordKbEdit({
      id, by: edit.by, action: edit.action, articleId: edit.articleId, summary: edit.summary, changes,
      ...(edit.revertOf ? { revertOf: edit.revertOf } : {}),
    }, base.head);
    if (kept === 'conflict') {
      log(`staff: another instance changed the knowledge base while ${shownPath(edit.articleId)} was edited; editing again on top of it`);
      return 'conflict';
    }
    const prepared = await live.prepare(next);
    // Only if the bundled folder changed between the check and the training (an edit by hand).
    if (!prepared.ok) log(`staff: the edit of ${shownPath(edit.articleId)} was kept but the knowledge base no longer passes the checker (${prepared.problems.map(formatProblem).join('; ')}); the bot keeps the previous one`);
    else live.adopt(prepared);
    return { ok: true, id: edit.articleId, edit: kept };
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
    addQuestion: (id, lang, question, by, options = {}) => serially(() => attempt(() => {
      if (!SLUG.test(id)) return { ok: false, status: 404, error: 'article not found' };
      const text = current(id);
      if (text === null) return { ok: false, status: 404, error: 'article not found' };
      const owner = ownerOf(lang, question, id);
      if (owner && !options.move) return { ok: false, status: 409, error: 'question belongs to another article', articleId: owner };
      const files: Edit['files'] = [];
      if (owner) {
        const from = current(owner);
        const removed = from === null ? from : edited(owner, () => removeQuestion(from, lang, question));
        if (typeof removed !== 'string') return removed ?? { ok: false, status: 409, error: 'question belongs to another article', articleId: owner };
        files.push({ articleId: owner, text: removed });
      }
      const added = edited(id, () => addQuestion(text, lang, question));
      if (typeof added !== 'string') return added;
      return {
        action: owner ? 'move-question' : 'add-question',
        articleId: id,
        summary: owner ? `${lang}: "${question}" (from ${owner})` : `${lang}: "${question}"`,
        by,
        files: [...files, { articleId: id, text: added }],
      };
    })),

    createArticle: (article, by) => serially(() => attempt(() => {
      if (current(article.id) !== null || live.kb().articles.some((a) => a.id === article.id)) return { ok: false, status: 409, error: 'article id already exists' };
      return { action: 'create-article', articleId: article.id, summary: article.title.fr || article.title.en, by, files: [{ articleId: article.id, text: renderArticle(article) }] };
    })),

    revert: (editId, by) => serially(async () => {
      const edit = (await store.listKbEdits()).find((e) => e.id === editId);
      if (!edit) return { ok: false, status: 404, error: 'edit not found' };
      return attempt(() => {
        const changed = edit.changes.find((change) => current(change.articleId) !== change.after);
        if (changed) return { ok: false, status: 409, error: 'article changed since this edit', articleId: changed.articleId };
        return {
          action: 'revert',
          articleId: edit.articleId,
          summary: edit.summary,
          by,
          revertOf: edit.id,
          files: edit.changes.map((c) => ({ articleId: c.articleId, text: c.before })),
        };
      });
    }),
  };
}
