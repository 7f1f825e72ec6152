// Wires everything from the environment and starts listening. The only reader of process.env.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { createCloudAdapter } from './adapter.js';
import { createBot, POPULAR_ARTICLES } from './createBot.js';
import { createServer } from './server.js';
import { createTrafficLimiter } from './trafficLimits.js';
import { createLocalDirectLine } from './directLine/localDirectLine.js';
import { createTokenSigner } from './directLine/tokens.js';
import { KnowledgeError } from '../knowledge/knowledgeError.js';
import { openLiveKnowledge } from '../knowledge/liveKnowledge.js';
import { storedArticleEdits } from '../knowledge/loadKnowledge.js';
import { trainingTexts } from '../knowledge/matcher.js';
import { formatProblem } from '../knowledge/problems.js';
import { createControlClassifier, loadPhrasings } from '../dialogs/understand/controlIntents.js';
import { warmUpDateTimes } from '../dialogs/understand/dateTimes.js';
import { mountStaff, StaffConfigError } from '../staff/routes.js';
import { mountStaffPages } from '../web/staffSite.js';
import { mountHelpPages } from '../web/helpSite.js';
import { createLowdbStore } from '../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../tickets/keyValueStore.js';
import { DataDirLockedError, lockDataDir } from '../tickets/dataDirLock.js';
import { createFileStaffRecords } from '../tickets/staffRecords.js';
import { databaseWhere, openPgStorage, type PgStorage } from '../tickets/postgres/openPgStorage.js';
import type { PgStoreOptions } from '../tickets/postgres/pgStore.js';
import { persistentSecret, removeLeftoverTempFiles, storageWritable } from '../tickets/dataDirHousekeeping.js';
import { purgeExpired } from '../tickets/privacy.js';
import { publishedEmails } from '../tickets/masking.js';
import { createDispatcher, type Subscriber } from '../notify/dispatcher.js';
import { createSmtpMailer, mailSubscriber } from '../notify/mail.js';
import { chatSubscriber, type ProactiveChannel } from './proactive.js';
import { articleLinks } from './articleLinks.js';
import { createSupportTeam } from './supportTeam/supportTeam.js';
import { TeamsInfo } from 'botbuilder';
import { WEBCHAT_CHANNEL } from './directLine/localDirectLine.js';

// The one logger: JSON lines on standard output, passed down to whatever logs. Personal data
// (emails, phone numbers, what customers typed) is never given to it.
const log = pino({
  base: undefined,
  level: 'info',
  // Belt and braces: nothing personal or secret is logged on purpose; these never are by mistake.
  redact: { paths: ['*.email', '*.phone', '*.password', '*.authorization', '*.token', '*.headers.authorization', 'err.config.headers'], censor: '[redacted]' },
});
/** The "line, error" logging the HTTP and staff modules take, on the one logger. */
const logLine = (line: string, err?: unknown) => (err === undefined ? log.warn(line) : log.error({ err }, line));

async function main(): Promise<void> {
  // Secrets live in .env (never in the repo); Node reads it itself, no extra package needed.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const level = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (level && (level in log.levels.values || level === 'silent')) log.level = level;
  else if (level) log.warn(`LOG_LEVEL=${level} is not a level (${Object.keys(log.levels.values).join(', ')}, silent): info is used`);
  const config = loadConfig(process.env);
  const dataDir = path.resolve(config.dataDir);
  // A folder that cannot be written (read-only, full, wrong owner) is said plainly, before anything
  // tries to write there and fails with a stack trace. With PostgreSQL it only holds this instance's
  // Direct Line token secret (when none is configured).
  await mkdir(dataDir, { recursive: true }).catch(() => undefined);
  const files = config.storage.kind === 'files';
  const writable = files ? await storageWritable(dataDir) : { ok: true as const };
  if (!writable.ok) throw new StartRefused(`DATA_DIR ${dataDir} cannot be written (${writable.problem}): a read-only or full disk, or a folder this user may not write. Fix it and start again.`);
  // One process per data folder: a second one refuses to start and says who holds it.
  const lock = files ? await lockDataDir(dataDir, { onCompromised: (err) => log.fatal({ err }, 'the lock on DATA_DIR was lost: stopping') }) : undefined;
  if (files) {
    const leftovers = await removeLeftoverTempFiles(dataDir);
    if (leftovers.length > 0) log.warn({ files: leftovers }, `removed ${leftovers.length} temp file(s) left by an interrupted write`);
  }
  const repaired = (line: string) => log.error({}, line);
  // The addresses the answers publish (no-reply@…) are the company's, not a customer's: not masked.
  // Filled once the knowledge base is open (it needs the store for the staff's edits).
  const keepEmails = new Set<string>();
  const storeOptions = { timeZone: config.businessHours.timeZone, report: repaired, keepEmails };
  const database = config.storage.kind === 'postgres' ? await openDatabase(config.storage.url, storeOptions) : undefined;
  const store = database?.store ?? createLowdbStore({ dataDir, ...storeOptions });
  // The bundled articles with the staff's edits over them. A broken knowledge base stops the start:
  // better no bot than one answering from half a KB. Later edits (here or on another instance)
  // are trained in a worker thread and swapped in; a broken edit is refused, the old KB stays.
  const started = performance.now();
  const live = await openLiveKnowledge(config.knowledgeDir, config.thresholds, {
    linkHosts: config.linkHosts,
    edits: () => storedArticleEdits(store),
    warn: (line) => log.warn({}, line),
  });
  const indexedMs = Math.round(performance.now() - started);
  for (const email of publishedEmails(live.kb().articles.flatMap((a) => [a.answer.fr, a.answer.en]))) keepEmails.add(email);
  const stopHearingEdits = store.onKbEdit(() => {
    live.reload().then(
      (r) => {
        if (!r.ok) log.error({ problems: r.problems.length }, `knowledge: another instance's edit makes problems here (${r.problems.map(formatProblem).join('; ')}); the bot keeps the previous knowledge base`);
        else if (r.changed) log.info({ articles: r.articles, stalledMs: r.stalledMs }, `knowledge: reloaded after an edit (${r.articles} articles; the event loop waited ${r.stalledMs} ms at most meanwhile)`);
      },
      (err: unknown) => log.error({ err }, 'knowledge: reloading after an edit failed; the bot keeps the previous knowledge base'),
    );
  });
  const matcher = live.matcher;
  // What a message asks of the conversation itself; the KB's questions teach it what a question is.
  const control = createControlClassifier(await loadPhrasings(), { questions: trainingTexts(live.kb()) });
  const state = database?.state ?? createLowdbKeyValueStore({ dataDir, report: repaired });
  const staffRecords = database?.staff ?? createFileStaffRecords(dataDir);
  const storedIn = database?.where ?? dataDir;
  if (database && config.webChat.localDirectLine && !config.webChat.localSecret) {
    log.warn({}, 'STORAGE=postgres with the local Direct Line and no DIRECT_LINE_LOCAL_SECRET: each instance signs chat tokens with its own secret, so set one when several instances share the load');
  }
  const parts = createBot({
    matcher,
    control,
    log,
    store,
    state,
    defaultLang: config.defaultLocale,
    hours: config.businessHours,
    slots: config.callbackSlots,
    popularArticles: POPULAR_ARTICLES,
    allowedTenants: config.teamsAllowedTenants,
    articleLink: articleLinks(config.publicUrl),
  });
  const adapter = parts.attach(createCloudAdapter(config));
  const web = config.webChat;
  const traffic = createTrafficLimiter(config.traffic, database?.limiters);
  // Web Chat without Azure: the same bot, in process. Without a configured secret, one is kept in
  // DATA_DIR, so a restart does not strand the chats open in browsers.
  const local = web.localDirectLine
    ? createLocalDirectLine({
        bot: parts.bot,
        attach: (a) => parts.attach(a),
        transcript: (id) => store.transcript(id),
        tokens: createTokenSigner({ secret: web.localSecret ?? (await persistentSecret(dataDir)) }),
        log: logLine,
        limits: traffic,
        trustProxy: config.staff.trustProxy,
        files: store.files,
      })
    : undefined;
  // What happens to a request after it is made reaches the customer: by mail (SMTP_URL) and in
  // their conversation. Delivered from the store's outbox after the write, retried on failure; on
  // PostgreSQL any instance may deliver what another wrote, never both.
  const mailer = config.mail ? createSmtpMailer(config.mail) : undefined;
  const dueRules = { firstReplyHours: config.firstReplyHours, business: config.businessHours };
  const botFramework = config.botFramework;
  const cloudChannel: ProactiveChannel | undefined = botFramework
    ? { continueConversation: (reference, logic) => adapter.continueConversationAsync(botFramework.appId, reference, logic) }
    : undefined;
  const subscribers: Subscriber[] = [
    chatSubscriber({
      store,
      channelFor: (address) => (address.channelId === WEBCHAT_CHANNEL && local ? local.adapter : cloudChannel),
      tell: parts.tellCustomer,
    }),
    ...(mailer ? [mailSubscriber(store, mailer)] : []),
  ];
  // The support team's channel in Teams: a card per request, updated in place, acted on by members
  // who have an agent or admin account in the console.
  if (config.supportTeam && botFramework && cloudChannel) {
    const team = createSupportTeam({
      config: { ...config.supportTeam, ...(config.publicUrl ? { consoleUrl: config.publicUrl } : {}) },
      store,
      state,
      staff: staffRecords,
      rules: dueRules,
      now: () => new Date(),
      channel: cloudChannel,
      bot: { id: botFramework.appId },
      memberEmail: async (context) => {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        return member.email ?? member.userPrincipalName;
      },
      log: log.child({ part: 'support team' }),
    });
    parts.bot.handleSupportTeam(team);
    subscribers.push(team.subscriber);
    log.info({}, `support team: new requests are posted to Teams channel ${config.supportTeam.channelId}`);
  }
  const dispatcher = createDispatcher({ outbox: store.outbox, subscribers, log: log.child({ part: 'notifications' }) });
  const stopHearingRequests = store.onRequestEvent(() => void dispatcher.kick());
  dispatcher.start();
  if (!mailer) log.info({}, 'mail to customers is off (set SMTP_URL and MAIL_FROM to send confirmations and replies by mail)');

  let draining = false;
  const server = createServer({
    adapter,
    bot: parts.bot,
    health: async () => {
      const storage = database ? await database.check() : await storageWritable(dataDir);
      const articles = live.kb().articles.length;
      return { ok: storage.ok && articles > 0, storage: storage.ok ? (database ? 'database' : 'writable') : storage.problem, articles, mode: config.botFramework ? 'azure' : 'local' };
    },
    ready: () => !draining,
    localMode: !config.botFramework,
    limits: traffic,
    log: logLine,
    webChat: {
      ...(local ? { local } : {}),
      ...(web.azure ? { azure: web.azure } : {}),
      site: { embedOrigins: web.embedOrigins, connectOrigins: web.azure ? directLineOrigins(web.azure.endpoint) : [] },
    },
  });
  // The staff console: its API and its pages, on the same server.
  mountStaff(server, {
    store,
    live,
    records: staffRecords,
    ...(database ? { limiters: database.limiters } : {}),
    ...(config.staff.token ? { staffToken: config.staff.token } : {}),
    ...(config.staff.sessionSecret ? { sessionSecret: config.staff.sessionSecret } : {}),
    timeZone: config.businessHours.timeZone,
    dueRules,
    trustProxy: config.staff.trustProxy,
    log: (line) => log.warn(line),
  });
  mountStaffPages(server, { log: logLine });
  mountHelpPages(server, { live, store, log: logLine, limits: traffic, trustProxy: config.staff.trustProxy, ...(config.publicUrl ? { origin: config.publicUrl } : {}) });
  server.listen(config.port, config.host, () => {
    // PORT=0 picks a free port: print the real one (tests read this line).
    const port = server.address().port;
    log.info({ articles: live.kb().articles.length, indexedMs, storage: storedIn }, `scriba helpdesk bot: ${live.kb().articles.length} articles indexed in ${indexedMs} ms, data in ${storedIn}`);
    log.info(
      {},
      config.botFramework
        ? `listening on http://${config.host}:${port} — POST /api/messages needs a Bot Framework token (app ${config.botFramework.appId})`
        : `listening on http://127.0.0.1:${port} — local mode (no MicrosoftAppId): anonymous, loopback only`,
    );
    const chat = web.azure
      ? `Direct Line tokens from ${web.azure.endpoint}`
      : local
        ? `local Direct Line${web.localSecret ? '' : ' (token secret kept in DATA_DIR)'}`
        : 'disabled (set DIRECT_LINE_SECRET, or LOCAL_DIRECTLINE=true)';
    log.info({}, `website chat: http://${config.botFramework ? 'localhost' : '127.0.0.1'}:${port}/ — ${chat}`);
    log.info({}, `staff console: http://${config.botFramework ? 'localhost' : '127.0.0.1'}:${port}/staff/ (accounts: npm run staff:add -- email)`);
    // Callback times are read by recognizers that compile their expressions on first use: do it now.
    setImmediate(warmUpDateTimes);
  });

  // GDPR: what is kept for analysis goes after RETENTION_DAYS; checked at start, then daily.
  const purge = async () => {
    try {
      const purged = await purgeExpired(store, state, config.retentionDays);
      if (purged.transcripts + purged.records + purged.states + purged.files > 0) log.info({ ...purged, retentionDays: config.retentionDays }, 'purged what is older than the retention period');
    } catch (err) {
      log.error({ err }, 'the retention purge failed');
    }
  };
  setTimeout(() => void purge(), 60_000).unref();
  setInterval(() => void purge(), 24 * 3600 * 1000).unref();

  // SIGTERM (a deploy, a stop): refuse new requests, let the turns under way finish (10 s at most),
  // then release the data folder. Every write is awaited before its turn answers, so nothing is lost.
  const stop = async (signal: string) => {
    if (draining) return;
    draining = true;
    log.info({ signal }, 'stopping: finishing the turns under way');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.server.closeIdleConnections();
    const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), SHUTDOWN_GRACE_MS).unref())]);
    if (timedOut) {
      log.warn({}, `requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: closing them`);
      server.server.closeAllConnections();
    }
    stopHearingEdits();
    stopHearingRequests();
    await dispatcher.stop();
    mailer?.close();
    await live.close().catch((err: unknown) => log.warn({ err }, 'could not stop the knowledge build thread'));
    await lock?.release().catch((err: unknown) => log.warn({ err }, 'could not release the lock on DATA_DIR'));
    await database?.close().catch((err: unknown) => log.warn({ err }, 'could not close the database pool'));
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** The database, migrated; a database that cannot be reached or migrated is a start refused, said in one line. */
async function openDatabase(url: string, options: PgStoreOptions): Promise<PgStorage> {
  try {
    const database = await openPgStorage(url, options);
    if (database.applied.length > 0) log.info({ applied: database.applied }, `database schema upgraded: ${database.applied.join(', ')}`);
    return database;
  } catch (err) {
    throw new StartRefused(`the database at ${databaseWhere(url)} cannot be used (${err instanceof Error ? err.message : String(err)}): check DATABASE_URL and that PostgreSQL is running`);
  }
}

/** A start refused for a reason the operator can fix, told without a stack trace. */
class StartRefused extends Error {}

/** The longest a stop waits for turns under way. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The page talks to Direct Line itself: its https and wss origins go in the page's connect-src. */
function directLineOrigins(endpoint: string): string[] {
  const url = new URL(endpoint);
  return [url.origin, `${url.protocol === 'http:' ? 'ws:' : 'wss:'}//${url.host}`];
}

try {
  await main();
} catch (err) {
  if (err instanceof DataDirLockedError || err instanceof StartRefused) log.fatal({}, err.message);
  else if (err instanceof ConfigError || err instanceof StaffConfigError) log.fatal({}, `Configuration problem:\n${err.message}`);
  else if (err instanceof KnowledgeError) log.fatal({}, `The knowledge base has problems; fix them and start again:\n${err.message}`);
  else log.fatal({ err }, 'the bot could not start');
  process.exitCode = 1;
}
