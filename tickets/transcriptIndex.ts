// What the staff's conversation search needs of every transcript (times, the messages' text, the
// customer's first question as its title), kept in memory: a search reads no file. Built once from
// the transcript files on first use, then kept up to date by the store's appends and removals (one
// process per DATA_DIR). A database backend would index the text instead.
import { messageOf } from './transcriptMessages.js';
import type { ConversationSummary, TimeRange, TranscriptEntry } from './types.js';
import { timeBounds } from './dataLayout.js';

export type { ConversationSummary };

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
  /** the choices the bot's latest message offered: a customer's message that is one of them was a click */
  offered: readonly string[];
  title?: string;
}

const empty = (): Indexed => ({ firstAt: '', lastAt: '', first: Infinity, last: -Infinity, texts: [], folded: [], fromUser: [], offered: [] });

const SNIPPET_CHARS = 140;

/** Lower case, accents off: "Facturé" and "facture" compare equal. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019\u02BC]/g, "'").replace(/\s+/g, ' ');
}

// Words that ask nothing by themselves, folded: greetings, thanks, yes and no, goodbyes, asking for
// a person, a ticket, a callback or a status, and the little words around them, in English and
// French as customers type them ("bjr", "qqn", "svp"). A message made only of these is no question.
const SAYS_NOTHING = new Set(`
  hi hello hey hiya yo there good morning afternoon evening dear bonjour bonsoir salut coucou bjr slt cc re allo
  please pls plz thanks thank thx ty cheers merci beaucoup svp stp plait
  yes yeah yep yup no nope nah ok okay oki sure fine great cool perfect right alright lol oui ouais non daccord accord parfait super top genial mdr entendu bien tres
  bye goodbye see later au revoir bonne journee soiree ciao
  help aide aidez aider assistance
  human humain humaine person personne someone somebody anyone agent operator advisor adviser conseiller conseillere technician technicien tech
  support staff real vrai vraie qqn quelqu quelquun bot robot
  talk speak chat call ring phone contact reach get need want would like have open raise create file make new book
  parler appeler rappeler rappelez rappelle rappel contacter contactez joindre veux voudrais voudrait aimerais souhaite souhaiterais besoin faut
  ouvrir ouvrez creer avoir etre rappele peux pouvez pourriez peut
  ticket tickets callback back email mail telephone tel number numero status statut dossier demande request case
  me my mine you your are we us our the an to for on by with of at in is it its be can could may will do what whats where wheres how about this that
  je moi mon ma mes tu te toi vous nous notre nos le la les un une des de du au aux avec par pour sur en est ce ca cest il elle on qui que qu ou
`.trim().split(/\s+/));

// Set aside before the words are read: contact details (masked before they are kept), a request's reference.
const PLACEHOLDER = /\[(?:email|phone|card|iban)\]/g;
const REFERENCE = /\bl\s*[12][\s\-_./]*\d{8}[\s\-_./]*\d{1,9}\b/g;

/**
 * Whether a customer's message asks something worth titling the conversation with: not a greeting,
 * a thank-you, a yes or no, a request for a person, a ticket or a callback with nothing more, nor one
 * of the choices the bot had just offered (a click, or its label typed).
 */
export function asksSomething(text: string, offered: readonly string[] = []): boolean {
  const folded = fold(text).replace(PLACEHOLDER, ' ').replace(REFERENCE, ' ');
  const bare = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (offered.some((choice) => bare(fold(choice)) === bare(folded))) return false;
  // Apostrophes split words ("i'd", "c'est"); one letter and bare numbers say nothing alone.
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.some((w) => w.length > 1 && !/^\d+$/.test(w) && !SAYS_NOTHING.has(w));
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
  const item = empty();
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
  if (message.from === 'bot') item.offered = message.choices ?? [];
  else if (item.title === undefined && asksSomething(message.text, item.offered)) item.title = message.text;
}

function summaryOf(conversationId: string, item: Indexed, needle?: string): ConversationSummary | undefined {
  const firstUser = item.texts.findIndex((text, i) => item.fromUser[i] && text.trim());
  if (firstUser < 0) return undefined;
  const first = item.texts[firstUser]!;
  let snippet = first;
  if (needle) {
    const hit = item.folded.findIndex((f) => f.includes(needle));
    if (hit < 0) return undefined;
    snippet = around(item.texts[hit]!, needle);
  }
  return { conversationId, firstAt: item.firstAt, lastAt: item.lastAt, messages: item.texts.length, title: oneLine(item.title ?? first), snippet: oneLine(snippet) };
}

function around(text: string, needle: string): string {
  const flat = text.replace(/\s+/g, ' ');
  // Folding keeps one character per character for Latin text, so the position carries over.
  const at = fold(flat).indexOf(needle);
  if (at < 0 || flat.length <= SNIPPET_CHARS) return flat;
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${flat.slice(start)}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SNIPPET_CHARS ? flat : `${flat.slice(0, SNIPPET_CHARS - 1)}…`;
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
    if (!item) map.set(change.conversationId, (item = empty()));
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
