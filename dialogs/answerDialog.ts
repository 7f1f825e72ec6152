// Shows an article's answer, asks whether it helped, and on "no" asks what was missing and offers
// to rephrase, read a related article, or contact support at the article's level.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import { pickChoice, yesOrNo } from './choices.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { ANSWER, CALLBACK, FLOW, TEXT_PROMPT, TICKET } from './ids.js';
import { markdown, withButtons } from './render.js';
import { escalationFor } from './route.js';
import { noteArticleShown, noteFeedback } from './session.js';

export interface AnswerOptions {
  articleId: string;
  /** the matcher's confidence, or 1 when the user picked the article */
  confidence: number;
  question: string;
}

/** What a child dialog returns to the root when the user moved on to something else. */
export interface Reroute {
  reroute: string;
}

// Dialogs are waterfalls registered side by side in the root component, so one can replace
// another (answer -> flow -> ticket) without nesting deeper at each hop.
export class AnswerDialog extends WaterfallDialog<AnswerOptions> {
  constructor(private readonly deps: HelpdeskDeps) {
    super(ANSWER, []);
    this.addStep(this.showAnswer.bind(this));
    this.addStep(this.readHelpful.bind(this));
    this.addStep(this.readMissing.bind(this));
    this.addStep(this.readNextStep.bind(this));
  }

  private options(step: WaterfallStepContext<AnswerOptions>): AnswerOptions {
    return step.options as AnswerOptions;
  }

  private async showAnswer(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const { articleId, confidence, question } = this.options(step);
    const session = await sessionOf(this.deps, step.context);
    const article = this.deps.matcher.article(articleId);
    if (!article) return step.endDialog();
    const t = strings(session.lang);
    noteArticleShown(session, { id: article.id, title: article.title[session.lang], confidence });
    await step.context.sendActivity(markdown(article.answer[session.lang]));
    await this.deps.store.recordAnswerShown({ conversationId: step.context.activity.conversation.id, articleId, confidence, language: session.lang, question });
    if (article.flow) {
      await step.context.sendActivity(t.flowStart(article.title[session.lang]));
      return step.replaceDialog(FLOW, { articleId, question });
    }
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.didItHelp, [t.yes, t.no]) });
  }

  private async readHelpful(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const text = String(step.result ?? '');
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const helpful = yesOrNo(text, t.yes, t.no);
    const { articleId, question } = this.options(step);
    if (helpful === undefined) return step.endDialog({ reroute: text } satisfies Reroute);
    if (helpful) {
      noteFeedback(session, articleId, 'helpful');
      await this.deps.store.recordFeedback({ conversationId: step.context.activity.conversation.id, articleId, helpful: true, language: session.lang, question });
      await step.context.sendActivity(t.thanksHelpful);
      return step.endDialog();
    }
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.whatWasMissing, [t.skip]) });
  }

  private async readMissing(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const { articleId, question } = this.options(step);
    const text = String(step.result ?? '').trim();
    const missing = text && pickChoice(text, [t.skip]) === undefined ? text.slice(0, 500) : undefined;
    noteFeedback(session, articleId, 'not-helpful', missing);
    const conversationId = step.context.activity.conversation.id;
    await this.deps.store.recordFeedback({ conversationId, articleId, helpful: false, language: session.lang, question, ...(missing ? { missing } : {}) });
    await this.deps.store.recordUnanswered({ conversationId, question, language: session.lang, kind: 'not-helpful', topMatches: [{ id: articleId, score: this.options(step).confidence }] });
    if (missing) await step.context.sendActivity(t.noted);
    return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.afterNotHelpful, this.nextStepLabels(articleId, session.lang)) });
  }

  private nextStepLabels(articleId: string, lang: 'fr' | 'en'): string[] {
    const t = strings(lang);
    const article = this.deps.matcher.article(articleId)!;
    const related = article.related.slice(0, 3).flatMap((id) => {
      const other = this.deps.matcher.article(id);
      return other ? [other.title[lang]] : [];
    });
    return [t.rephrase, ...related, t.contactSupport(escalationFor(article.level).kind === 'callback' ? 2 : 1)];
  }

  private async readNextStep(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const session = await sessionOf(this.deps, step.context);
    const t = strings(session.lang);
    const { articleId, question } = this.options(step);
    const article = this.deps.matcher.article(articleId)!;
    const labels = this.nextStepLabels(articleId, session.lang);
    const text = String(step.result ?? '');
    const picked = pickChoice(text, labels);
    if (picked === undefined) return step.endDialog({ reroute: text } satisfies Reroute);
    if (picked === 0) {
      await step.context.sendActivity(t.pleaseRephrase);
      return step.endDialog();
    }
    if (picked === labels.length - 1) {
      const target = escalationFor(article.level);
      if (target.kind === 'callback') return step.replaceDialog(CALLBACK, { reason: question, articleId });
      return step.replaceDialog(TICKET, { reason: question, articleId, queue: target.queue });
    }
    const relatedId = article.related.filter((id) => this.deps.matcher.article(id))[picked - 1]!;
    return step.replaceDialog(ANSWER, { articleId: relatedId, confidence: 1, question } satisfies AnswerOptions);
  }
}
