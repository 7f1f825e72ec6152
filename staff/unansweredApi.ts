// GET /api/staff/unanswered: the questions the bot could not answer, grouped (the same question in
// French and English together, through the article both are about), each with the matcher's three
// best articles for its most frequent wording (where staff would add it).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LiveKnowledge } from '../knowledge/liveKnowledge.js';
import type { MatchedArticle } from '../knowledge/matcher.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { TimeRange, UnansweredRecord } from '../tickets/types.js';
import type { UnansweredPage } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { guard, json, parse, queryOf } from './http.js';
import { rangeFields, rangeOf } from './timeRange.js';
import { confidentArticle, mergeByArticle } from './unansweredByArticle.js';
import { groupUnanswered, type UnansweredGroup } from './unansweredGroups.js';

export const unansweredQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  ...rangeFields,
});

// The inbox, the dashboard and the export group the same records again and again, while new ones
// arrive a few a minute: the last grouping is kept, for the same records and knowledge base.
let lastGrouping: { kb: KnowledgeBase; signature: string; groups: UnansweredGroup[] } | undefined;

function grouped(signature: string, live: LiveKnowledge, records: () => UnansweredRecord[] | Promise<UnansweredRecord[]>): UnansweredGroup[] | Promise<UnansweredGroup[]> {
  const kb = live.kb();
  if (lastGrouping?.kb === kb && lastGrouping.signature === signature) return lastGrouping.groups;
  const articleOf = (question: string, lang: Lang) => confidentArticle(suggestionsFor(live, question, lang), live.matcher.thresholds);
  const group = (list: UnansweredRecord[]) =>
    (lastGrouping = { kb, signature, groups: mergeByArticle(groupUnanswered(list, { synonyms: kb.synonyms }), articleOf) }).groups;
  const list = records();
  return Array.isArray(list) ? group(list) : list.then(group);
}

/** The groups of records already read (the dashboard reads them for its other figures). */
export function groupsOf(records: UnansweredRecord[], live: LiveKnowledge): UnansweredGroup[] {
  // Whether they changed is told by a hash of what grouping reads (a millisecond for thousands).
  const hash = createHash('sha1');
  for (const r of records) hash.update(`${r.at}\u0000${r.language}\u0000${r.kind}\u0000${r.question}\u0001`);
  return grouped(`records ${records.length}|${hash.digest('hex')}`, live, () => records) as UnansweredGroup[];
}

/**
 * The groups of a range, read only when the store's version of the range changed: at 100,000
 * conversations reading every unanswered question of a month costs more than the page may.
 */
export async function groupsIn(store: Pick<HelpdeskStore, 'listUnanswered' | 'unansweredVersion'>, range: TimeRange, live: LiveKnowledge): Promise<UnansweredGroup[]> {
  const version = await store.unansweredVersion(range);
  return grouped(`range ${JSON.stringify(range)}|${version}`, live, () => store.listUnanswered(range));
}

// The matcher's three best articles for a group's wording, per knowledge base (a reload changes them).
const suggestionCache = new WeakMap<KnowledgeBase, Map<string, readonly MatchedArticle[]>>();

function suggestionsFor(live: LiveKnowledge, question: string, lang: Lang): readonly MatchedArticle[] {
  const kb = live.kb();
  let cache = suggestionCache.get(kb);
  if (!cache) suggestionCache.set(kb, (cache = new Map()));
  const key = `${lang}\u0000${question}`;
  let found = cache.get(key);
  if (!found) {
    found = live.matcher.match(question, { fallbackLanguage: lang }).matches.slice(0, 3);
    if (cache.size >= 20_000) cache.clear();
    cache.set(key, found);
  }
  return found;
}

export function mountUnansweredApi({ server, store, live, auth, log, timeZone }: StaffContext): void {
  server.get('/api/staff/unanswered', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(unansweredQuery, queryOf(req), 'filter');
    const all = await groupsIn(store, rangeOf(query, timeZone), live);
    const groups = all.slice(query.offset, query.offset + query.limit);
    return json({
      total: all.length,
      groups: groups.map((group) => ({
        ...group,
        suggestions: suggestionsFor(live, group.question, group.languages[0] ?? 'fr'),
      })),
    } satisfies UnansweredPage);
  }));
}
