// Turns stored activities into what staff read: the messages of a conversation (who, when, text,
// buttons offered, a confirmation card's title and reference), and a one-line summary for lists.
import { stripAccents } from '../knowledge/matching/normalise.js';
import { messageOf, type TranscriptMessage } from '../tickets/transcriptMessages.js';
import type { TranscriptEntry } from '../tickets/types.js';

export { messageOf, type TranscriptMessage };

export interface ConversationSummary {
  conversationId: string;
  firstAt: string;
  lastAt: string;
  messages: number;
  snippet: string;
}

const SNIPPET_CHARS = 140;

/** Lower case, accents off: "Facturé" and "facture" compare equal. */
export function fold(text: string): string {
  return stripAccents(text.toLowerCase()).replace(/[\u2018\u2019\u02BC]/g, "'").replace(/\s+/g, ' ');
}

/**
 * The conversation's line in a list, or undefined when the user never wrote anything (a page
 * opened and closed) or, with `query`, when no message contains it (case and accents aside).
 */
export function summarise(conversationId: string, entries: TranscriptEntry[], query?: string): ConversationSummary | undefined {
  const messages = entries.map(messageOf).filter((m): m is TranscriptMessage => m !== undefined);
  const firstUser = messages.find((m) => m.from === 'user' && m.text.trim());
  if (!firstUser || entries.length === 0) return undefined;
  let snippet = firstUser.text;
  if (query?.trim()) {
    const needle = fold(query.trim());
    const hit = messages.find((m) => fold(m.text).includes(needle));
    if (!hit) return undefined;
    snippet = around(hit.text, needle);
  }
  const times = entries.map((e) => e.at).sort((a, b) => Date.parse(a) - Date.parse(b));
  return { conversationId, firstAt: times[0]!, lastAt: times.at(-1)!, messages: messages.length, snippet: cut(snippet.replace(/\s+/g, ' ').trim()) };
}

function around(text: string, needle: string): string {
  const flat = text.replace(/\s+/g, ' ');
  // Folding keeps one character per character for Latin text, so the position carries over.
  const at = fold(flat).indexOf(needle);
  if (at < 0 || flat.length <= SNIPPET_CHARS) return flat;
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${flat.slice(start)}`;
}

function cut(text: string): string {
  return text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS - 1)}…`;
}
