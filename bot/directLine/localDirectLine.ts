// A local Direct Line 3.0 for Web Chat, with no Azure account: the calls Web Chat makes with
// `WebChat.createDirectLine({ domain: origin + '/v3/directline', webSocket: false, token })`.
//
//   POST /v3/directline/conversations                      start (or, with a token, resume) → {conversationId, token, expires_in}
//   GET  /v3/directline/conversations/:id?watermark=       reconnect (Web Chat given a conversationId) → same
//   POST /v3/directline/conversations/:id/activities       the user's activity → {id}, after the bot's turn
//   GET  /v3/directline/conversations/:id/activities?watermark=N   polling → {activities, watermark}
//   POST /v3/directline/tokens/refresh                     a fresh token for the same conversation
//   POST /v3/directline/conversations/:id/upload           the user's activity with files (multipart, upload.ts)
//   GET  /v3/directline/conversations/:id/files/:fileId    a file the user sent, as their own message shows it
//
// Every call but the first start carries `Authorization: Bearer <token>`: none or a forged one → 401,
// an expired one or another conversation's → 403, a conversation that never started → 404.
import type { Activity, Attachment, ChannelAccount, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { DirectLineAdapter } from './adapter.js';
import { checkActivity, PostedActivity } from '../activityShape.js';
import { clientIp } from '../clientAddress.js';
import type { Allowed, TrafficLimiter } from '../trafficLimits.js';
import { createConversations, type Conversation, type Conversations } from './conversations.js';
import { randomId, type TokenClaims, type TokenSigner } from './tokens.js';
import type { AttachmentStore } from '../../tickets/attachments.js';
import { takeFiles, type ReceivedFiles } from '../../tickets/fileIntake.js';
import type { AttachedFile, TranscriptEntry } from '../../tickets/types.js';
import { downloadHeaders, showsInPlace } from '../../web/fileDownload.js';
import { readUpload, UploadProblem } from './upload.js';

export const DIRECT_LINE_PATH = '/v3/directline';
/** The channel id the bot sees for the website chat. */
export const WEBCHAT_CHANNEL = 'webchat';
export const BOT_ACCOUNT: ChannelAccount = { id: 'scriba-assistant', name: 'Scriba', role: 'bot' };
export const LOCAL_SERVICE_URL = 'urn:scriba:local-directline';
/**
 * Where the local Direct Line tells the bot which files of an upload it kept or refused (the
 * activity's channelData): set by this server only, removed from whatever a client posts.
 */
export const RECEIVED_FILES = 'scribaFiles';

/** The upload route reads its own body (multipart, up to 50 MB): the server's JSON body parser must leave it alone. */
export function isUploadPath(path: string): boolean {
  return /^\/v3\/directline\/conversations\/[^/]+\/upload$/.test(path);
}

/** Where the user's own message shows a file they sent (same origin as the chat page). */
export function fileUrl(conversationId: string, fileId: string): string {
  return `${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/files/${fileId}`;
}

/** A kept file in the user's own message: an image with a thumbnail is drawn in their bubble (Web Chat draws other files as a link). */
function shownFile(conversationId: string, file: AttachedFile): Attachment {
  const url = fileUrl(conversationId, file.id);
  return { contentType: file.contentType, name: file.name, contentUrl: url, ...(showsInPlace(file.contentType) ? { thumbnailUrl: url } : {}) };
}

export interface LocalDirectLineDeps {
  bot: { run(context: TurnContext): Promise<void> };
  /** transcripts, channel rendering and turn errors (createBot's `parts.attach`) */
  attach: (adapter: DirectLineAdapter) => DirectLineAdapter;
  transcript: (conversationId: string) => Promise<TranscriptEntry[]>;
  tokens: TokenSigner;
  maxActivities?: number;
  maxConversations?: number;
  now?: () => Date;
  log: (line: string, err?: unknown) => void;
  /** new anonymous conversations per address and messages per conversation (absent: unlimited) */
  limits?: TrafficLimiter;
  /** believe X-Forwarded-For from a reverse proxy on loopback or the private network */
  trustProxy?: boolean;
  /** where uploaded files are kept; absent: uploads are refused (404) */
  files?: AttachmentStore;
}

export interface Session {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** What Web Chat sends to start: `{ user: { id }, locale }`, both optional; anything odd is ignored. */
const StartBody = z.object({
  user: z.object({ id: z.string().regex(/^[\w.:@-]{1,64}$/) }).optional().catch(undefined),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).optional().catch(undefined),
}).catch({});

class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

function refuseIfLimited(allowed: Allowed, what: string): void {
  if (!allowed.ok) throw new HttpProblem(429, 'TooManyRequests', `too many ${what}: try again in ${allowed.retryAfterSeconds} s`, allowed.retryAfterSeconds);
}

/** Direct Line's error body: `{ error: { code, message } }`. */
function fail(res: restify.Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export function createLocalDirectLine(deps: LocalDirectLineDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log;
  const conversations: Conversations = createConversations({
    transcript: deps.transcript,
    ...(deps.maxActivities ? { maxActivities: deps.maxActivities } : {}),
    ...(deps.maxConversations ? { maxConversations: deps.maxConversations } : {}),
    now,
  });
  const adapter = deps.attach(new DirectLineAdapter(conversations, now));

  const session = (conversationId: string, userId: string): Session => {
    const { token, expiresIn } = deps.tokens.issue(conversationId, userId);
    return { conversationId, token, expires_in: expiresIn };
  };

  function authenticate(req: restify.Request): TokenClaims {
    const header = req.headers.authorization;
    if (!header) throw new HttpProblem(401, 'MissingToken', 'an Authorization: Bearer <token> header is required');
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const check = token ? deps.tokens.verify(token) : ({ ok: false, reason: 'malformed' } as const);
    if (check.ok) return check.claims;
    // 403 is what Direct Line answers for an expired token: Web Chat then reports the expiry.
    if (check.reason === 'expired') throw new HttpProblem(403, 'TokenExpired', 'the token has expired');
    throw new HttpProblem(401, 'BadToken', 'the token is not valid');
  }

  async function authorized(req: restify.Request): Promise<{ claims: TokenClaims; conversation: Conversation }> {
    const claims = authenticate(req);
    const conversationId = String(req.params.conversationId ?? '');
    if (claims.conversationId !== conversationId) throw new HttpProblem(403, 'Forbidden', 'the token is for another conversation');
    const conversation = await conversations.find(conversationId);
    if (!conversation) throw new HttpProblem(404, 'NotFound', 'unknown conversation');
    return { claims, conversation };
  }

  async function runTurn(conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    await conversation.serially(() => adapter.processActivity(activity, (context) => deps.bot.run(context)));
  }

  /** The conversation starts: the bot hears that the user joined, and says hello before anything is typed. */
  async function start(conversationId: string, userId: string, locale: string | undefined): Promise<void> {
    const conversation = conversations.start(conversationId, userId, locale);
    const user: ChannelAccount = { id: userId, name: '', role: 'user' };
    await runTurn(conversation, {
      type: 'conversationUpdate',
      id: `${conversationId}|start`,
      channelId: WEBCHAT_CHANNEL,
      serviceUrl: LOCAL_SERVICE_URL,
      timestamp: now(),
      ...(locale ? { locale } : {}),
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: user,
      recipient: BOT_ACCOUNT,
      membersAdded: [BOT_ACCOUNT, user],
    });
  }

  // A token's conversation starts once, even if two requests race to start it.
  const starting = new Map<string, Promise<'started' | 'existed'>>();
  function startOnce(claims: TokenClaims, locale: string | undefined): Promise<'started' | 'existed'> {
    let pending = starting.get(claims.conversationId);
    if (!pending) {
      pending = (async () => {
        if (await conversations.find(claims.conversationId)) return 'existed' as const;
        await start(claims.conversationId, claims.userId, locale);
        return 'started' as const;
      })().finally(() => starting.delete(claims.conversationId));
      starting.set(claims.conversationId, pending);
    }
    return pending;
  }

  /**
   * The user's activity, posted as JSON or with files: checked, made the token user's, added to the
   * conversation and given to the bot; its id once the bot's turn is done.
   */
  async function receive(claims: TokenClaims, conversation: Conversation, body: unknown, files?: ReceivedFiles): Promise<string> {
    const checked = checkActivity(PostedActivity, body);
    if (!checked.ok) throw new HttpProblem(400, 'BadArgument', checked.reason);
    const { attachments: _claimed, channelData, ...posted } = checked.value as Partial<Activity>;
    const from: Partial<ChannelAccount> = typeof posted.from === 'object' && posted.from !== null ? posted.from : {};
    // Only this server says which files were kept: a client's own say is dropped.
    const { [RECEIVED_FILES]: _forged, ...clientData } = typeof channelData === 'object' && channelData !== null ? (channelData as Record<string, unknown>) : {};
    const activity: Partial<Activity> = {
      ...posted,
      channelId: WEBCHAT_CHANNEL,
      serviceUrl: LOCAL_SERVICE_URL,
      timestamp: now(),
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      // The sender is the token's user, whatever the body says: nobody speaks as the bot.
      from: { name: '', ...from, id: claims.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      ...(posted.locale ?? conversation.locale ? { locale: posted.locale ?? conversation.locale } : {}),
      ...(files ? { attachments: files.kept.map((f) => shownFile(conversation.id, f)) } : {}),
      ...(files || Object.keys(clientData).length > 0 ? { channelData: { ...clientData, ...(files ? { [RECEIVED_FILES]: files } : {}) } } : {}),
    };
    // The user's own activity goes in the list first, with the id we answer: Web Chat matches
    // the two to mark it sent.
    const id = conversation.append(activity);
    try {
      await runTurn(conversation, { ...activity, id });
    } catch (err) {
      log(`local Direct Line: the bot failed on an activity of conversation ${conversation.id}`, err);
      throw new HttpProblem(502, 'BotError', 'the bot could not process the activity');
    }
    return id;
  }

  /** Wraps a route: an HttpProblem becomes its status, anything else a logged 500. */
  const route = (handler: (req: restify.Request, res: restify.Response) => Promise<void>) => async (req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof HttpProblem) {
        if (err.retryAfterSeconds) res.header('Retry-After', String(err.retryAfterSeconds));
        return fail(res, err.status, err.code, err.message);
      }
      log(`local Direct Line: ${req.method} ${req.path()} failed`, err);
      fail(res, 500, 'ServiceError', 'internal error');
    }
  };

  return {
    adapter,
    conversations,

    /** A token for a new conversation, which starts when Web Chat posts to /conversations with it. */
    newSession(): Session {
      return session(randomId(), randomId('dl_'));
    },

    mount(server: restify.Server): void {
      server.post(`${DIRECT_LINE_PATH}/conversations`, route(async (req, res) => {
        const body = StartBody.parse(req.body ?? {});
        if (req.headers.authorization) {
          // A token names its conversation: start it if it has not started yet, else resume it.
          const claims = authenticate(req);
          const outcome = await startOnce(claims, body.locale);
          res.send(outcome === 'started' ? 201 : 200, session(claims.conversationId, claims.userId));
          return;
        }
        // No token: an anonymous visitor starts a new conversation (local mode has no secret), a
        // limited number of times per address.
        if (deps.limits) refuseIfLimited(await deps.limits.start(clientIp(req, deps.trustProxy ?? false)), 'new conversations from this address');
        const fresh = { conversationId: randomId(), userId: body.user?.id ?? randomId('dl_') };
        await start(fresh.conversationId, fresh.userId, body.locale);
        res.send(201, session(fresh.conversationId, fresh.userId));
      }));

      server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, route(async (req, res) => {
        const { claims, conversation } = await authorized(req);
        res.send(200, session(conversation.id, claims.userId));
      }));

      server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, route(async (req, res) => {
        const { claims, conversation } = await authorized(req);
        if (deps.limits) refuseIfLimited(await deps.limits.message(conversation.id), 'messages in this conversation');
        res.send(200, { id: await receive(claims, conversation, req.body) });
      }));

      server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, route(async (req, res) => {
        const { claims, conversation } = await authorized(req);
        if (!deps.files) throw new HttpProblem(404, 'NotFound', 'uploads are not accepted here');
        if (deps.limits) refuseIfLimited(await deps.limits.message(conversation.id), 'messages in this conversation');
        let upload;
        try {
          upload = await readUpload(req);
        } catch (err) {
          if (err instanceof UploadProblem) throw new HttpProblem(err.status, err.status === 413 ? 'RequestTooLarge' : 'BadArgument', err.message);
          throw err;
        }
        const received = await takeFiles(deps.files, conversation.id, upload.files, upload.overCount);
        res.send(200, { id: await receive(claims, conversation, upload.activity, received) });
      }));

      // No token here: an <img> cannot send one. The file's id (128 random bits) is the key, as
      // on Azure's Direct Line; it is only ever shown to this conversation.
      server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/files/:fileId`, route(async (req, res) => {
        const kept = deps.files ? await deps.files.readFile(String(req.params.conversationId ?? ''), String(req.params.fileId ?? '')) : undefined;
        if (!kept) throw new HttpProblem(404, 'NotFound', 'no such file');
        for (const [name, value] of Object.entries(downloadHeaders(kept.file, { inline: showsInPlace(kept.file.contentType) }))) res.header(name, value);
        res.header('Content-Length', String(kept.bytes.byteLength));
        res.writeHead(200);
        res.end(kept.bytes);
      }));

      server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, route(async (req, res) => {
        const { conversation } = await authorized(req);
        const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark') ?? undefined;
        res.send(200, conversation.since(watermark));
      }));

      server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, route(async (req, res) => {
        const claims = authenticate(req);
        res.send(200, session(claims.conversationId, claims.userId));
      }));
    },
  };
}

export type LocalDirectLine = ReturnType<typeof createLocalDirectLine>;
