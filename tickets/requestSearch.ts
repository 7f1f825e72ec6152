// What the inbox's text search looks in, the same on both backends: the reference, the contact's
// name, email and phone, the reason, the conversation copied with the request, and the messages
// since. Case and accents aside ("facture" finds "Facturé").
import { fold } from './transcriptIndex.js';
import type { HelpdeskRequest } from './types.js';

/** The request's searchable text, folded. */
export function searchTextOf(request: HelpdeskRequest): string {
  return fold([
    request.reference,
    request.contact.name ?? '',
    request.contact.email ?? '',
    request.kind === 'callback' ? request.contact.phone : '',
    request.reason,
    ...request.tried.articles.map((a) => a.title),
    ...request.tried.transcript.map((m) => m.text),
    ...(request.messages ?? []).map((m) => m.text),
  ].join('\n'));
}

/** The query as the search text is folded; '' finds everything. */
export function searchQuery(q: string | undefined): string {
  return fold((q ?? '').trim());
}
