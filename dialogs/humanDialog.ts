// "Talk to a human": by email (ticket) or by phone (callback), with the last question as reason.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import type { Reroute } from './answerDialog.js';
import { pickChoice } from './choices.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { CALLBACK, HUMAN, TEXT_PROMPT, TICKET } from './ids.js';
import { withButtons } from './render.js';

export class HumanDialog extends WaterfallDialog {
  constructor(private readonly deps: HelpdeskDeps) {
    super(HUMAN, []);
    this.addStep(this.offer.bind(this));
    this.addStep(this.readChoice.bind(this));
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = strings((await sessionOf(this.deps, step.context)).lang);
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.humanChoice, [t.humanTicket, t.humanCallback]) });
  }

  private async readChoice(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const text = String(step.result ?? '');
    const picked = pickChoice(text, [t.humanTicket, t.humanCallback]) ?? (/mail|ticket/i.test(text) ? 0 : /phone|t[ée]l[ée]phone|rappel|call/i.test(text) ? 1 : undefined);
    const reason = session.lastQuestion;
    const lastArticle = session.tried.articles.at(-1)?.id;
    const context = { ...(reason ? { reason } : {}), ...(lastArticle ? { articleId: lastArticle } : {}) };
    if (picked === 0) return step.replaceDialog(TICKET, { ...context, queue: 1 });
    if (picked === 1) return step.replaceDialog(CALLBACK, context);
    return step.endDialog({ reroute: text } satisfies Reroute);
  }
}
