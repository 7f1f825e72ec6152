// What the dialogs need, passed in by bot/main.ts (tests pass in-memory or temp-dir versions).
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Matcher } from '../knowledge/matcher.js';
import type { Lang } from '../knowledge/types.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { Analytics } from './analytics.js';
import type { BusinessHours } from './contact/businessHours.js';
import type { SlotOptions } from './contact/slots.js';
import type { ControlClassifier } from './understand/controlIntents.js';
import type { Understanding } from './understand/turn.js';
import { newSession, upgradeSession, type Session } from './session.js';

/** The part of pino's logger the dialogs use; bot/main.ts passes the real one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface HelpdeskDeps {
  matcher: Matcher;
  control: ControlClassifier;
  store: HelpdeskStore;
  /** answers shown, feedback, unanswered questions: best-effort, never failing a turn */
  analytics: Analytics;
  sessionState: StatePropertyAccessor<Session>;
  defaultLang: Lang;
  callbacks: { hours: BusinessHours; slots: SlotOptions };
  /** article ids offered as buttons in the welcome */
  popularArticles: string[];
  now: () => Date;
  log: Logger;
  /**
   * The address of an article's page in the help centre as this channel can open it; undefined
   * when it cannot (then the chat shows the whole answer, not its first part and a link).
   */
  articleLink?: (lang: Lang, articleId: string, channelId: string | undefined) => string | undefined;
}

export async function sessionOf(deps: HelpdeskDeps, context: TurnContext): Promise<Session> {
  return upgradeSession(await deps.sessionState.get(context, newSession(deps.defaultLang)), deps.defaultLang);
}

const UNDERSTANDING = Symbol('understanding');

/** The understanding of this turn's message, computed once by the conversation. */
export function understandingOf(context: TurnContext): Understanding {
  const u = context.turnState.get(UNDERSTANDING) as Understanding | undefined;
  if (!u) throw new Error('no understanding for this turn');
  return u;
}

export function setUnderstanding(context: TurnContext, u: Understanding): void {
  context.turnState.set(UNDERSTANDING, u);
}
