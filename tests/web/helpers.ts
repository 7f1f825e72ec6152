// Servers for the website-chat tests: the real `bot/main.ts` in a child process (as `npm start`),
// or the same pieces in process when a test needs the clock or a restart; and Chromium.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { HelpdeskCloudAdapter } from '../../bot/adapter.js';
import type { TrafficLimiter } from '../../bot/trafficLimits.js';
import { chromium, type BrowserContext } from 'playwright-core';
import type restify from 'restify';
import { createBot, POPULAR_ARTICLES } from '../../bot/createBot.js';
import { createLocalDirectLine } from '../../bot/directLine/localDirectLine.js';
import { createTokenSigner } from '../../bot/directLine/tokens.js';
import type { AzureDirectLine } from '../../bot/directLine/chatToken.js';
import { createServer } from '../../bot/server.js';
import { parseBusinessHours } from '../../dialogs/contact/businessHours.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import type { Logger } from '../../dialogs/deps.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
import { createLowdbKeyValueStore } from '../../tickets/keyValueStore.js';
import { bundled, bundledControl, bundledPublishedEmails, PROJECT_ROOT } from '../helpers/bundledKb.js';

export { startBot, type RunningBot } from '../helpers/processes.js';

export const SECRET = 'test-secret-for-the-local-direct-line-0123456789';

export interface InProcessOptions {
  dataDir: string;
  secret?: string;
  now?: () => Date;
  azure?: AzureDirectLine;
  /** false: no local Direct Line, as with a MicrosoftAppId and no LOCAL_DIRECTLINE */
  local?: boolean;
  /** what the bot logs, for tests that check it */
  log?: Logger;
  /** traffic limits (default: none) */
  limits?: TrafficLimiter;
  embedOrigins?: string[];
  /** hosts customers' file links may be fetched from besides the channels' own */
  fileHosts?: string[];
}

/** The server main.ts builds, in this process: the clock and the restarts are the test's. */
export async function startInProcess(options: InProcessOptions): Promise<{ url: string; close: () => Promise<void>; server: restify.Server; store: HelpdeskStore }> {
  const { matcher } = await bundled();
  const control = await bundledControl();
  const store = createLowdbStore({ dataDir: options.dataDir, keepEmails: await bundledPublishedEmails() });
  const parts = createBot({
    matcher,
    control,
    log: options.log ?? { info: () => undefined, warn: () => undefined, error: () => undefined },
    store,
    state: createLowdbKeyValueStore({ dataDir: options.dataDir }),
    defaultLang: 'fr',
    hours: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris'),
    slots: { count: 4, slotMinutes: 60, minLeadMinutes: 60 },
    popularArticles: POPULAR_ARTICLES,
    ...(options.fileHosts ? { fileHosts: options.fileHosts } : {}),
  });
  const local = options.local === false
    ? undefined
    : createLocalDirectLine({
        bot: parts.bot,
        attach: (a) => parts.attach(a),
        transcript: (id) => store.transcript(id),
        tokens: createTokenSigner({ secret: options.secret ?? SECRET, ...(options.now ? { now: options.now } : {}) }),
        ...(options.now ? { now: options.now } : {}),
        log: (line, err) => options.log?.error({ err }, line),
        ...(options.limits ? { limits: options.limits } : {}),
        files: store.files,
      });
  const server = createServer({
    adapter: parts.attach(new HelpdeskCloudAdapter(new ConfigurationBotFrameworkAuthentication({}))),
    bot: parts.bot,
    health: async () => ({ ok: true }),
    localMode: true,
    ...(options.limits ? { limits: options.limits } : {}),
    log: (line, err) => options.log?.error({ err }, line),
    webChat: {
      ...(local ? { local } : {}),
      ...(options.azure ? { azure: options.azure } : {}),
      site: { embedOrigins: options.embedOrigins ?? ['*'], connectOrigins: [] },
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'webchat-test-'));
}

/** Debian's package; CHROMIUM_PATH points elsewhere on a machine without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, in a fresh profile (Playwright takes the profile folder as
 * launchPersistentContext's argument, not as --user-data-dir): never a browser Playwright downloads.
 */
export async function launchChromium(options: { locale: string; viewport?: { width: number; height: number }; timezoneId?: string }): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with \`sudo apt-get install -y chromium\` (Debian; .ci/run does this in CI), or set CHROMIUM_PATH to a Chromium or Chrome binary. Never \`npx playwright install\`.`);
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'chromium-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: options.locale,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
}

export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'screenshots');
