// GET /api/staff/unanswered: the questions the bot could not answer, grouped, each with the
// matcher's three best articles for its most frequent wording (where staff would add it).
import { z } from 'zod';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import type { UnansweredRecord } from '../tickets/types.js';
import type { StaffContext } from './context.js';
import { guard, json, parse, queryOf } from './http.js';
import { rangeFields, rangeOf } from './timeRange.js';
import { groupUnanswered, type UnansweredGroup } from './unansweredGroups.js';

export const unansweredQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  ...rangeFields,
});

export function groupsOf(records: UnansweredRecord[], live: LiveKnowledge): UnansweredGroup[] {
  return groupUnanswered(records, { synonyms: live.kb().synonyms });
}

export function mountUnansweredApi({ server, store, live, auth, log, timeZone }: StaffContext): void {
  server.get('/api/staff/unanswered', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(unansweredQuery, queryOf(req), 'filter');
    const groups = groupsOf(await store.listUnanswered(rangeOf(query, timeZone)), live).slice(0, query.limit);
    return json({
      groups: groups.map((group) => ({
        ...group,
        suggestions: live.matcher.match(group.question, { fallbackLanguage: group.languages[0] ?? 'fr' }).matches.slice(0, 3),
      })),
    });
  }));
}
