// A ticket (levels 1, 3, 4) or a callback (level 2), filled as a form that listens (request/form.ts
// decides; this only says it), saved, and only then confirmed with its reference number.
import type { Activity, TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../knowledge/types.js';
import { strings, type Strings } from '../strings/index.js';
import { confirmationCard } from './cards.js';
import { describeHours } from './contact/describeHours.js';
import { formatSlot } from './contact/slots.js';
import { HelpdeskDialog, isReroute } from './helpdeskDialog.js';
import { REQUEST } from './ids.js';
import { origin, triedSoFar } from './records.js';
import { markdown, withButtons } from './render.js';
import {
  formTurn, newForm, prepareQuestion, startForm, type Asking, type FormButton, type FormContext, type FormResult, type FormSay, type FormTurn, type RequestForm,
} from './request/form.js';
import { looksLikeAName } from './request/fields.js';
import type { RequestOptions } from './requestStart.js';
import { langOf, noteArticleShown, resetTried, type Session } from './session.js';
import type { Understanding } from './understand/turn.js';

/** A reason longer than this is shortened where it is quoted back in a sentence. */
const QUOTE_CHARS = 120;

function quote(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
}

export class RequestDialog extends HelpdeskDialog<RequestForm, RequestOptions> {
  constructor(deps: ConstructorParameters<typeof HelpdeskDialog>[1]) {
    super(REQUEST, deps);
  }

  override claims(form: RequestForm, u: Understanding): boolean {
    return u.pressed !== undefined || (form.asking === 'name' && looksLikeAName(u.entities.rest, u.lang));
  }

  private get ctx(): FormContext {
    return { now: this.deps.now(), hours: this.deps.callbacks.hours, slots: this.deps.callbacks.slots };
  }

  private formTurnOf(u: Understanding, form: RequestForm): FormTurn {
    const pressed = u.pressed !== undefined ? form.buttons[u.pressed] : undefined;
    return {
      text: u.text,
      lang: u.lang,
      entities: u.entities,
      ...(u.intent ? { intent: u.intent } : {}),
      ...(pressed ? { pressed } : {}),
      ...(u.question && u.words >= 2 ? { question: u.question } : {}),
      words: u.words,
      known: u.known,
      time: () => u.time(),
      asap: u.asap,
    };
  }

  override async beginDialog(dc: DialogContext, options?: RequestOptions): Promise<DialogTurnResult> {
    const { session, u } = await this.turn(dc.context);
    const start = options ?? { queue: 1 };
    const form = newForm({ ...start, contact: session.contact });
    session.misses = 0;
    session.supportOffered = false;
    const result = startForm(form, start.fromMessage ? this.formTurnOf(u, form) : undefined, this.ctx);
    return this.carryOut(dc, session, result);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { session, u } = await this.turn(dc.context);
    const form = this.state(dc);
    return this.carryOut(dc, session, formTurn(form, this.formTurnOf(u, form), this.ctx));
  }

  /** After "where is my ticket" asked in the middle: offer to go on where we were. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const { session } = await this.turn(dc.context);
    const form = this.state(dc);
    // The status dialog gave back a message that was not for it: it may be for the form.
    if (isReroute(result)) return this.continueDialog(dc);
    const paused = form.asking === 'resume' ? form.paused : form.asking;
    return this.carryOut(dc, session, { form: { ...form, ...(paused ? { paused } : {}) }, says: [], next: { ask: 'resume' } });
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { session } = await this.turn(context);
    const form = instance.state as RequestForm;
    await context.sendActivity(this.question(form, form.asking, strings(langOf(session)), langOf(session), []));
  }

  private async carryOut(dc: DialogContext, session: Session, result: FormResult): Promise<DialogTurnResult> {
    const lang = langOf(session);
    const t = strings(lang);
    const lines: string[] = [];
    for (const say of result.says) {
      if (say.say === 'answer') await this.answer(dc.context, session, say.articleId, lang);
      else {
        const line = this.line(say, result.form, t);
        if (line) lines.push(line);
      }
    }
    const next = result.next;
    if ('cancel' in next) {
      await this.say(dc.context, [...lines, t.requestCancelled].join(' '));
      return dc.endDialog();
    }
    if ('save' in next) return this.saveRequest(dc, session, result.form, lines);
    const form = prepareQuestion(result.form, next.ask, this.ctx);
    this.save(dc, form);
    await dc.context.sendActivity(this.question(form, next.ask, t, lang, lines, result.says));
    return this.waiting();
  }

  /** A question answered in the middle of the form: the answer, noted as shown. */
  private async answer(context: TurnContext, session: Session, articleId: string, lang: Lang): Promise<void> {
    const article = this.deps.matcher.article(articleId);
    if (!article) return;
    noteArticleShown(session, { id: article.id, title: article.title[lang], confidence: 1 });
    await context.sendActivity(markdown(article.answer[lang]));
    const u = await this.turn(context).then((x) => x.u);
    await this.deps.analytics.answerShown({ conversationId: context.activity.conversation.id, articleId, confidence: u.match.matches[0]?.score ?? 1, language: lang, question: u.text });
  }

  private line(say: Exclude<FormSay, { say: 'answer' }>, form: RequestForm, t: Strings): string | undefined {
    switch (say.say) {
      case 'intro':
        return form.kind === 'callback' ? t.callbackIntro(quote(form.reason)) : t.ticketIntro(t.queueName(form.queue), quote(form.reason));
      case 'noted':
        return t.fieldNoted(say.field);
      case 'switched':
        return t.switchedTo(say.kind);
      case 'already':
        return t.alreadyPreparing;
      case 'consent-refused':
        return t.consentRefused;
      case 'outside':
        return undefined; // said with the times offered
      case 'invalid':
        switch (say.field) {
          case 'reason':
            return t.invalidReason;
          case 'name':
            return t.invalidName;
          case 'email':
            return t.invalidEmail;
          case 'phone':
            return say.problem === 'premium-rate' || say.problem === 'not-callable' ? t.premiumPhone : t.invalidPhone;
          case 'time':
            return t.invalidSlot;
          case 'consent':
            return t.invalidConsent;
          case 'kind':
            return t.invalidKind;
          case 'summary':
          case 'change':
          case 'resume':
            return t.invalidSummary;
        }
    }
  }

  /** The question for `asking`, after what was said before it, with its buttons in this language. */
  private question(form: RequestForm, asking: Asking, t: Strings, lang: Lang, before: string[], says: FormSay[] = []): Partial<Activity> {
    const zone = this.deps.callbacks.hours.timeZone;
    const slot = (s: { start: string; end: string }) => formatSlot(s, lang, zone);
    const invalidNow = says.some((s) => s.say === 'invalid' && s.field === asking);
    let text: string;
    switch (asking) {
      case 'kind':
        text = t.humanChoice;
        break;
      case 'reason':
        text = t.askReason;
        break;
      case 'name':
        text = t.askName;
        break;
      case 'email':
        text = t.askEmail;
        break;
      case 'phone':
        text = invalidNow ? '' : t.askPhone;
        break;
      case 'time':
        text = says.some((s) => s.say === 'outside') ? t.outsideHours(describeHours(this.deps.callbacks.hours, lang), t.zoneName(zone)) : invalidNow ? '' : t.askSlot(t.zoneName(zone));
        break;
      case 'consent':
        text = t.askConsent(form.phone?.international ?? '');
        break;
      case 'summary': {
        const reason = form.reason ?? '';
        const name = form.name ?? '';
        text = form.kind === 'callback'
          ? t.callbackSummary({ reason, name, phone: form.phone?.international ?? '', slot: form.slot ? `${slot(form.slot)} (${t.zoneName(zone)})` : '' })
          : t.ticketSummary({ reason, name, email: form.email ?? '', queue: t.queueName(form.queue) });
        break;
      }
      case 'change':
        text = t.whatToChange;
        break;
      case 'resume':
        text = t.resumeRequest(form.kind);
        break;
    }
    const labels = form.buttons.map((b) => this.label(b, form, t, lang));
    const full = [...before, text].filter(Boolean).join(asking === 'summary' ? '\n\n' : ' ');
    return labels.length > 0 ? { ...withButtons(full, labels), textFormat: 'markdown' } : markdown(full);
  }

  private label(button: FormButton, form: RequestForm, t: Strings, lang: Lang): string {
    if (button.startsWith('slot:')) {
      const s = form.offered[Number(button.slice(5))];
      return s ? formatSlot(s, lang, this.deps.callbacks.hours.timeZone) : '';
    }
    if (button.startsWith('field:')) return t.fieldLabel(button.slice(6) as Parameters<Strings['fieldLabel']>[0]);
    switch (button) {
      case 'ticket':
        return t.humanTicket;
      case 'callback':
        return t.humanCallback;
      case 'send':
        return t.send;
      case 'change':
        return t.change;
      case 'cancel':
        return t.cancelRequest;
      case 'continue':
        return t.continueRequest;
      case 'yes':
        return t.consentYes;
      case 'no':
        return t.consentNo;
      case 'more':
        return t.moreTimes;
    }
    return button;
  }

  /** Saves, and only then gives the reference: a number is never given for a record not on disk. */
  private async saveRequest(dc: DialogContext, session: Session, form: RequestForm, before: string[]): Promise<DialogTurnResult> {
    const lang = langOf(session);
    const t = strings(lang);
    const zone = this.deps.callbacks.hours.timeZone;
    let confirmation: Partial<Activity>;
    try {
      const tried = await triedSoFar(this.deps, dc.context, session);
      const files = session.files ?? [];
      const common = { reason: form.reason ?? '', language: lang, ...origin(dc.context), ...(form.articleId ? { articleId: form.articleId } : {}), tried, ...(files.length ? { attachments: files } : {}) };
      const attached = files.length ? [t.filesGoWithRequest(files.map((f) => f.name))] : [];
      if (form.kind === 'callback') {
        const callback = await this.deps.store.createCallback({
          ...common,
          contact: { phone: form.phone!.e164, ...(form.name ? { name: form.name } : {}), ...(form.email ? { email: form.email } : {}) },
          slot: form.slot!,
          timeZone: zone,
          consent: true,
        });
        const when = `${formatSlot(callback.slot, lang, zone)} (${t.zoneName(zone)})`;
        const card = confirmationCard({ kind: 'callback', reference: callback.reference, createdAt: callback.createdAt, reason: callback.reason, when, phone: form.phone!.international }, lang, zone);
        confirmation = { ...markdown([...before, t.callbackSaved(callback.reference, when), ...attached].join(' ')), attachments: [card] };
        session.requests.push({ reference: callback.reference, kind: 'callback' });
      } else {
        const ticket = await this.deps.store.createTicket({ ...common, level: form.queue, contact: { name: form.name ?? '', email: form.email ?? '' } });
        const card = confirmationCard({ kind: 'ticket', reference: ticket.reference, createdAt: ticket.createdAt, reason: ticket.reason, sentTo: t.queueName(ticket.level), email: ticket.contact.email }, lang, zone);
        confirmation = { ...markdown([...before, t.ticketSaved(ticket.reference), ...attached].join(' ')), attachments: [card] };
        session.requests.push({ reference: ticket.reference, kind: 'ticket' });
      }
    } catch (err) {
      // Told plainly, and the form is kept: the customer can send it again without retyping.
      this.deps.log.error({ err, conversation: dc.context.activity.conversation.id, kind: form.kind }, 'request not saved');
      const kept = prepareQuestion(form, 'summary', this.ctx);
      this.save(dc, kept);
      await dc.context.sendActivity({ ...withButtons(t.saveFailed, kept.buttons.map((b) => this.label(b, kept, t, lang))), textFormat: 'markdown' });
      return this.waiting();
    }
    // Contact details are kept on the request that needs them, not in the conversation's state;
    // the files went with it.
    session.contact = {};
    delete session.files;
    resetTried(session);
    await dc.context.sendActivity(confirmation);
    return dc.endDialog();
  }
}
