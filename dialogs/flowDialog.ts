// Walks a troubleshooting flow one step at a time, the choices typed in the customer's own words;
// ends "resolved", or hands over to a ticket or callback at the article's level with the path taken.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import type { FlowStep } from '../knowledge/types.js';
import { strings } from '../strings/index.js';
import { pickFlowChoice } from './flowChoice.js';
import { HelpdeskDialog } from './helpdeskDialog.js';
import { FLOW, REQUEST } from './ids.js';
import { escalationFor, requestFor } from './requestStart.js';
import { langOf, noteFeedback, noteFlowStep, type Session } from './session.js';
import type { Understanding } from './understand/turn.js';

export interface FlowOptions {
  articleId: string;
  question: string;
  stepId?: string;
}

interface FlowState extends FlowOptions {
  unclear: number;
}

/** Answers not understood at one step before the step offers to contact support too. */
const UNCLEAR_BEFORE_SUPPORT = 2;

export class FlowDialog extends HelpdeskDialog<FlowState, FlowOptions> {
  constructor(deps: ConstructorParameters<typeof HelpdeskDialog>[1]) {
    super(FLOW, deps);
  }

  override claims(state: FlowState, u: Understanding, session: Session): boolean {
    const here = this.current(state);
    if (!here) return false;
    const labels = here.step.choices.map((c) => c.label[langOf(session)]);
    return (u.pressed !== undefined && u.pressed < labels.length) || pickFlowChoice(u.text, labels, langOf(session), u.intent, here.step.text[langOf(session)]) !== undefined;
  }

  private current(state: FlowOptions): { step: FlowStep; index: number; total: number } | undefined {
    const flow = this.deps.matcher.article(state.articleId)?.flow;
    if (!flow) return undefined;
    const index = flow.steps.findIndex((s) => s.id === (state.stepId ?? flow.start));
    return index < 0 ? undefined : { step: flow.steps[index]!, index, total: flow.steps.length };
  }

  private async showStep(context: TurnContext, session: Session, state: FlowState): Promise<boolean> {
    const here = this.current(state);
    if (!here) return false;
    const lang = langOf(session);
    const t = strings(lang);
    const labels = here.step.choices.map((c) => c.label[lang]);
    const support = state.unclear >= UNCLEAR_BEFORE_SUPPORT ? [t.contactSupport(this.deps.matcher.article(state.articleId)?.level ?? 1)] : [];
    await this.ask(context, t.flowStep(here.index + 1, here.total, here.step.text[lang]), [...labels, ...support]);
    return true;
  }

  override async beginDialog(dc: DialogContext, options?: FlowOptions): Promise<DialogTurnResult> {
    const { session } = await this.turn(dc.context);
    const state: FlowState = { ...options!, unclear: 0 };
    this.save(dc, state);
    return (await this.showStep(dc.context, session, state)) ? this.waiting() : dc.endDialog();
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { session, u, t } = await this.turn(dc.context);
    const state = this.state(dc);
    const here = this.current(state);
    if (!here) return dc.endDialog();
    const lang = langOf(session);
    const labels = here.step.choices.map((c) => c.label[lang]);
    const picked = u.pressed !== undefined && u.pressed < labels.length ? u.pressed : pickFlowChoice(u.text, labels, lang, u.intent, here.step.text[lang]);
    if (picked === undefined) {
      // A clear new question ends the flow; anything else is asked again.
      if (u.question && u.question !== state.articleId && u.words >= 3) return this.reroute(dc);
      const next = { ...state, unclear: state.unclear + 1 };
      this.save(dc, next);
      await this.say(dc.context, t.pickAChoice);
      await this.showStep(dc.context, session, next);
      return this.waiting();
    }
    const choice = here.step.choices[picked]!;
    noteFlowStep(session, { articleId: state.articleId, stepId: here.step.id, choice: choice.label[lang] });
    const target = choice.next;
    if (target.kind === 'step') {
      const next: FlowState = { ...state, stepId: target.stepId, unclear: 0 };
      this.save(dc, next);
      await this.showStep(dc.context, session, next);
      return this.waiting();
    }
    const conversationId = dc.context.activity.conversation.id;
    const helpful = target.kind === 'resolved';
    noteFeedback(session, state.articleId, helpful ? 'helpful' : 'not-helpful');
    await this.deps.analytics.feedback({ conversationId, articleId: state.articleId, helpful, language: lang, question: state.question });
    if (helpful) {
      await this.say(dc.context, t.flowResolved);
      return dc.endDialog();
    }
    await this.say(dc.context, t.flowEscalate);
    const level = this.deps.matcher.article(state.articleId)?.level ?? 1;
    session.topic = { question: state.question, articleId: state.articleId };
    return dc.replaceDialog(REQUEST, requestFor(this.deps, session, escalationFor(level).kind, t));
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { session } = await this.turn(context);
    await this.showStep(context, session, instance.state as FlowState);
  }
}
