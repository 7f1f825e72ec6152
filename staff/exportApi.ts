// CSV exports for spreadsheets, with the same filters as the lists: tickets, callbacks, and the
// unanswered questions (one row per question, with the group it falls in).
import { isSmallTalk } from '../dialogs/understand/smallTalk.js';
import type restify from 'restify';
import type { CallbackRequest, Ticket } from '../tickets/types.js';
import type { StaffContext } from './context.js';
import { toCsv, type Cell } from './csv.js';
import { guard, parse, queryOf, type Reply } from './http.js';
import { requestFilterOf, requestFilterQuery } from './requestsApi.js';
import { rangeOf } from './timeRange.js';
import { groupsOf, unansweredQuery } from './unansweredApi.js';

function csvReply(name: string, header: string[], rows: Cell[][]): Reply {
  return {
    status: 200,
    body: toCsv(header, rows),
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` },
  };
}

const lastNote = (r: Ticket | CallbackRequest) => [...r.statusHistory].reverse().find((c) => c.note)?.note;
const common = ['reference', 'createdAt', 'status', 'language', 'channel', 'reason', 'articleId', 'conversationId', 'lastNote'];
const commonCells = (r: Ticket | CallbackRequest): Cell[] => [r.reference, r.createdAt, r.status, r.language, r.channel, r.reason, r.articleId, r.conversationId, lastNote(r)];

export function mountExportApi(ctx: StaffContext): void {
  const { server, store, live, auth, log, timeZone } = ctx;
  const requestsOf = async (req: restify.Request, kind: 'ticket' | 'callback', me: string) =>
    store.listRequests({ ...requestFilterOf(parse(requestFilterQuery, queryOf(req), 'filter'), timeZone, me), kind });

  server.get('/api/staff/export/tickets.csv', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'viewer');
    const tickets = (await requestsOf(req, 'ticket', principal.email)).filter((r): r is Ticket => r.kind === 'ticket');
    return csvReply('tickets.csv', [...common, 'level', 'name', 'email'],
      tickets.map((t) => [...commonCells(t), t.level, t.contact.name, t.contact.email]));
  }));

  server.get('/api/staff/export/callbacks.csv', guard(log, async (req, res) => {
    const principal = await auth.require(req, res, 'viewer');
    const callbacks = (await requestsOf(req, 'callback', principal.email)).filter((r): r is CallbackRequest => r.kind === 'callback');
    return csvReply('callbacks.csv', [...common, 'name', 'phone', 'email', 'slotStart', 'slotEnd', 'timeZone'],
      callbacks.map((c) => [...commonCells(c), c.contact.name, c.contact.phone, c.contact.email, c.slot.start, c.slot.end, c.timeZone]));
  }));

  server.get('/api/staff/export/unanswered.csv', guard(log, async (req, res) => {
    await auth.require(req, res, 'viewer');
    const query = parse(unansweredQuery, queryOf(req), 'filter');
    // Small talk kept by an earlier version is no question: out of the export as out of the page.
    const records = (await store.listUnanswered(rangeOf(query, timeZone))).filter((r) => !isSmallTalk(r.question));
    const groups = groupsOf(records, live);
    // A record's group: the one whose wordings include its question.
    const groupOf = new Map(groups.flatMap((g) => g.questions.map((q) => [q.toLowerCase(), g.question] as const)));
    return csvReply('unanswered.csv', ['at', 'question', 'language', 'kind', 'group', 'topMatch', 'topScore'],
      records.map((r) => [r.at, r.question, r.language, r.kind, groupOf.get(r.question.trim().replace(/\s+/g, ' ').toLowerCase()),
        r.topMatches?.[0]?.id, r.topMatches?.[0]?.score]));
  }));
}
