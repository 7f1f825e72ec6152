// The activities of each local Direct Line conversation, as Web Chat polls them: in memory, the
// last `maxActivities` per conversation and the `maxConversations` most recently used. A
// conversation that is not in memory (after a restart, or evicted) is rebuilt from the helpdesk
// store's transcript, so a page reload shows the history. The watermark is the sequence number in
// the activity id (`<conversation>|0000042`), so it survives a rebuild too.
import type { Activity } from 'botbuilder';
import type { TranscriptEntry } from '../../tickets/types.js';

export type ListedActivity = Partial<Activity> & { id: string };

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  /** the locale Web Chat asked for when the conversation started */
  readonly locale?: string;
  /** Adds an activity at the end of the list; returns its id. */
  append(activity: Partial<Activity>): string;
  /** Activities after the watermark (all when it is empty), and the new watermark. */
  since(watermark: string | undefined): { activities: ListedActivity[]; watermark: string };
  /** Runs `work` after the conversation's earlier turns: two clicks never race on its state. */
  serially<T>(work: () => Promise<T>): Promise<T>;
  /** bytes of activities held in memory */
  readonly bytes: number;
}

export interface ConversationsOptions {
  /** the store's transcript of a conversation, oldest first ([] if unknown) */
  transcript: (conversationId: string) => Promise<TranscriptEntry[]>;
  maxActivities?: number;
  maxConversations?: number;
  /** bytes of activities one conversation keeps in memory (the oldest go first) */
  maxBytesPerConversation?: number;
  /** bytes of activities all conversations keep in memory (the least recently used go first) */
  maxBytes?: number;
  now?: () => Date;
}

interface Listed {
  seq: number;
  activity: ListedActivity;
  bytes: number;
}

/** Memory is bounded in bytes, not only in counts: 160 messages of 255 KB once added 210 MB. */
export const MAX_BYTES_PER_CONVERSATION = 256 * 1024;
export const MAX_BYTES = 32 * 1024 * 1024;

const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

function seqOf(conversationId: string, id: unknown): number | undefined {
  if (typeof id !== 'string' || !id.startsWith(`${conversationId}|`)) return undefined;
  const n = Number(id.slice(conversationId.length + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

interface Bounds {
  maxActivities: number;
  maxBytes: number;
  /** told after each append, to keep all conversations within their budget */
  grew: () => void;
}

function createConversation(id: string, userId: string, locale: string | undefined, listed: Listed[], bounds: Bounds, now: () => Date): Conversation {
  let lastSeq = listed.at(-1)?.seq ?? 0;
  let turns: Promise<unknown> = Promise.resolve();
  let bytes = listed.reduce((sum, l) => sum + l.bytes, 0);
  return {
    id,
    userId,
    ...(locale ? { locale } : {}),
    get bytes() {
      return bytes;
    },
    append(activity) {
      lastSeq += 1;
      const stored: ListedActivity = { ...activity, id: activityId(id, lastSeq), timestamp: activity.timestamp ?? now() };
      // JSON round trip: the list holds plain data, as the client receives it.
      const json = JSON.stringify(stored);
      listed.push({ seq: lastSeq, activity: JSON.parse(json) as ListedActivity, bytes: json.length });
      bytes += json.length;
      while (listed.length > 1 && (listed.length > bounds.maxActivities || bytes > bounds.maxBytes)) bytes -= listed.shift()!.bytes;
      bounds.grew();
      return stored.id;
    },
    since(watermark) {
      const after = Number(watermark);
      const from = watermark && Number.isFinite(after) ? after : 0;
      return { activities: listed.filter((l) => l.seq > from).map((l) => l.activity), watermark: String(lastSeq) };
    },
    serially(work) {
      const run = turns.then(work, work);
      turns = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * The messages of a stored transcript, in order, with their ids and sequence numbers; the user is
 * whoever sent the first incoming message. Conversation updates and traces are not shown again.
 */
function fromTranscript(conversationId: string, entries: TranscriptEntry[]): { userId?: string; locale?: string; listed: Listed[] } {
  const listed: Listed[] = [];
  let userId: string | undefined;
  let locale: string | undefined;
  let seq = 0;
  for (const entry of entries) {
    const activity = entry.activity as Partial<Activity> | null;
    if (!activity || typeof activity !== 'object') continue;
    if (entry.direction === 'in') {
      userId ??= activity.from?.id;
      locale ??= activity.locale;
    }
    // Ids keep their sequence number (the watermark), so new ids never reuse an old one and a
    // client polling across a restart neither misses nor repeats an activity.
    const stored = seqOf(conversationId, activity.id);
    if (stored !== undefined) seq = Math.max(seq, stored);
    if (activity.type !== 'message') continue;
    if (stored === undefined || (listed.at(-1)?.seq ?? 0) >= seq) seq += 1;
    const listedActivity = { ...activity, id: stored === undefined ? activityId(conversationId, seq) : activity.id, timestamp: activity.timestamp ?? entry.at } as ListedActivity;
    listed.push({ seq, activity: listedActivity, bytes: JSON.stringify(listedActivity).length });
  }
  return { ...(userId ? { userId } : {}), ...(locale ? { locale } : {}), listed };
}

export function createConversations({
  transcript, maxActivities = 500, maxConversations = 1000, maxBytesPerConversation = MAX_BYTES_PER_CONVERSATION, maxBytes = MAX_BYTES, now = () => new Date(),
}: ConversationsOptions) {
  const open = new Map<string, Conversation>();
  const loading = new Map<string, Promise<Conversation | undefined>>();

  /** Least recently used conversations leave memory first (a later poll rebuilds them from the store). */
  function trim(): void {
    let total = 0;
    for (const c of open.values()) total += c.bytes;
    for (const [id, c] of open) {
      if (open.size <= maxConversations && total <= maxBytes) return;
      if (open.size === 1) return;
      total -= c.bytes;
      open.delete(id);
    }
  }
  const bounds: Bounds = { maxActivities, maxBytes: maxBytesPerConversation, grew: trim };

  function remember(conversation: Conversation): Conversation {
    open.delete(conversation.id);
    open.set(conversation.id, conversation);
    // A Map iterates in insertion order: the first key is the least recently used.
    trim();
    return conversation;
  }

  async function rebuild(conversationId: string): Promise<Conversation | undefined> {
    const entries = await transcript(conversationId);
    if (entries.length === 0) return undefined;
    const { userId, locale, listed } = fromTranscript(conversationId, entries);
    const kept = listed.slice(-maxActivities);
    let bytes = kept.reduce((sum, l) => sum + l.bytes, 0);
    while (kept.length > 1 && bytes > maxBytesPerConversation) bytes -= kept.shift()!.bytes;
    return createConversation(conversationId, userId ?? 'user', locale, kept, bounds, now);
  }

  return {
    /** A new, empty conversation (the caller then sends the conversationUpdate). */
    start(conversationId: string, userId: string, locale?: string): Conversation {
      return remember(createConversation(conversationId, userId, locale, [], bounds, now));
    },

    /** The conversation from memory, else rebuilt from its transcript; undefined if it never started. */
    async find(conversationId: string): Promise<Conversation | undefined> {
      const inMemory = open.get(conversationId);
      if (inMemory) return remember(inMemory);
      // Two requests for the same evicted conversation share one rebuild.
      let pending = loading.get(conversationId);
      if (!pending) {
        pending = rebuild(conversationId).finally(() => loading.delete(conversationId));
        loading.set(conversationId, pending);
      }
      const rebuilt = await pending;
      if (!rebuilt) return undefined;
      return remember(open.get(conversationId) ?? rebuilt);
    },

    /** for tests and health: how many conversations are held in memory */
    get size(): number {
      return open.size;
    },

    /** for tests and health: bytes of activities held in memory */
    get bytes(): number {
      let total = 0;
      for (const c of open.values()) total += c.bytes;
      return total;
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
