// Tickets and callbacks: list with filters and text search, one by reference (viewer+); change of
// status, reply to the customer or internal note, owner and priority (agent+). Each change is kept
// with its event (the store's outbox): the customer is told by mail and in their conversation
// after the write, and a failed notification never fails the change. The bot's "where is my
// ticket" reads the same store.
import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../tickets/requestChanges.js';
import { REQUEST_PRIORITIES, REQUEST_STATUSES, SUPPORT_LEVELS, type HelpdeskRequest, type RequestFilter } from '../tickets/types.js';
import { filesOfRequest } from '../tickets/attachments.js';
import type { Assignees, RequestAnswer, RequestsPage, RequestView } from '../web/apiTypes.js';
import { downloadHeaders } from '../web/fileDownload.js';
import type { StaffContext } from './context.js';
import { bodyOf, guard, HttpError, json, notFound, paramOf, parse, queryOf } from './http.js';
import { byDue, dueOf, ranked } from './requestDue.js';
import { rangeFields, rangeOf } from './timeRange.js';

/** What staff still have to do: the inbox's default. */
const TO_DO = ['open', 'in-progress'] as const;

export const requestFilterQuery = z.object({
  kind: z.enum(['ticket', 'callback']).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  /** true: open or in progress */
  todo: z.enum(['true', 'false']).optional(),
  level: z.coerce.number().pipe(z.literal(SUPPORT_LEVELS)).optional(),
  language: z.enum(['fr', 'en']).optional(),
  /** 'me', 'none' or a staff email */
  assignee: z.string().trim().toLowerCase().max(320).optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  q: z.string().trim().max(200).optional(),
  ...rangeFields,
});

export function requestFilterOf(query: z.output<typeof requestFilterQuery>, timeZone: string, me?: string): RequestFilter {
  const { kind, status, todo, level, language, assignee, priority, q } = query;
  return {
    ...(kind ? { kind } : {}),
    ...(status ? { status } : todo === 'true' ? { statuses: TO_DO } : {}),
    ...(level ? { level } : {}),
    ...(language ? { language } : {}),
    ...(assignee ? { assignee: assignee === 'none' ? null : assignee === 'me' ? (me ?? 'me') : assignee } : {}),
    ...(priority ? { priority } : {}),
    ...(q ? { q } : {}),
    ...rangeOf(query, timeZone),
  };
}

const statusBody = z.object({
  status: z.enum(REQUEST_STATUSES, { error: `status must be one of ${REQUEST_STATUSES.join(', ')}` }),
  note: z.string().trim().max(MAX_MESSAGE_CHARS).optional(),
  /** the note is for the customer too (told by mail and chat with the change) */
  public: z.boolean().optional(),
});

const replyBody = z.object({
  text: z.string().trim().min(1, 'the reply is empty').max(MAX_MESSAGE_CHARS, `a reply holds at most ${MAX_MESSAGE_CHARS} characters`),
  visibility: z.enum(['public', 'internal'], { error: "visibility must be 'public' (the customer is told) or 'internal' (staff only)" }),
});

const assigneeBody = z.object({
  /** 'me', a staff email, or null for nobody */
  assignee: z.string().trim().toLowerCase().max(320).nullable(),
});

const priorityBody = z.object({ priority: z.enum(REQUEST_PRIORITIES, { error: `priority must be one of ${REQUEST_PRIORITIES.join(', ')}` }) });

const pageQuery = requestFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** newest first, or most urgent first (not answered, by due time) */
  sort: z.enum(['newest', 'due']).default('newest'),
  /** only those whose first reply is late and still missing */
  overdue: z.enum(['true', 'false']).optional(),
});

export function mountRequestsApi({ server, store, auth, log, timeZone, audit, accounts, now, dueRules }: StaffContext): void {
  const withDue = (request: HelpdeskRequest): RequestView => ({ ...request, due: dueOf(request, dueRules, now()) });

  // A page at a time, with the total, so the inbox stays fast with years of requests. Sorted by due
  // time, the matching requests are ranked here (due times follow the configured business hours).
  server.get('/api/staff/requests', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'viewer');
    const query = parse(pageQuery, queryOf(req), 'filter');
    const filter = requestFilterOf(query, timeZone, principal.email);
    if (query.sort === 'due' || query.overdue === 'true') {
      // Ranked on what due times need (not whole requests), then only the page's requests are read.
      const at = now();
      const every = (await store.summarizeRequests(filter)).map((request) => ranked(request, dueRules, at));
      const all = (query.overdue === 'true' ? every.filter((r) => r.due.state === 'overdue') : every).sort(query.sort === 'due' ? byDue : () => 0);
      const page = await Promise.all(all.slice(query.offset, query.offset + query.limit).map(async ({ request, due }) => {
        const whole = await store.findByReference(request.reference);
        return whole && { ...whole, due };
      }));
      return json({ requests: page.filter((r) => r !== undefined), total: all.length, offset: query.offset, limit: query.limit } satisfies RequestsPage);
    }
    const page = await store.pageRequests(filter, { offset: query.offset, limit: query.limit });
    return json({ requests: page.requests.map(withDue), total: page.total, offset: query.offset, limit: query.limit } satisfies RequestsPage);
  }));

  // Who a request can be given to: active agents and admins.
  server.get('/api/staff/assignees', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const owners = (await accounts.list()).filter((a) => !a.disabledAt && a.role !== 'viewer').map((a) => a.email).sort();
    return json({ assignees: owners } satisfies Assignees);
  }));

  server.get('/api/staff/requests/:reference', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const request = await store.findByReference(paramOf(req, 'reference'));
    if (!request) throw notFound('request');
    return json({ request: withDue(request) } satisfies RequestAnswer);
  }));

  // A file the customer sent with the request or added to it: only through the request that lists
  // it, to signed-in staff, always as a download.
  server.get('/api/staff/requests/:reference/files/:fileId', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const request = await store.findByReference(paramOf(req, 'reference'));
    if (!request) throw notFound('request');
    const fileId = paramOf(req, 'fileId');
    if (!filesOfRequest(request).some((f) => f.id === fileId)) throw notFound('file');
    const kept = await store.files.readFile(request.conversationId, fileId);
    if (!kept) throw notFound('file');
    return { status: 200, body: kept.bytes, headers: downloadHeaders(kept.file, { inline: false }) };
  }));

  server.post('/api/staff/requests/:reference/status', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const { status, note, public: told } = parse(statusBody, bodyOf(req), 'status change');
    const request = await store.changeRequest(paramOf(req, 'reference'), {
      type: 'status', status, by: principal.email, ...(note ? { note, ...(told ? { public: true } : {}) } : {}),
    });
    if (!request) throw notFound('request');
    await audit(req, principal, 'request-status-changed', request.reference, status);
    log(`staff: ${principal.email} set ${request.reference} to ${status}`);
    return json({ request: withDue(request) } satisfies RequestAnswer);
  }));

  server.post('/api/staff/requests/:reference/replies', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const { text, visibility } = parse(replyBody, bodyOf(req), 'reply');
    const request = await store.changeRequest(paramOf(req, 'reference'), { type: 'reply', text, visibility, by: principal.email });
    if (!request) throw notFound('request');
    await audit(req, principal, 'request-replied', request.reference, visibility);
    return json({ request: withDue(request) } satisfies RequestAnswer, 201);
  }));

  server.post('/api/staff/requests/:reference/assignee', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const { assignee } = parse(assigneeBody, bodyOf(req), 'assignment');
    const owner = assignee === 'me' ? principal.email : assignee;
    if (owner !== null) {
      const account = await accounts.find(owner);
      if (!account || account.disabledAt || account.role === 'viewer') {
        throw new HttpError(422, { error: `${owner} is not an active agent or admin: a request can only be given to someone who can handle it` });
      }
    }
    const request = await store.changeRequest(paramOf(req, 'reference'), { type: 'assign', assignee: owner, by: principal.email });
    if (!request) throw notFound('request');
    await audit(req, principal, 'request-assigned', request.reference, owner ?? 'nobody');
    return json({ request: withDue(request) } satisfies RequestAnswer);
  }));

  server.post('/api/staff/requests/:reference/priority', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'agent');
    const { priority } = parse(priorityBody, bodyOf(req), 'priority');
    const request = await store.changeRequest(paramOf(req, 'reference'), { type: 'priority', priority, by: principal.email });
    if (!request) throw notFound('request');
    await audit(req, principal, 'request-prioritised', request.reference, priority);
    return json({ request: withDue(request) } satisfies RequestAnswer);
  }));
}
