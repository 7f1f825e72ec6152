// Shows an article's answer, asks whether it helped, and on "no" asks what was missing and offers
// to rephrase, read a related article, or contact support at the article's level.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { shortAnswer } from '../knowledge/shortAnswer.js';
import type { Lang } from '../knowledge/types.js';
import { strings } from '../strings/index.js';
import { HelpdeskDialog } from './helpdeskDialog.js';
import { ANSWER, FLOW, REQUEST } from './ids.js';
import { markdown } from './render.js';
import { langOf, noteArticleShown, noteFeedback, type Session } from './session.js';
import { requestFor } from './requestStart.js';
import { readHelpful, readNextStep, type NextStepButton } from './answerReplies.js';
import type { FlowOptions } from './flowDialog.js';

export interface AnswerOptions {
  articleId: string;
  /** the matcher's confidence, or 1 when the customer picked the article */
  confidence: number;
  question: string;
}

interface AnswerState extends AnswerOptions {
  asking: 'helpful' | 'missing' | 'next';
  buttons: NextStepButton[];
}

/** Asking again "yes or no?" this many times, then the message is taken as something new. */
const UNCLEAR_BEFORE_MOVING_ON = 1;

export class AnswerDialog extends HelpdeskDialog<AnswerState & { unclear: number }, AnswerOptions> {
  constructor(deps: ConstructorParameters<typeof HelpdeskDialog>[1]) {
    super(ANSWER, deps);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerOptions): Promise<DialogTurnResult> {
    const { session, t } = await this.turn(dc.context);
    const { articleId, confidence, question } = options!;
    const article = this.deps.matcher.article(articleId);
    if (!article) return dc.endDialog();
    const lang = langOf(session);
    noteArticleShown(session, { id: article.id, title: article.title[lang], confidence });
    session.topic = { question, articleId };
    session.misses = 0;
    // The first part of a long answer fits the panel; the whole article is a click away on its page.
    const link = this.deps.articleLink?.(lang, article.id, dc.context.activity.channelId);
    const short = link ? shortAnswer(article.answer[lang]) : { text: article.answer[lang], cut: false };
    await dc.context.sendActivity(markdown(short.cut && link ? `${short.text}\n\n${t.readFullArticle(link)}` : short.text));
    await this.deps.analytics.answerShown({ conversationId: dc.context.activity.conversation.id, articleId, confidence, language: lang, question });
    if (article.flow) {
      await this.say(dc.context, t.flowStart(article.title[lang]));
      return dc.replaceDialog(FLOW, { articleId, question } satisfies FlowOptions);
    }
    this.save(dc, { articleId, confidence, question, asking: 'helpful', buttons: [], unclear: 0 });
    await this.ask(dc.context, t.didItHelp, [t.yes, t.no]);
    return this.waiting();
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { session, u, t } = await this.turn(dc.context);
    const state = this.state(dc);
    const conversationId = dc.context.activity.conversation.id;
    const lang = langOf(session);

    if (state.asking === 'helpful') {
      const helpful = readHelpful(u);
      if (helpful === true) {
        noteFeedback(session, state.articleId, 'helpful');
        await this.deps.analytics.feedback({ conversationId, articleId: state.articleId, helpful: true, language: lang, question: state.question });
        await this.say(dc.context, t.thanksHelpful);
        return dc.endDialog();
      }
      if (helpful === false) {
        this.save(dc, { ...state, asking: 'missing' });
        await this.ask(dc.context, t.whatWasMissing, [t.skip]);
        return this.waiting();
      }
      // Neither yes nor no: a new question, or a miss asked again once.
      if (u.question || u.match.decision !== 'none' || u.words >= 4 || state.unclear >= UNCLEAR_BEFORE_MOVING_ON) return this.reroute(dc);
      session.misses++;
      this.save(dc, { ...state, unclear: state.unclear + 1 });
      await this.ask(dc.context, t.yesOrNo, [t.yes, t.no]);
      return this.waiting();
    }

    if (state.asking === 'missing') {
      const skipped = u.intent === 'skip' || u.intent === 'no' || u.pressed === 0;
      const missing = skipped ? undefined : u.text.trim().slice(0, 500) || undefined;
      noteFeedback(session, state.articleId, 'not-helpful', missing);
      session.topic = { question: state.question, articleId: state.articleId, ...(missing ? { missing } : {}) };
      await this.deps.analytics.feedback({ conversationId, articleId: state.articleId, helpful: false, language: lang, question: state.question, ...(missing ? { missing } : {}) });
      await this.deps.analytics.unanswered({ conversationId, question: state.question, language: lang, kind: 'not-helpful', topMatches: [{ id: state.articleId, score: state.confidence }] });
      // What was missing may itself be a question the knowledge base answers elsewhere.
      if (missing && u.question && u.question !== state.articleId) {
        await this.say(dc.context, t.noted);
        return this.reroute(dc);
      }
      if (missing) await this.say(dc.context, t.noted);
      return this.offerNextSteps(dc, session, state);
    }

    const next = readNextStep(u, state.buttons);
    switch (next.kind) {
      case 'rephrase':
        await this.say(dc.context, t.pleaseRephrase);
        return dc.endDialog();
      case 'related':
        return dc.replaceDialog(ANSWER, { articleId: next.articleId, confidence: 1, question: state.question } satisfies AnswerOptions);
      case 'contact':
        return dc.replaceDialog(REQUEST, requestFor(this.deps, session, next.channel, t));
      case 'done':
        await this.say(dc.context, t.whatElse);
        return dc.endDialog();
      case 'other':
        return this.reroute(dc);
    }
  }

  private async offerNextSteps(dc: DialogContext, session: Session, state: AnswerState & { unclear: number }): Promise<DialogTurnResult> {
    const lang = langOf(session);
    const t = strings(lang);
    const article = this.deps.matcher.article(state.articleId);
    const related = (article?.related ?? []).filter((id) => this.deps.matcher.article(id)).slice(0, 3);
    const callback = article?.level === 2;
    const buttons: NextStepButton[] = ['rephrase', ...related.map((id) => `related:${id}` as const), callback ? 'callback' : 'human'];
    this.save(dc, { ...state, asking: 'next', buttons });
    await this.ask(dc.context, t.afterNotHelpful, this.labels(buttons, lang));
    return this.waiting();
  }

  private labels(buttons: readonly NextStepButton[], lang: Lang): string[] {
    const t = strings(lang);
    return buttons.map((b) =>
      b === 'rephrase' ? t.rephrase : b === 'callback' ? t.contactSupport(2) : b === 'human' ? t.contactSupport(1) : this.deps.matcher.article(b.slice(8))?.title[lang] ?? b,
    );
  }

  /** After a language switch: the same question, in the new language. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as AnswerState;
    const { session, t } = await this.turn(context);
    if (state.asking === 'helpful') await this.ask(context, t.didItHelp, [t.yes, t.no]);
    else if (state.asking === 'missing') await this.ask(context, t.whatWasMissing, [t.skip]);
    else await this.ask(context, t.afterNotHelpful, this.labels(state.buttons, langOf(session)));
  }
}
