// The files a message brought, whichever channel carried it. The local Direct Line already checked
// and kept them (its upload route) and says so in the activity; other channels give links (Azure's
// Direct Line, Teams), which are fetched here — only from the channel's own hosts, never past the
// size limit — then checked and kept the same way (tickets/fileIntake.ts).
import type { Attachment, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { FILE_REFUSALS, MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE, safeFileName } from '../tickets/filePolicy.js';
import { takeFiles, type Candidate, type ReceivedFiles } from '../tickets/fileIntake.js';
import type { AttachmentStore } from '../tickets/attachments.js';
import { attachedFileSchema } from '../tickets/schemas.js';
import { LOCAL_SERVICE_URL, RECEIVED_FILES } from './directLine/localDirectLine.js';

const receivedSchema = z.object({
  kept: z.array(attachedFileSchema),
  refused: z.array(z.object({ name: z.string(), reason: z.enum(FILE_REFUSALS) })),
}) satisfies z.ZodType<ReceivedFiles>;

/** Hosts the Bot Framework's channels serve files from (Azure Direct Line, Teams and its SharePoint). */
const CHANNEL_FILE_HOSTS = [/\.botframework\.com$/i, /\.trafficmanager\.net$/i, /\.sharepoint\.com$/i, /\.teams\.microsoft\.com$/i, /\.skype\.com$/i];
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

export interface IncomingFilesDeps {
  files: AttachmentStore;
  fetch?: typeof fetch;
  /** more hosts files may come from (tests: a loopback server); http allowed only for these */
  extraHosts?: readonly string[];
  log: (obj: object, msg: string) => void;
}

/** What to download of an activity's attachments: links to files, not cards. */
export function fileLinks(attachments: readonly Attachment[] | undefined): Array<{ name: string; url: string }> {
  const links: Array<{ name: string; url: string }> = [];
  for (const a of attachments ?? []) {
    if (a.contentType === TEAMS_FILE) {
      const url = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof url === 'string') links.push({ name: a.name ?? 'file', url });
    } else if (typeof a.contentUrl === 'string' && !a.contentType?.startsWith('application/vnd.microsoft.card.')) {
      links.push({ name: a.name ?? 'file', url: a.contentUrl });
    }
  }
  return links;
}

export function createIncomingFiles({ files, fetch: fetchImpl = fetch, extraHosts = [], log }: IncomingFilesDeps) {
  const allowed = (url: URL, serviceHost: string | undefined): boolean => {
    if (extraHosts.includes(url.host)) return url.protocol === 'https:' || url.protocol === 'http:';
    if (url.protocol !== 'https:') return false;
    return url.host === serviceHost || CHANNEL_FILE_HOSTS.some((h) => h.test(url.hostname));
  };

  /** The bot's own token for the channel's attachment API (Teams' inline images need it); none in local mode. */
  async function botToken(context: TurnContext): Promise<string | undefined> {
    const client = context.turnState.get(context.adapter.ConnectorClientKey) as { credentials?: { getToken?: (force?: boolean) => Promise<string> } } | undefined;
    try {
      return await client?.credentials?.getToken?.();
    } catch {
      return undefined;
    }
  }

  /** Reads at most MAX_FILE_BYTES + 1 bytes: a bigger file is refused by its size without being held. */
  async function download(url: URL, token: string | undefined): Promise<Candidate | undefined> {
    const res = await fetchImpl(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'error', signal: AbortSignal.timeout(20_000) });
    if (!res.ok || !res.body) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_FILE_BYTES) {
        await res.body.cancel().catch(() => undefined);
        return { name: '', bytes: new Uint8Array(0), size };
      }
      chunks.push(chunk);
    }
    return { name: '', bytes: Buffer.concat(chunks), size };
  }

  return async function receivedFiles(context: TurnContext): Promise<ReceivedFiles | undefined> {
    const activity = context.activity;
    const conversationId = activity.conversation?.id;
    if (!conversationId) return undefined;
    if (activity.serviceUrl === LOCAL_SERVICE_URL) {
      const said = (activity.channelData as Record<string, unknown> | undefined)?.[RECEIVED_FILES];
      const parsed = receivedSchema.safeParse(said);
      return parsed.success ? parsed.data : undefined;
    }
    const links = fileLinks(activity.attachments);
    if (links.length === 0) return undefined;
    const serviceHost = URL.canParse(activity.serviceUrl ?? '') ? new URL(activity.serviceUrl).host : undefined;
    const candidates: Candidate[] = [];
    const unread: string[] = [];
    for (const link of links.slice(0, MAX_FILES_PER_MESSAGE)) {
      const url = URL.canParse(link.url) ? new URL(link.url) : undefined;
      if (!url || !allowed(url, serviceHost)) {
        log({ host: url?.host, channel: activity.channelId }, 'a file link from a host the bot does not fetch from was ignored');
        unread.push(link.name);
        continue;
      }
      try {
        const got = await download(url, url.host === serviceHost ? await botToken(context) : undefined);
        if (got) candidates.push({ ...got, name: link.name });
        else unread.push(link.name);
      } catch (err) {
        log({ err, host: url.host }, 'a file could not be downloaded');
        unread.push(link.name);
      }
    }
    const received = await takeFiles(files, conversationId, candidates, links.slice(MAX_FILES_PER_MESSAGE).map((l) => l.name));
    // A file that could not be fetched is one the customer should send again: said as refused by type
    // would be wrong, so it is said as empty (nothing was received).
    return { kept: received.kept, refused: [...received.refused, ...unread.map((name) => ({ name: safeFileName(name), reason: 'empty' as const }))] };
  };
}

export type IncomingFiles = ReturnType<typeof createIncomingFiles>;
