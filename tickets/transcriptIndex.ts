// What the staff's conversation search needs of every transcript (times, the messages' text),
// kept in memory: a search reads no file. Built once from the transcript files on first use,
// then kept up to date by the store's appends and removals (one process per DATA_DIR).
// A database backend would index the text instead.
import { messageOf } from './transcriptMessages.js';
import type { TimeRange, TranscriptEntry } from './types.js';
import { timeBounds } from './dataLayout.js';

export interface ConversationSummary {
  conversationId: string;
  firstAt: string;
  lastAt: string;
  messages: number;
  snippet: string;
}

export interface TranscriptSearch extends TimeRange {
  /** text that one message must contain, case and accents aside */
  q?: string;
  offset?: number;
  limit?: number;
}

interface Indexed {
  firstAt: string;
  lastAt: string;
  first: number;
  last: number;
  texts: string[];
  folded: string[];
  fromUser: boolean[];
}

const SNIPPET_CHARS = 140;

/** Lower case, accents off: "Facturé" and "facture" compare equal. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019\u02BC]/g, "'").replace(/\s+/g, ' ');
}

/**
 * The conversation's line in a list, or undefined when the user never wrote anything (a page
 * opened and closed) or, with `query`, when no message contains it (case and accents aside).
 */
export function summarise(conversationId: string, entries: readonly TranscriptEntry[], query?: string): ConversationSummary | undefined {
  const indexed = indexOf(entries);
  return indexed && summaryOf(conversationId, indexed, query?.trim() ? fold(query.trim()) : undefined);
}

function indexOf(entries: readonly TranscriptEntry[]): Indexed | undefined {
  const item: Indexed = { firstAt: '', lastAt: '', first: Infinity, last: -Infinity, texts: [], folded: [], fromUser: [] };
  for (const entry of entries) add(item, entry);
  return entries.length > 0 ? item : undefined;
}

function add(item: Indexed, entry: TranscriptEntry): void {
  const time = Date.parse(entry.at);
  if (time < item.first) [item.first, item.firstAt] = [time, entry.at];
  if (time >= item.last) [item.last, item.lastAt] = [time, entry.at];
  const message = messageOf(entry);
  if (!message) return;
  item.texts.push(message.text);
  item.folded.push(fold(message.text));
  item.fromUser.push(message.from === 'user');
}

function summaryOf(conversationId: string, item: Indexed, needle?: string): ConversationSummary | undefined {
  const firstUser = item.texts.findIndex((text, i) => item.fromUser[i] && text.trim());
  if (firstUser < 0) return undefined;
  let snippet = item.texts[firstUser]!;
  if (needle) {
    const hit = item.folded.findIndex((f) => f.includes(needle));
    if (hit < 0) return undefined;
    snippet = around(item.texts[hit]!, needle);
  }
  return { conversationId, firstAt: item.firstAt, lastAt: item.lastAt, messages: item.texts.length, snippet: cut(snippet.replace(/\s+/g, ' ').trim()) };
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

export interface TranscriptIndex {
  /** Newest last activity first; `total` counts every match. */
  search(query: TranscriptSearch): Promise<{ conversations: ConversationSummary[]; total: number }>;
  /** An entry the store just appended (ignored until the index is built). */
  added(entry: TranscriptEntry): void;
  removed(conversationId: string): void;
}

export function createTranscriptIndex(readAll: () => AsyncIterable<readonly TranscriptEntry[]>): TranscriptIndex {
  let items: Map<string, Indexed> | undefined;
  let building: Promise<Map<string, Indexed>> | undefined;
  // Appends that land while the index is being built are applied after it.
  let pending: Array<TranscriptEntry | { removed: string }> = [];

  const build = () => (building ??= (async () => {
    const map = new Map<string, Indexed>();
    for await (const entries of readAll()) {
      const item = indexOf(entries);
      if (item && entries[0]) map.set(entries[0].conversationId, item);
    }
    for (const change of pending) apply(map, change);
    pending = [];
    items = map;
    return map;
  })());

  function apply(map: Map<string, Indexed>, change: TranscriptEntry | { removed: string }): void {
    if ('removed' in change) {
      map.delete(change.removed);
      return;
    }
    let item = map.get(change.conversationId);
    if (!item) map.set(change.conversationId, (item = { firstAt: '', lastAt: '', first: Infinity, last: -Infinity, texts: [], folded: [], fromUser: [] }));
    add(item, change);
  }

  return {
    async search({ q, offset = 0, limit = 200, ...range }) {
      const map = items ?? (await build());
      const bounds = timeBounds(range);
      const needle = q?.trim() ? fold(q.trim()) : undefined;
      const hits: Array<[string, Indexed]> = [];
      for (const [id, item] of map) {
        if (item.last < bounds.from || item.first >= bounds.to) continue;
        if (needle && !item.folded.some((f) => f.includes(needle))) continue;
        if (!item.fromUser.some((u, i) => u && item.texts[i]!.trim())) continue;
        hits.push([id, item]);
      }
      hits.sort((a, b) => b[1].last - a[1].last);
      const conversations = hits.slice(offset, offset + limit).map(([id, item]) => summaryOf(id, item, needle)!);
      return { conversations, total: hits.length };
    },
    added(entry) {
      if (items) apply(items, entry);
      else if (building) pending.push(entry);
    },
    removed(conversationId) {
      if (items) items.delete(conversationId);
      else if (building) pending.push({ removed: conversationId });
    },
  };
}
