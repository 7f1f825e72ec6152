// A level-2 callback request: reason, name, phone (validated), a slot within business hours,
// consent to be called, summary, then save and give the reference number.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import { pickChoice, yesOrNo } from './choices.js';
import { validatePhone } from './contact/phone.js';
import { formatSlot, isWithinBusinessHours, proposeSlots, type Slot } from './contact/slots.js';
import { askName, askReason, confirmThenSave, keepName, readReason, type RequestValues } from './contactSteps.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { CALLBACK, CHOICE_PROMPT, PHONE_PROMPT, TEXT_PROMPT } from './ids.js';
import type { ChoiceValidations } from './prompts.js';
import { origin, triedSoFar } from './records.js';
import { markdown, withButtons } from './render.js';
import { confirmationCard } from './cards.js';

export interface CallbackOptions {
  reason?: string;
  articleId?: string;
}

interface CallbackValues extends RequestValues {
  phone?: { e164: string; international: string };
  slots?: Slot[];
  slot?: Slot;
}

export class CallbackDialog extends WaterfallDialog<CallbackOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(CALLBACK, []);
    this.addStep(async (step) => askReason(deps, step, strings((await sessionOf(deps, step.context)).lang).callbackIntro));
    this.addStep((step) => readReason(deps, step));
    this.addStep((step) => askName(deps, step));
    this.addStep(this.askPhone.bind(this));
    this.addStep(this.askSlot.bind(this));
    this.addStep(this.askConsent.bind(this));
    this.addStep(this.showSummary.bind(this));
    this.addStep(this.save.bind(this));
  }

  private get zone(): string {
    return this.deps.callbacks.hours.timeZone;
  }

  private async askPhone(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    await keepName(this.deps, step);
    const session = await sessionOf(this.deps, step.context);
    return step.prompt(PHONE_PROMPT, { prompt: strings(session.lang).askPhone });
  }

  private async askSlot(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const values = step.values as CallbackValues;
    const phone = validatePhone(String(step.result ?? ''));
    if (phone.ok) {
      values.phone = { e164: phone.e164, international: phone.international };
      session.contact.phone = phone.e164;
    }
    values.slots = proposeSlots(this.deps.now(), this.deps.callbacks.hours, this.deps.callbacks.slots);
    const labels = values.slots.map((s) => formatSlot(s, session.lang, this.zone));
    const t = strings(session.lang);
    return step.prompt(CHOICE_PROMPT, { prompt: withButtons(t.askSlot(this.zone), labels), validations: { labels, retry: t.noSlot } satisfies ChoiceValidations });
  }

  private async askConsent(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const values = step.values as CallbackValues;
    const slots = values.slots ?? [];
    const picked = pickChoice(String(step.result ?? ''), slots.map((s) => formatSlot(s, session.lang, this.zone)));
    const slot = picked === undefined ? undefined : slots[picked];
    // The choice prompt only lets a listed slot through; the check stays in case hours changed.
    if (!slot || !isWithinBusinessHours(slot, this.deps.callbacks.hours)) return step.replaceDialog(CALLBACK, step.options);
    values.slot = slot;
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.askConsent(values.phone?.international ?? ''), [t.consentYes, t.consentNo]) });
  }

  private async showSummary(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const values = step.values as CallbackValues;
    const text = String(step.result ?? '');
    if (yesOrNo(text, t.consentYes, t.consentNo) !== true || !values.slot) {
      await step.context.sendActivity(t.consentRefused);
      return step.endDialog();
    }
    const summary = t.callbackSummary({ reason: values.reason ?? '', name: values.name ?? '', phone: values.phone?.international ?? '', slot: formatSlot(values.slot, session.lang, this.zone) });
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(summary, [t.confirm, t.correct]) });
  }

  private save(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    const options = step.options as CallbackOptions;
    return confirmThenSave(this.deps, step, 'callback', async (session, t) => {
      const callback = await this.deps.store.createCallback({
        reason: values.reason ?? '',
        language: session.lang,
        ...origin(step.context),
        contact: { phone: values.phone!.e164, ...(values.name ? { name: values.name } : {}), ...(session.contact.email ? { email: session.contact.email } : {}) },
        slot: values.slot!,
        timeZone: this.zone,
        consent: true,
        ...(options.articleId ? { articleId: options.articleId } : {}),
        tried: await triedSoFar(this.deps, step.context, session),
      });
      const when = formatSlot(callback.slot, session.lang, this.zone);
      const card = confirmationCard(
        { kind: 'callback', reference: callback.reference, createdAt: callback.createdAt, reason: callback.reason, when, phone: values.phone?.international ?? callback.contact.phone },
        session.lang,
        this.zone,
      );
      return { ...markdown(t.callbackSaved(callback.reference, when)), attachments: [card] };
    });
  }
}
