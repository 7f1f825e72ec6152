// Tickets and callbacks: list with filters, one by reference, change of status (agent+). The bot's
// "where is my ticket" reads the same store, so a change here is what the customer is told.
import { z } from 'zod';
import { REQUEST_STATUSES, SUPPORT_LEVELS, type RequestFilter } from '../tickets/types.js';
import type { StaffContext } from './context.js';
import { bodyOf, guard, json, notFound, paramOf, parse, queryOf } from './http.js';
import { rangeFields, rangeOf } from './timeRange.js';


export const requestFilterQuery = z.object({
  kind: z.enum(['ticket', 'callback']).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  level: z.coerce.number().pipe(z.literal(SUPPORT_LEVELS)).optional(),
  language: z.enum(['fr', 'en']).optional(),
  ...rangeFields,
});

export function requestFilterOf(query: z.output<typeof requestFilterQuery>, timeZone: string): RequestFilter {
  const { kind, status, level, language } = query;
  return {
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(level ? { level } : {}),
    ...(language ? { language } : {}),
    ...rangeOf(query, timeZone),
  };
}

const statusBody = z.object({
  status: z.enum(REQUEST_STATUSES, { error: `status must be one of ${REQUEST_STATUSES.join(', ')}` }),
  note: z.string().trim().max(2000).optional(),
});

const pageQuery = requestFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function mountRequestsApi({ server, store, auth, log, timeZone, audit }: StaffContext): void {
  // A page at a time (newest first), with the total, so the inbox stays fast with years of requests.
  server.get('/api/staff/requests', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(pageQuery, queryOf(req), 'filter');
    const page = await store.pageRequests(requestFilterOf(query, timeZone), { offset: query.offset, limit: query.limit });
    return json({ requests: page.requests, total: page.total, offset: query.offset, limit: query.limit });
  }));

  server.get('/api/staff/requests/:reference', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const request = await store.findByReference(paramOf(req, 'reference'));
    if (!request) throw notFound('request');
    return json({ request });
  }));

  server.post('/api/staff/requests/:reference/status', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const { status, note } = parse(statusBody, bodyOf(req), 'status change');
    const request = await store.updateStatus(paramOf(req, 'reference'), status, note || undefined, principal.email);
    if (!request) throw notFound('request');
    await audit(req, principal, 'request-status-changed', request.reference, status);
    log(`staff: ${principal.email} set ${request.reference} to ${status}`);
    return json({ request });
  }));
}

