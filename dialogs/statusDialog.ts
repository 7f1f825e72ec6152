// "Where is my ticket L1-…": the reference (from the message or asked), then the email or phone
// given with it, so nobody reads another customer's request by guessing numbers.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseReference } from '../tickets/reference.js';
import type { HelpdeskRequest } from '../tickets/types.js';
import { strings } from '../strings/index.js';
import { validateEmail } from './contact/email.js';
import { validatePhone } from './contact/phone.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { STATUS, TEXT_PROMPT } from './ids.js';
import { markdown } from './render.js';

export interface StatusOptions {
  text: string;
}

/** Does what the user typed match the contact details stored with the request? */
export function contactMatches(request: HelpdeskRequest, typed: string): boolean {
  const email = validateEmail(typed);
  if (email.ok && request.contact.email && request.contact.email.toLowerCase() === email.email.toLowerCase()) return true;
  const phone = validatePhone(typed);
  return phone.ok && request.kind === 'callback' && request.contact.phone === phone.e164;
}

export class StatusDialog extends WaterfallDialog<StatusOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(STATUS, []);
    this.addStep(this.askReference.bind(this));
    this.addStep(this.askContact.bind(this));
    this.addStep(this.tellStatus.bind(this));
  }

  private async askReference(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const found = parseReference((step.options as StatusOptions).text);
    if (found) return step.next(found.reference);
    const session = await sessionOf(this.deps, step.context);
    return step.prompt(TEXT_PROMPT, { prompt: strings(session.lang).askReference });
  }

  private async askContact(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const found = parseReference(String(step.result ?? ''));
    if (!found) {
      await step.context.sendActivity(t.invalidReference);
      return step.endDialog();
    }
    (step.values as { reference?: string }).reference = found.reference;
    return step.prompt(TEXT_PROMPT, { prompt: t.askStatusContact });
  }

  private async tellStatus(step: WaterfallStepContext<StatusOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const reference = String((step.values as { reference?: string }).reference);
    const request = await this.deps.store.findByReference(reference);
    if (!request || !contactMatches(request, String(step.result ?? ''))) {
      await step.context.sendActivity(t.statusNotFound(reference));
      return step.endDialog();
    }
    const last = request.statusHistory.at(-1)?.at ?? request.createdAt;
    const when = new Intl.DateTimeFormat(session.lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: this.deps.callbacks.hours.timeZone }).format(new Date(last));
    await step.context.sendActivity(markdown(t.statusIs(request.reference, request.status, when)));
    return step.endDialog();
  }
}
