// "Did you mean…": the top titles as buttons plus "None of these".
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { MatchedArticle } from '../knowledge/matcher.js';
import { strings } from '../strings/index.js';
import type { AnswerOptions, Reroute } from './answerDialog.js';
import { pickChoice } from './choices.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { ANSWER, CLARIFY, TEXT_PROMPT } from './ids.js';
import { withButtons } from './render.js';

export interface ClarifyOptions {
  question: string;
  options: MatchedArticle[];
}

export class ClarifyDialog extends WaterfallDialog<ClarifyOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(CLARIFY, []);
    this.addStep(this.offer.bind(this));
    this.addStep(this.readPick.bind(this));
  }

  private async offer(step: WaterfallStepContext<ClarifyOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const titles = (step.options as ClarifyOptions).options.map((o) => o.title);
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.clarify, [...titles, t.noneOfThese]) });
  }

  private async readPick(step: WaterfallStepContext<ClarifyOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const { options, question } = step.options as ClarifyOptions;
    const text = String(step.result ?? '');
    const picked = pickChoice(text, [...options.map((o) => o.title), t.noneOfThese]);
    const chosen = picked === undefined ? undefined : options[picked];
    if (chosen) return step.replaceDialog(ANSWER, { articleId: chosen.id, confidence: chosen.score, question } satisfies AnswerOptions);
    await this.deps.store.recordUnanswered({
      conversationId: step.context.activity.conversation.id,
      question,
      language: session.lang,
      kind: 'clarify-no-pick',
      topMatches: options.map((o) => ({ id: o.id, score: o.score })),
    });
    if (picked === undefined) return step.endDialog({ reroute: text } satisfies Reroute);
    await step.context.sendActivity(t.pleaseRephrase);
    return step.endDialog();
  }
}
