// A level-1 ticket (queues 1, 3 and 4): reason, name, email, summary, then save and give the
// reference number, only once the ticket is on disk.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import { validateEmail } from './contact/email.js';
import { askName, askReason, confirmThenSave, keepName, readReason, type RequestValues } from './contactSteps.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { EMAIL_PROMPT, TEXT_PROMPT, TICKET } from './ids.js';
import { origin, triedSoFar } from './records.js';
import { markdown, withButtons } from './render.js';
import { confirmationCard } from './cards.js';

export interface TicketOptions {
  reason?: string;
  queue: 1 | 3 | 4;
  articleId?: string;
}

interface TicketValues extends RequestValues {
  email?: string;
}

export class TicketDialog extends WaterfallDialog<TicketOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(TICKET, []);
    this.addStep(async (step) => {
      const session = await sessionOf(deps, step.context);
      const t = strings(session.lang);
      return askReason(deps, step, t.ticketIntro(t.queueName((step.options as TicketOptions).queue)));
    });
    this.addStep((step) => readReason(deps, step));
    this.addStep((step) => askName(deps, step));
    this.addStep(this.askEmail.bind(this));
    this.addStep(this.showSummary.bind(this));
    this.addStep(this.save.bind(this));
  }

  private async askEmail(step: WaterfallStepContext<TicketOptions>): Promise<DialogTurnResult> {
    await keepName(this.deps, step);
    const session = await sessionOf(this.deps, step.context);
    if (session.contact.email) return step.next(session.contact.email);
    return step.prompt(EMAIL_PROMPT, { prompt: strings(session.lang).askEmail });
  }

  private async showSummary(step: WaterfallStepContext<TicketOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const values = step.values as TicketValues;
    const checked = validateEmail(String(step.result ?? ''));
    values.email = checked.ok ? checked.email : String(step.result ?? '');
    session.contact.email = values.email;
    const summary = t.ticketSummary({ reason: values.reason ?? '', name: values.name ?? '', email: values.email, queue: t.queueName((step.options as TicketOptions).queue) });
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(summary, [t.confirm, t.correct]) });
  }

  private save(step: WaterfallStepContext<TicketOptions>): Promise<DialogTurnResult> {
    const values = step.values as TicketValues;
    const options = step.options as TicketOptions;
    return confirmThenSave(this.deps, step, 'ticket', async (session, t) => {
      const ticket = await this.deps.store.createTicket({
        level: options.queue,
        reason: values.reason ?? '',
        language: session.lang,
        ...origin(step.context),
        contact: { name: values.name ?? '', email: values.email ?? '' },
        ...(options.articleId ? { articleId: options.articleId } : {}),
        tried: await triedSoFar(this.deps, step.context, session),
      });
      const card = confirmationCard(
        { kind: 'ticket', reference: ticket.reference, createdAt: ticket.createdAt, reason: ticket.reason, sentTo: t.queueName(ticket.level), email: ticket.contact.email },
        session.lang,
        this.deps.callbacks.hours.timeZone,
      );
      return { ...markdown(t.ticketSaved(ticket.reference)), attachments: [card] };
    });
  }
}
