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
}

export interface ConversationsOptions {
  /** the store's transcript of a conversation, oldest first ([] if unknown) */
  transcript: (conversationId: string) => Promise<TranscriptEntry[]>;
  maxActivities?: number;
  maxConversations?: number;
  now?: () => Date;
}

interface Listed {
  seq: number;
  activity: ListedActivity;
}

const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

function seqOf(conversationId: string, id: unknown): number | undefined {
  if (typeof id !== 'string' || !id.startsWith(`${conversationId}|`)) return undefined;
  const n = Number(id.slice(conversationId.length + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function createConversation(id: string, userId: string, locale: string | undefined, listed: Listed[], maxActivities: number, now: () => Date): Conversation {
  let lastSeq = listed.at(-1)?.seq ?? 0;
  let turns: Promise<unknown> = Promise.resolve();
  return {
    id,
    userId,
    ...(locale ? { locale } : {}),
    append(activity) {
      lastSeq += 1;
      const stored: ListedActivity = { ...activity, id: activityId(id, lastSeq), timestamp: activity.timestamp ?? now() };
      // JSON round trip: the list holds plain data, as the client receives it.
      listed.push({ seq: lastSeq, activity: JSON.parse(JSON.stringify(stored)) as ListedActivity });
      if (listed.length > maxActivities) listed.splice(0, listed.length - maxActivities);
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
    listed.push({ seq, activity: { ...activity, id: stored === undefined ? activityId(conversationId, seq) : activity.id, timestamp: activity.timestamp ?? entry.at } as ListedActivity });
  }
  return { ...(userId ? { userId } : {}), ...(locale ? { locale } : {}), listed };
}

export function createConversations({ transcript, maxActivities = 500, maxConversations = 1000, now = () => new Date() }: ConversationsOptions) {
  const open = new Map<string, Conversation>();
  const loading = new Map<string, Promise<Conversation | undefined>>();

  function remember(conversation: Conversation): Conversation {
    open.delete(conversation.id);
    open.set(conversation.id, conversation);
    // A Map iterates in insertion order: the first key is the least recently used.
    while (open.size > maxConversations) open.delete(open.keys().next().value as string);
    return conversation;
  }

  async function rebuild(conversationId: string): Promise<Conversation | undefined> {
    const entries = await transcript(conversationId);
    if (entries.length === 0) return undefined;
    const { userId, locale, listed } = fromTranscript(conversationId, entries);
    return createConversation(conversationId, userId ?? 'user', locale, listed.slice(-maxActivities), maxActivities, now);
  }

  return {
    /** A new, empty conversation (the caller then sends the conversationUpdate). */
    start(conversationId: string, userId: string, locale?: string): Conversation {
      return remember(createConversation(conversationId, userId, locale, [], maxActivities, now));
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
  };
}

export type Conversations = ReturnType<typeof createConversations>;
