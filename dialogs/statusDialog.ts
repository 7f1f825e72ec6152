// "Where is my ticket": a request opened in this conversation is told at once; another one needs its
// reference and the email or phone given with it, so nobody reads another customer's request by
// guessing numbers. Three wrong contact details for one reference lock it for 15 minutes.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { lastWordToCustomer } from '../tickets/requestChanges.js';
import type { HelpdeskRequest } from '../tickets/types.js';
import { strings, type Strings } from '../strings/index.js';
import { formatSlot } from './contact/slots.js';
import { HelpdeskDialog } from './helpdeskDialog.js';
import { STATUS } from './ids.js';
import { langOf, type Session } from './session.js';
import type { Understanding } from './understand/turn.js';

export interface StatusOptions {
  reference?: string;
}

interface StatusState {
  asking: 'reference' | 'contact';
  reference?: string;
  retries: number;
  locked?: boolean;
}

export const LOCK_AFTER_FAILURES = 3;
export const LOCK_MINUTES = 15;

/** Does what the customer typed match the contact details stored with the request? */
export function contactMatches(request: HelpdeskRequest, u: Pick<Understanding, 'entities'>): boolean {
  const emails = u.entities.emails.map((e) => e.toLowerCase());
  if (request.contact.email && emails.includes(request.contact.email.toLowerCase())) return true;
  return request.kind === 'callback' && u.entities.phones.some((p) => p.e164 === request.contact.phone);
}

/** The request a "where is my…" without a reference means: the latest of this conversation, of the kind named. */
export function requestOfThisConversation(session: Session, text: string): string | undefined {
  const callback = /rappel|call|phone|t[ée]l[ée]phone|appel/iu.test(text);
  const ticket = /ticket|mail|demande|request/iu.test(text) && !callback;
  const mine = [...session.requests].reverse();
  return (mine.find((r) => (callback ? r.kind === 'callback' : ticket ? r.kind === 'ticket' : true)) ?? mine[0])?.reference;
}

export class StatusDialog extends HelpdeskDialog<StatusState, StatusOptions> {
  constructor(deps: ConstructorParameters<typeof HelpdeskDialog>[1]) {
    super(STATUS, deps);
  }

  override async beginDialog(dc: DialogContext, options?: StatusOptions): Promise<DialogTurnResult> {
    const { session, u, t } = await this.turn(dc.context);
    const reference = options?.reference ?? u.entities.references[0] ?? requestOfThisConversation(session, u.text);
    if (!reference) {
      this.save(dc, { asking: 'reference', retries: 0 });
      await this.ask(dc.context, t.askReference);
      return this.waiting();
    }
    return this.lookUp(dc, session, u, reference, 0);
  }

  private async lookUp(dc: DialogContext, session: Session, u: Understanding, reference: string, retries: number): Promise<DialogTurnResult> {
    const t = strings(langOf(session));
    const request = await this.deps.store.findByReference(reference);
    // Opened in this conversation: the customer is the one who gave the details.
    if (request && session.requests.some((r) => r.reference === request.reference)) return this.tell(dc, session, request);
    const shown = request?.reference ?? reference;
    if (await this.locked(shown)) return this.sayLocked(dc, shown, t);
    if (u.entities.emails.length > 0 || u.entities.phones.length > 0) return this.check(dc, session, u, shown, request, retries);
    this.save(dc, { asking: 'contact', reference: shown, retries });
    await this.ask(dc.context, t.askStatusContact(shown));
    return this.waiting();
  }

  private async locked(reference: string): Promise<boolean> {
    const since = new Date(this.deps.now().getTime() - LOCK_MINUTES * 60_000);
    const failures = await this.deps.store.listLookupFailures({ from: since });
    return failures.filter((f) => f.reference === reference).length >= LOCK_AFTER_FAILURES;
  }

  private async check(dc: DialogContext, session: Session, u: Understanding, reference: string, request: HelpdeskRequest | undefined, retries: number): Promise<DialogTurnResult> {
    const t = strings(langOf(session));
    if (request && contactMatches(request, u)) return this.tell(dc, session, request);
    await this.deps.store.recordLookupFailure({ reference, conversationId: dc.context.activity.conversation.id });
    if (await this.locked(reference)) return this.sayLocked(dc, reference, t);
    this.save(dc, { asking: 'contact', reference, retries: retries + 1 });
    await this.say(dc.context, t.statusNotFound(reference));
    await this.ask(dc.context, t.askStatusContact(reference));
    return this.waiting();
  }

  /** Locked: said, and said again to every further guess, until the customer moves on. */
  private async sayLocked(dc: DialogContext, reference: string, t: Strings): Promise<DialogTurnResult> {
    this.save(dc, { asking: 'contact', reference, retries: 0, locked: true });
    await this.say(dc.context, t.statusLocked(reference, LOCK_MINUTES));
    return this.waiting();
  }

  private async tell(dc: DialogContext, session: Session, request: HelpdeskRequest): Promise<DialogTurnResult> {
    const lang = langOf(session);
    const t = strings(lang);
    const zone = this.deps.callbacks.hours.timeZone;
    if (request.kind === 'callback' && request.status !== 'resolved' && request.status !== 'closed') {
      const slot = `${formatSlot(request.slot, lang, request.timeZone)} (${t.zoneName(request.timeZone)})`;
      await this.say(dc.context, t.callbackStatusIs(request.reference, request.status, slot));
    } else {
      const last = request.statusHistory.at(-1)?.at ?? request.createdAt;
      const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(last));
      await this.say(dc.context, t.statusIs(request.reference, request.status, `${when} (${t.zoneName(zone)})`));
    }
    const word = lastWordToCustomer(request);
    if (word) {
      const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(word.at));
      await this.say(dc.context, t.latestReply(`${when} (${t.zoneName(zone)})`, word.text));
    }
    return dc.endDialog();
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { session, u, t } = await this.turn(dc.context);
    const state = this.state(dc);
    if (state.asking === 'reference') {
      const reference = u.entities.references[0];
      if (reference) return this.lookUp(dc, session, u, reference, 0);
      if (u.question || u.words >= 4 || state.retries >= 1 || u.intent === 'no' || u.intent === 'skip') return this.reroute(dc);
      this.save(dc, { ...state, retries: state.retries + 1 });
      await this.ask(dc.context, t.invalidReference);
      return this.waiting();
    }
    const reference = u.entities.references[0];
    if (reference && reference !== state.reference) return this.lookUp(dc, session, u, reference, 0);
    if (state.locked) return u.entities.emails.length > 0 || u.entities.phones.length > 0 || reference ? this.sayLocked(dc, state.reference!, t) : this.reroute(dc);
    if (u.entities.emails.length > 0 || u.entities.phones.length > 0) {
      const request = await this.deps.store.findByReference(state.reference!);
      return this.check(dc, session, u, state.reference!, request, state.retries);
    }
    if (u.question || u.words >= 4 || state.retries >= 2) return this.reroute(dc);
    this.save(dc, { ...state, retries: state.retries + 1 });
    await this.ask(dc.context, t.askStatusContact(state.reference!));
    return this.waiting();
  }

  override claims(state: StatusState, u: Understanding): boolean {
    return state.asking === 'contact' && (u.entities.emails.length > 0 || u.entities.phones.length > 0);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { t } = await this.turn(context);
    const state = instance.state as StatusState;
    await this.ask(context, state.asking === 'reference' ? t.askReference : t.askStatusContact(state.reference ?? ''));
  }
}
