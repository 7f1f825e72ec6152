// The help centre: article pages at /help/{fr|en}/{id}, an index by category at /help/{fr|en}/,
// a search answered by the bot's own matcher, and "was this article helpful?". Rendered on the
// server from the live knowledge base (staff edits included), so the pages need no script. What
// readers do goes through the store beside the chat's records (source 'help-page'), so the
// dashboard counts both. Handlers follow the staff API's guard → Reply seam.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import { z } from 'zod';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import { LANGS, type Lang } from '../knowledge/types.js';
import { bodyOf, guard, HttpError, paramOf, parse, queryOf, type Reply } from '../staff/http.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import { HELP_PAGE_CONVERSATION } from '../tickets/types.js';
import { clientIp } from '../bot/clientAddress.js';
import type { TrafficLimiter } from '../bot/trafficLimits.js';
import { renderArticle, renderIndex, renderNotFound, renderSearch, renderTooMany } from './help/renderPages.js';
import { searchOutcome } from './help/search.js';
import { contentSecurityPolicy } from './site.js';
import { fileSender } from './staticFiles.js';

const HELP_CSS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'help.css');

export interface HelpPagesDeps {
  live: Pick<LiveKnowledge, 'kb' | 'matcher'>;
  store: Pick<HelpdeskStore, 'recordAnswerShown' | 'recordFeedback' | 'recordUnanswered'>;
  /** the public address (PUBLIC_URL) for canonical links; relative links without it */
  origin?: string;
  /** searches and feedback per client address (absent: unlimited) */
  limits?: Pick<TrafficLimiter, 'help'>;
  /** believe X-Forwarded-For from a reverse proxy on loopback or the private network */
  trustProxy?: boolean;
  log: (line: string, err?: unknown) => void;
}

/**
 * The website's policy, with forms posting to this site (the feedback form, the search) and no
 * script at all: these pages have none, so none may run.
 */
export const HELP_CSP = contentSecurityPolicy({ embedOrigins: [], connectOrigins: [] }, 'self', true)
  .replace("script-src 'self'", "script-src 'none'");

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': HELP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const html = (body: string, status = 200): Reply => ({ status, body, headers: HTML_HEADERS });
const redirect = (location: string, status = 302): Reply => ({ status, body: '', headers: { Location: location } });

const feedbackSchema = z.object({
  helpful: z.enum(['yes', 'no']),
  missing: z.string().max(1000).optional(),
});

function langOf(req: restify.Request): Lang {
  const lang = paramOf(req, 'lang');
  if (!(LANGS as readonly string[]).includes(lang)) throw new HttpError(404, { error: 'no such language' });
  return lang as Lang;
}

/** French unless the browser prefers English first. */
function preferredLang(req: restify.Request): Lang {
  const first = String(req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}

export function mountHelpPages(server: restify.Server, deps: HelpPagesDeps): void {
  const { live, store } = deps;
  const origin = deps.origin ?? '';
  const log = (line: string) => deps.log(line);
  const articleOf = (id: string) => live.kb().articles.find((a) => a.id === id);
  /** Each search runs the matcher and may write a record: a client address gets so many a minute. */
  const limited = async (req: restify.Request, lang: Lang): Promise<Reply | undefined> => {
    if (!deps.limits) return undefined;
    const allowed = await deps.limits.help(clientIp(req, deps.trustProxy ?? false));
    if (allowed.ok) return undefined;
    return { status: 429, body: renderTooMany(lang, allowed.retryAfterSeconds, origin), headers: { ...HTML_HEADERS, 'Retry-After': String(allowed.retryAfterSeconds) } };
  };

  // The pages' own styles, beside site.css (the website's fixed list of files is another module's).
  const sendFile = fileSender({ 'X-Content-Type-Options': 'nosniff' }, 'help centre', deps.log);
  server.get('/assets/help.css', async (_req: restify.Request, res: restify.Response) => sendFile(res, HELP_CSS, { 'Cache-Control': 'no-cache' }));

  server.get('/help', guard(log, async (req) => redirect(`/help/${preferredLang(req)}/`)));
  server.get('/help/', guard(log, async (req) => redirect(`/help/${preferredLang(req)}/`)));
  server.get('/help/:lang', guard(log, async (req) => redirect(`/help/${langOf(req)}/`, 301)));
  server.get('/help/:lang/', guard(log, async (req) => html(renderIndex(live.kb().articles, langOf(req), origin))));

  // The home page's search box: the language typed, if the matcher can tell, picks the pages'.
  server.get('/help/search', guard(log, async (req) => {
    const query = (queryOf(req).q ?? '').slice(0, 200);
    const detected = live.matcher.detectLanguage(query, preferredLang(req));
    return redirect(`/help/${detected.reliable ? detected.lang : preferredLang(req)}/search?q=${encodeURIComponent(query)}`);
  }));
  server.get('/help/:lang/search', guard(log, async (req) => {
    const lang = langOf(req);
    const refused = await limited(req, lang);
    if (refused) return refused;
    const query = (queryOf(req).q ?? '').slice(0, 200);
    const result = live.matcher.match(query, { fallbackLanguage: lang });
    const outcome = searchOutcome(result, live.matcher.thresholds, articleOf);
    // A fruitless search is a question the knowledge base lacks: staff see it with the chat's.
    if (outcome.kind === 'nothing') {
      await store.recordUnanswered({ conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', question: query.trim(), language: result.language, kind: 'none', topMatches: result.matches.map((m) => ({ id: m.id, score: m.score })) });
    }
    return html(renderSearch(query, outcome, lang, origin));
  }));

  server.get('/help/:lang/:id', guard(log, async (req) => {
    const lang = langOf(req);
    const article = articleOf(paramOf(req, 'id'));
    if (!article) return html(renderNotFound(lang, origin), 404);
    const said = queryOf(req).feedback;
    // The page after the feedback form's redirect is the same reading, not a second view.
    if (said === undefined) await store.recordAnswerShown({ conversationId: HELP_PAGE_CONVERSATION, source: 'help-page', articleId: article.id, confidence: 1, language: lang, question: '' });
    const feedback = said === 'thanks' || said === 'missing' ? said : undefined;
    return html(renderArticle({ article, all: live.kb().articles, lang, ...(feedback ? { feedback } : {}), origin }));
  }));

  server.post('/help/:lang/:id/feedback', guard(log, async (req) => {
    const lang = langOf(req);
    const refused = await limited(req, lang);
    if (refused) return refused;
    const article = articleOf(paramOf(req, 'id'));
    if (!article) return html(renderNotFound(lang, origin), 404);
    const form = parse(feedbackSchema, bodyOf(req), 'feedback');
    const missing = form.missing?.trim();
    await store.recordFeedback({
      conversationId: HELP_PAGE_CONVERSATION,
      source: 'help-page',
      articleId: article.id,
      helpful: form.helpful === 'yes',
      ...(form.helpful === 'no' && missing ? { missing } : {}),
      language: lang,
      question: '',
    });
    // Post/redirect/get: a reload does not send the feedback twice.
    return redirect(`/help/${lang}/${article.id}?feedback=${missing && form.helpful === 'no' ? 'missing' : 'thanks'}#feedback`, 303);
  }));
}
