// Walks a troubleshooting flow one step at a time; ends "resolved" or escalates with the path taken.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { FlowStep } from '../knowledge/types.js';
import { strings } from '../strings/index.js';
import type { Reroute } from './answerDialog.js';
import { pickChoice } from './choices.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { CALLBACK, FLOW, TEXT_PROMPT, TICKET } from './ids.js';
import { withButtons } from './render.js';
import { escalationFor } from './route.js';
import { noteFeedback, noteFlowStep } from './session.js';

export interface FlowOptions {
  articleId: string;
  question: string;
  stepId?: string;
}

export class FlowDialog extends WaterfallDialog<FlowOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(FLOW, []);
    this.addStep(this.showStep.bind(this));
    this.addStep(this.readChoice.bind(this));
  }

  private current(options: FlowOptions): { step: FlowStep; index: number; total: number } | undefined {
    const flow = this.deps.matcher.article(options.articleId)?.flow;
    if (!flow) return undefined;
    const index = flow.steps.findIndex((s) => s.id === (options.stepId ?? flow.start));
    return index < 0 ? undefined : { step: flow.steps[index]!, index, total: flow.steps.length };
  }

  private async showStep(step: WaterfallStepContext<FlowOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const here = this.current(step.options as FlowOptions);
    if (!here) return step.endDialog();
    const text = strings(session.lang).flowStep(here.index + 1, here.total, here.step.text[session.lang]);
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(text, here.step.choices.map((c) => c.label[session.lang])) });
  }

  private async readChoice(step: WaterfallStepContext<FlowOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const options = step.options as FlowOptions;
    const here = this.current(options)!;
    const text = String(step.result ?? '');
    const picked = pickChoice(text, here.step.choices.map((c) => c.label[session.lang]));
    if (picked === undefined) {
      // A sentence is a new question; a word or two is a missed button.
      if (text.trim().split(/\s+/).length >= 3) return step.endDialog({ reroute: text } satisfies Reroute);
      await step.context.sendActivity(t.pickAChoice);
      return step.replaceDialog(FLOW, options);
    }
    const choice = here.step.choices[picked]!;
    noteFlowStep(session, { articleId: options.articleId, stepId: here.step.id, choice: choice.label[session.lang] });
    const next = choice.next;
    if (next.kind === 'step') return step.replaceDialog(FLOW, { ...options, stepId: next.stepId });
    const conversationId = step.context.activity.conversation.id;
    if (next.kind === 'resolved') {
      noteFeedback(session, options.articleId, 'helpful');
      await this.deps.store.recordFeedback({ conversationId, articleId: options.articleId, helpful: true, language: session.lang, question: options.question });
      await step.context.sendActivity(t.flowResolved);
      return step.endDialog();
    }
    noteFeedback(session, options.articleId, 'not-helpful');
    await this.deps.store.recordFeedback({ conversationId, articleId: options.articleId, helpful: false, language: session.lang, question: options.question });
    await step.context.sendActivity(t.flowEscalate);
    const target = escalationFor(this.deps.matcher.article(options.articleId)!.level);
    if (target.kind === 'callback') return step.replaceDialog(CALLBACK, { reason: options.question, articleId: options.articleId });
    return step.replaceDialog(TICKET, { reason: options.question, articleId: options.articleId, queue: target.queue });
  }
}
