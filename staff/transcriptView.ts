// Turns stored activities into what staff read: the messages of a conversation (who, when, text,
// buttons offered, a confirmation card's title and reference), and a one-line summary for lists.
import { stripAccents } from '../knowledge/matching/normalise.js';
import type { TranscriptEntry } from '../tickets/types.js';

export interface TranscriptMessage {
  at: string;
  from: 'user' | 'bot';
  text: string;
  buttons?: string[];
  card?: { title: string; reference: string };
}

export interface ConversationSummary {
  conversationId: string;
  firstAt: string;
  lastAt: string;
  messages: number;
  snippet: string;
}

const REFERENCE = /L[1-4]-\d{8}-\d{4,}/;
const SNIPPET_CHARS = 140;

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The message an entry carries, or undefined for typing, join and other non-message activities. */
export function messageOf(entry: TranscriptEntry): TranscriptMessage | undefined {
  const activity = asObject(entry.activity);
  if (activity.type !== 'message') return undefined;
  const text = typeof activity.text === 'string' ? activity.text : '';
  const attachments = asArray(activity.attachments).map(asObject);
  const buttons = [
    ...asArray(asObject(activity.suggestedActions).actions),
    ...attachments.flatMap((a) => asArray(asObject(a.content).buttons)), // Teams: buttons on a hero card
  ].map((action) => asObject(action).title).filter((t): t is string => typeof t === 'string');
  const card = attachments.map(cardOf).find((c) => c !== undefined);
  if (!text && buttons.length === 0 && !card) return undefined;
  return { at: entry.at, from: entry.direction === 'in' ? 'user' : 'bot', text, ...(buttons.length ? { buttons } : {}), ...(card ? { card } : {}) };
}

/** An Adaptive Card that names a reference: the confirmation of a ticket or callback. */
function cardOf(attachment: Loose): TranscriptMessage['card'] {
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return undefined;
  const blocks = asArray(asObject(attachment.content).body).map(asObject);
  const texts = blocks.map((b) => b.text).filter((t): t is string => typeof t === 'string');
  const reference = texts.map((t) => REFERENCE.exec(t)?.[0]).find(Boolean);
  return reference ? { title: texts[0] ?? '', reference } : undefined;
}

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
