// The staff audit: who signed in (or failed to), who signed out, and every change made from the
// console, recorded by ctx.audit; GET /api/staff/audit pages it for admins, newest first.
import type restify from 'restify';
import { z } from 'zod';
import { AUDIT_LIMITS, type StaffAudit } from '../tickets/staffRecords.js';
import { AUDIT_TOKEN_ACTOR, STAFF_AUDIT_ACTIONS } from '../tickets/types.js';
import type { AuditPage } from '../web/apiTypes.js';
import type { StaffContext } from './context.js';
import { clientIp, guard, json, parse, queryOf } from './http.js';
import { rangeFields, rangeOf } from './timeRange.js';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function createAuditRecorder({ records, now, trustProxy, log }: { records: StaffAudit; now: () => Date; trustProxy: boolean; log: (line: string) => void }): StaffContext['audit'] {
  return async (req, who, action, target, details) => {
    const actor = typeof who === 'string' ? who : who.via === 'token' ? AUDIT_TOKEN_ACTOR : who.email;
    try {
      await records.appendAudit({
        at: now().toISOString(),
        actor: clip(actor || '?', AUDIT_LIMITS.actor),
        action,
        ...(target ? { target: clip(target, AUDIT_LIMITS.target) } : {}),
        ...(details ? { details: clip(details, AUDIT_LIMITS.details) } : {}),
        address: clip(clientIp(req, trustProxy), AUDIT_LIMITS.address),
      });
    } catch (err) {
      // Who and what are not logged: the actor of a failed sign-in is whatever was typed.
      log(`staff audit: a ${action} entry could not be recorded: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

const auditQuery = z.object({
  action: z.enum(STAFF_AUDIT_ACTIONS, { error: `action must be one of ${STAFF_AUDIT_ACTIONS.join(', ')}` }).optional(),
  actor: z.string().trim().toLowerCase().max(AUDIT_LIMITS.actor).optional(),
  ...rangeFields,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function mountAuditApi({ server, auth, log, timeZone, auditRecords }: StaffContext): void {
  // Admins only: the audit names every account and where its owner signed in from.
  server.get('/api/staff/audit', guard(log, async (req: restify.Request, res: restify.Response) => {
    await auth.require(req, res, 'admin');
    const query = parse(auditQuery, queryOf(req), 'filter');
    const filter = {
      ...(query.action ? { action: query.action } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...rangeOf(query, timeZone),
    };
    const page = await auditRecords.pageAudit(filter, { offset: query.offset, limit: query.limit });
    return json({ entries: page.entries, total: page.total, offset: query.offset, limit: query.limit, actions: STAFF_AUDIT_ACTIONS } satisfies AuditPage);
  }));
}
