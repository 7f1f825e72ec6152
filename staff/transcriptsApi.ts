// Conversations as the bot saw them: search (text, reference, time) and one conversation in full.
// The store searches and pages (an index in memory for the embedded store), so a search reads no file.
import { z } from 'zod';
import type { Transcript, TranscriptsPage } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { guard, json, notFound, paramOf, parse, queryOf } from './http.js';
import { rangeFields, rangeOf, type Range } from './timeRange.js';
import { messageOf, summarise, type ConversationSummary, type TranscriptMessage } from './transcriptView.js';

const DAY_MS = 24 * 3600_000;

const searchQuery = z.object({
  q: z.string().max(200).optional(),
  reference: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  ...rangeFields,
});

function overlaps(summary: ConversationSummary, range: Range): boolean {
  return (!range.from || Date.parse(summary.lastAt) >= range.from.getTime())
    && (!range.to || Date.parse(summary.firstAt) < range.to.getTime());
}

export function mountTranscriptsApi({ server, store, auth, log, timeZone }: StaffContext): void {
  server.get('/api/staff/transcripts', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(searchQuery, queryOf(req), 'search');
    const range = rangeOf(query, timeZone);
    if (query.reference?.trim()) {
      const request = await store.findByReference(query.reference);
      const summary = request && summarise(request.conversationId, await store.transcript(request.conversationId), query.q);
      const found = summary && overlaps(summary, range) ? [summary] : [];
      return json({ conversations: found, total: found.length } satisfies TranscriptsPage);
    }
    const page = await store.searchTranscripts({ ...range, ...(query.q ? { q: query.q } : {}), offset: query.offset, limit: query.limit });
    return json({ conversations: page.conversations, total: page.total } satisfies TranscriptsPage);
  }));

  server.get('/api/staff/transcripts/:conversationId', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const conversationId = paramOf(req, 'conversationId');
    const stored = await store.transcript(conversationId);
    if (stored.length === 0) throw notFound('conversation');
    const entries = stored.map(messageOf).filter((m): m is TranscriptMessage => m !== undefined);
    const times = stored.map((e) => Date.parse(e.at));
    // A request is created during its conversation: only the months around it need reading.
    const near = await store.listRequests({ from: new Date(Math.min(...times) - DAY_MS), to: new Date(Math.max(...times) + DAY_MS) });
    const requests = near.filter((r) => r.conversationId === conversationId).map((r) => r.reference).reverse();
    return json({ conversationId, entries, requests } satisfies Transcript);
  }));
}
