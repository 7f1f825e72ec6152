// Assembles the bot from its parts; main.ts passes the real ones, tests pass temp-dir ones.
import { ConversationState, ShowTypingMiddleware, type BotAdapter, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Matcher } from '../knowledge/matcher.js';
import type { ControlClassifier } from '../dialogs/understand/controlIntents.js';
import type { Logger } from '../dialogs/deps.js';
import type { Lang } from '../knowledge/types.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { KeyValueStore } from '../tickets/keyValueStore.js';
import type { BusinessHours } from '../dialogs/contact/businessHours.js';
import type { SlotOptions } from '../dialogs/contact/slots.js';
import { HelpdeskConversation } from '../dialogs/conversation.js';
import { langOf, noteStaffMessage, type Session } from '../dialogs/session.js';
import { markdown } from '../dialogs/render.js';
import { sessionOf, type HelpdeskDeps } from '../dialogs/deps.js';
import { bestEffortAnalytics } from '../dialogs/analytics.js';
import { HelpdeskBot } from './helpdeskBot.js';
import { createIncomingFiles } from './incomingFiles.js';
import { KeyValueStorage } from './keyValueStorage.js';
import { TranscriptMiddleware } from './transcriptMiddleware.js';
import { channelMiddleware } from './channels.js';
import { createTurnErrorHandler } from './turnErrors.js';

export interface BotParts {
  matcher: Matcher;
  /** what a message asks of the conversation itself (human, cancel, yes…) */
  control: ControlClassifier;
  log: Logger;
  store: HelpdeskStore;
  state: KeyValueStore;
  defaultLang: Lang;
  hours: BusinessHours;
  slots: SlotOptions;
  popularArticles: string[];
  /** where an article's help-centre page is, as a channel can open it (dialogs' articleLink) */
  articleLink?: HelpdeskDeps['articleLink'];
  /** hosts besides the channels' own that customers' files may be fetched from (tests) */
  fileHosts?: readonly string[];
  /** Teams tenants allowed (TEAMS_ALLOWED_TENANTS); empty = any */
  allowedTenants?: readonly string[];
  now?: () => Date;
}

export const POPULAR_ARTICLES = ['reset-password', 'install', 'supported-databases', 'invoice-question'];

export function createBot(parts: BotParts) {
  const conversationState = new ConversationState(new KeyValueStorage(parts.state));
  const now = parts.now ?? (() => new Date());
  const deps: HelpdeskDeps = {
    matcher: parts.matcher,
    control: parts.control,
    store: parts.store,
    analytics: bestEffortAnalytics(parts.store, parts.log),
    log: parts.log,
    sessionState: conversationState.createProperty<Session>('session'),
    defaultLang: parts.defaultLang,
    callbacks: { hours: parts.hours, slots: parts.slots },
    popularArticles: parts.popularArticles,
    now,
    ...(parts.articleLink ? { articleLink: parts.articleLink } : {}),
  };
  const conversation = new HelpdeskConversation(deps, conversationState.createProperty<DialogState>('dialogState'));
  const turnErrors = createTurnErrorHandler(conversationState, parts.defaultLang, (line, err) => parts.log.error({ err }, line));
  const incomingFiles = createIncomingFiles({ files: parts.store.files, extraHosts: parts.fileHosts ?? [], log: (obj, msg) => parts.log.warn(obj, msg) });
  const bot = new HelpdeskBot(conversationState, conversation, (context) => turnErrors.succeeded(context.activity.conversation?.id), parts.log, incomingFiles);
  return {
    bot,
    conversationState,
    /**
     * Writes a support team's message into the customer's conversation (a proactive turn), and
     * remembers that what the customer writes next answers it.
     */
    async tellCustomer(context: TurnContext, textIn: (lang: Lang | undefined) => string, reference: string): Promise<void> {
      const session = await sessionOf(deps, context);
      // A conversation whose state is gone (purged, never kept) has no language of its own.
      await context.sendActivity(markdown(textIn(session.started ? langOf(session) : undefined)));
      noteStaffMessage(session, reference, now());
      await conversationState.saveChanges(context);
    },
    /** transcript logging and the turn-error handler, on whichever adapter carries the bot */
    attach<A extends BotAdapter>(adapter: A): A {
      // Channel first: the transcript then holds what the user really wrote, without the @mention.
      adapter.use(channelMiddleware({ allowedTenants: parts.allowedTenants ?? [], log: (line) => parts.log.warn({}, line) }));
      adapter.use(new TranscriptMiddleware(parts.store, parts.log, { notCustomers: (context) => bot.isSupportTeam(context) }));
      // "Typing…" in Web Chat while a slow turn works; answers under 500 ms show none. Web channels
      // only: other channels' tests (TestAdapter) would see typing activities in their replies.
      const typing = new ShowTypingMiddleware(500, 2000);
      adapter.use(async (context, next) => (/^(webchat|directline)$/.test(context.activity.channelId ?? '') ? typing.onTurn(context, next) : next()));
      adapter.onTurnError = turnErrors;
      return adapter;
    },
  };
}
