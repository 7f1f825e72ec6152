// Conversations as the bot saw them: search (text, reference, time) and one conversation in full.
// The search reads every transcript file (one per conversation): fine for thousands of
// conversations; a database backend would index the text instead.
import { z } from 'zod';
import { scanTranscripts } from '../tickets/transcriptScan.js';
import type { StaffContext } from './context.js';
import { guard, json, notFound, paramOf, parse, queryOf } from './http.js';
import { rangeFields, rangeOf, type Range } from './timeRange.js';
import { messageOf, summarise, type ConversationSummary, type TranscriptMessage } from './transcriptView.js';

const DAY_MS = 24 * 3600_000;

const searchQuery = z.object({
  q: z.string().max(200).optional(),
  reference: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  ...rangeFields,
});

function overlaps(summary: ConversationSummary, range: Range): boolean {
  return (!range.from || Date.parse(summary.lastAt) >= range.from.getTime())
    && (!range.to || Date.parse(summary.firstAt) < range.to.getTime());
}

export function mountTranscriptsApi({ server, store, auth, log, timeZone, dataDir }: StaffContext): void {
  server.get('/api/staff/transcripts', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(searchQuery, queryOf(req), 'search');
    const range = rangeOf(query, timeZone);
    const found: ConversationSummary[] = [];
    const keep = (id: string, entries: Parameters<typeof summarise>[1]) => {
      const summary = summarise(id, entries, query.q);
      if (summary && overlaps(summary, range)) found.push(summary);
    };
    if (query.reference?.trim()) {
      const request = await store.findByReference(query.reference);
      if (request) keep(request.conversationId, await store.transcript(request.conversationId));
    } else {
      for await (const t of scanTranscripts(dataDir, (file, problem) => log(`staff: skipped transcript ${file}: ${problem}`))) keep(t.conversationId, t.entries);
    }
    found.sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt));
    return json({ conversations: found.slice(0, query.limit) });
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
    return json({ conversationId, entries, requests });
  }));
}
