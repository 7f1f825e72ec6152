// GET /api/staff/dashboard?from&to[&lang]: the figures of dashboard.ts over a range (default: the
// last 30 days). `lang` (fr|en, default fr) picks the language of article titles.
import { z } from 'zod';
import type { Dashboard } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { computeDashboard } from './dashboard.js';
import { guard, HttpError, json, parse, queryOf } from './http.js';
import { rangeFields, rangeOf } from './timeRange.js';
import { groupsOf } from './unansweredApi.js';

const DAY_MS = 24 * 3600_000;
const MAX_DAYS = 400;

const dashboardQuery = z.object({ lang: z.enum(['fr', 'en']).default('fr'), ...rangeFields });

export function mountDashboardApi({ server, store, live, auth, log, now, timeZone }: StaffContext): void {
  server.get('/api/staff/dashboard', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(dashboardQuery, queryOf(req), 'range');
    const asked = rangeOf(query, timeZone);
    const to = asked.to ?? now();
    const from = asked.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from.getTime() >= to.getTime()) throw new HttpError(400, { error: 'bad range: from must be before to' });
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new HttpError(400, { error: `bad range: at most ${MAX_DAYS} days` });
    const range = { from, to };
    const [requests, feedback, unanswered, answers] = await Promise.all([
      store.listRequests(range), store.listFeedback(range), store.listUnanswered(range), store.listAnswersShown(range),
    ]);
    const titleOf = (id: string) => live.matcher.article(id)?.title[query.lang] ?? id;
    const topUnanswered = groupsOf(unanswered, live).slice(0, 10).map((g) => ({ question: g.question, count: g.count }));
    return json(computeDashboard({ range, timeZone, requests, feedback, unanswered, answers, titleOf, topUnanswered }) satisfies Dashboard);
  }));
}
