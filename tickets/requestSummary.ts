// A request as ranking by due time needs it: what the inbox reads of every match before it reads
// the page's requests whole.
import type { HelpdeskRequest, RequestSummary } from './types.js';

export function summaryOf(r: HelpdeskRequest): RequestSummary {
  const common = {
    reference: r.reference, createdAt: r.createdAt, status: r.status,
    ...(r.priority ? { priority: r.priority } : {}), ...(r.firstReplyAt ? { firstReplyAt: r.firstReplyAt } : {}),
  };
  return r.kind === 'callback' ? { ...common, kind: 'callback', slot: { ...r.slot } } : { ...common, kind: 'ticket', level: r.level };
}
