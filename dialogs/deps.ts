// What the dialogs need, passed in by bot/main.ts (tests pass in-memory or temp-dir versions).
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Matcher } from '../knowledge/matcher.js';
import type { Lang } from '../knowledge/types.js';
import type { HelpdeskStore } from '../tickets/helpdeskStore.js';
import type { BusinessHours } from './contact/businessHours.js';
import type { SlotOptions } from './contact/slots.js';
import { newSession, type Session } from './session.js';

export interface HelpdeskDeps {
  matcher: Matcher;
  store: HelpdeskStore;
  sessionState: StatePropertyAccessor<Session>;
  defaultLang: Lang;
  callbacks: { hours: BusinessHours; slots: SlotOptions };
  /** article ids offered as buttons in the welcome */
  popularArticles: string[];
  now: () => Date;
}

export function sessionOf(deps: HelpdeskDeps, context: TurnContext): Promise<Session> {
  return deps.sessionState.get(context, newSession(deps.defaultLang));
}
