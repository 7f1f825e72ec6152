// What an incoming activity must look like before the Bot Framework SDK or the bot sees it: the
// fields the bot reads, with their types, and sizes that bound the work. Anything else is answered
// 400 with a short reason (the field and what was wrong), never a turn error, never a stack trace.
import { z } from 'zod';

/** Nesting deeper than this is no activity (JSON nested 100 000 deep once crashed a turn). */
export const MAX_DEPTH = 32;
/** The longest text a customer message may carry. */
export const MAX_TEXT = 10_000;

const id = (max: number) => z.string().min(1).max(max);

const Account = z.looseObject({
  id: id(256),
  name: z.string().max(256).optional(),
  role: z.string().max(32).optional(),
});

const ConversationAccount = z.looseObject({
  id: id(512),
  name: z.string().max(256).optional(),
  isGroup: z.boolean().optional(),
  conversationType: z.string().max(64).optional(),
  tenantId: z.string().max(128).optional(),
});

/** The part of an activity the bot reads, whoever sends it (a channel or the local Direct Line). */
const common = {
  type: z.string().regex(/^[A-Za-z]{1,64}$/, 'must be an activity type such as "message"'),
  id: z.string().max(512).optional(),
  text: z.string().max(MAX_TEXT).optional(),
  locale: z.string().max(32).optional(),
  textFormat: z.string().max(32).optional(),
  replyToId: z.string().max(512).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string().max(256) })).max(10).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(128) })).max(20).optional(),
  membersAdded: z.array(Account).max(50).optional(),
  membersRemoved: z.array(Account).max(50).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
};

/** POST /api/messages: what a Bot Framework channel (Teams, Direct Line, the Emulator) sends. */
export const ChannelActivity = z.looseObject({
  ...common,
  channelId: id(64),
  serviceUrl: z.string().max(2048).regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'),
  conversation: ConversationAccount,
  from: Account,
  recipient: Account.optional(),
});

/** POST /v3/directline/conversations/:id/activities: the local Direct Line fills in the rest. */
export const PostedActivity = z.looseObject({
  ...common,
  from: Account.partial().optional(),
});

/** Deeper than `max` levels of arrays and objects? Walked without recursion, so no stack can blow. */
export function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One short reason: the first field that is wrong, and how. */
export function checkActivity<T extends z.ZodType>(schema: T, body: unknown): Checked<z.infer<T>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'the body must be a JSON object (an activity)' };
  if (tooDeep(body)) return { ok: false, reason: `the body is nested deeper than ${MAX_DEPTH} levels` };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the body';
  return { ok: false, reason: `${where}: ${issue.message}` };
}
