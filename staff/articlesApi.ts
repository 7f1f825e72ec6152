// Knowledge base edits from the console: search articles, add a question to one (agent+), create
// one (agent+), read the history of edits (viewer+) and revert one (agent+). Every write is
// checked by the KB checker first (422 with file:line problems); a question that is another
// article's is refused with 409 naming it, and moved only when the agent sends `move: true`.
import { z } from 'zod';
import { SLUG } from '../knowledge/articleSchema.js';
import type { ArticleCreated, ArticleList, EditReverted, KbHistory, QuestionAdded } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { bodyOf, guard, HttpError, json, paramOf, parse, queryOf } from './http.js';
import { searchArticles } from './articleSearch.js';
import type { KbResult } from './kbWriter.js';

const lang = z.enum(['fr', 'en']);
// Shapes only: whether a title is empty or there are enough questions is the KB checker's to say
// (422 with file:line problems), so the console shows the same messages as `npm run kb:check`.
const line = z.string().trim().max(300).regex(/^[^\r\n]*$/, 'must be a single line');
const bilingual = <T extends z.ZodType>(schema: T) => z.object({ fr: schema, en: schema });
const slug = z.string().regex(SLUG, "must be lower-case letters, digits and single dashes, like 'reset-password'").max(80);

const searchQuery = z.object({ q: z.string().max(200).optional(), lang: lang.optional() });
const questionBody = z.object({ question: line.min(1), lang, move: z.boolean().default(false) });
const historyQuery = z.object({ article: slug.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const articleBody = z.object({
  id: slug,
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  title: bilingual(line),
  questions: bilingual(z.array(line).max(200)),
  answer: bilingual(z.string().trim().max(20_000)),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  related: z.array(slug).max(20).default([]),
});

function answer(result: KbResult, ok: { status: number; body: unknown }) {
  if (result.ok) return json(ok.body, ok.status);
  throw new HttpError(result.status, {
    error: result.error,
    ...(result.problems ? { problems: result.problems } : {}),
    ...(result.articleId ? { article: { id: result.articleId } } : {}),
  });
}

export function mountArticlesApi({ server, live, auth, log, kb, store, audit }: StaffContext): void {
  server.get('/api/staff/articles', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(searchQuery, queryOf(req), 'search');
    return json({ articles: searchArticles(live.kb(), query.q, query.lang) } satisfies ArticleList);
  }));

  server.post('/api/staff/articles/:id/questions', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const body = parse(questionBody, bodyOf(req), 'question');
    const id = paramOf(req, 'id');
    const result = await kb.addQuestion(id, body.lang, body.question, principal.email, { move: body.move });
    if (result.ok) log(`staff: ${principal.email} ${result.edit?.action === 'move-question' ? 'moved' : 'added'} a ${body.lang} question to ${id}`);
    if (result.ok) await audit(req, principal, 'knowledge-edited', id, `${result.edit?.action ?? 'add-question'} (${body.lang})`);
    return answer(result, { status: 200, body: { article: { id }, reloaded: true } satisfies QuestionAdded });
  }));

  server.post('/api/staff/articles', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const article = parse(articleBody, bodyOf(req), 'article');
    const result = await kb.createArticle(article, principal.email);
    if (result.ok) log(`staff: ${principal.email} created article ${article.id}`);
    if (result.ok) await audit(req, principal, 'knowledge-edited', article.id, 'create-article');
    return answer(result, { status: 201, body: { article: { id: article.id } } satisfies ArticleCreated });
  }));

  // Newest first; each edit with its files before and after, so the console can show the change.
  server.get('/api/staff/articles/history', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(historyQuery, queryOf(req), 'history');
    const edits = (await store.listKbEdits()).filter((e) => !query.article || e.changes.some((c) => c.articleId === query.article));
    const reverted = new Set(edits.flatMap((e) => (e.revertOf ? [e.revertOf] : [])));
    return json({ edits: edits.slice(0, query.limit).map((e) => ({ ...e, reverted: reverted.has(e.id) })), total: edits.length } satisfies KbHistory);
  }));

  server.post('/api/staff/articles/history/:edit/revert', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const editId = paramOf(req, 'edit');
    const result = await kb.revert(editId, principal.email);
    if (result.ok) log(`staff: ${principal.email} reverted knowledge edit ${editId} (${result.id})`);
    if (result.ok) await audit(req, principal, 'knowledge-edited', result.id, `revert of edit ${editId}`);
    return answer(result, { status: 200, body: { article: { id: result.ok ? result.id : '' }, edit: result.ok ? result.edit : undefined, reloaded: true } satisfies EditReverted });
  }));
}
