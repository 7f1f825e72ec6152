// "Did you mean…": the top titles as buttons plus "None of these". "None of these" counts as a miss.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import type { MatchedArticle } from '../knowledge/matcher.js';
import type { Lang } from '../knowledge/types.js';
import type { Understanding } from './understand/turn.js';
import type { AnswerOptions } from './answerDialog.js';
import { HelpdeskDialog } from './helpdeskDialog.js';
import { ANSWER, CLARIFY } from './ids.js';
import { langOf } from './session.js';
import { afterMiss } from './misses.js';

export interface ClarifyOptions {
  question: string;
  options: MatchedArticle[];
}

export class ClarifyDialog extends HelpdeskDialog<ClarifyOptions, ClarifyOptions> {
  constructor(deps: ConstructorParameters<typeof HelpdeskDialog>[1]) {
    super(CLARIFY, deps);
  }

  private titles(state: ClarifyOptions, lang: 'fr' | 'en'): string[] {
    return state.options.map((o) => this.deps.matcher.article(o.id)?.title[lang] ?? o.title);
  }

  override async beginDialog(dc: DialogContext, options?: ClarifyOptions): Promise<DialogTurnResult> {
    const { session, t } = await this.turn(dc.context);
    this.save(dc, options!);
    session.topic = { question: options!.question };
    await this.ask(dc.context, t.clarify, [...this.titles(options!, langOf(session)), t.noneOfThese]);
    return this.waiting();
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { session, u } = await this.turn(dc.context);
    const state = this.state(dc);
    // "oui" to "did you mean…" means the first suggestion.
    const yes = u.pressed === undefined && u.intent === 'yes' && u.words <= 3 ? state.options[0] : undefined;
    const chosen = (u.pressed !== undefined ? state.options[u.pressed] : undefined) ?? yes ?? this.elaborated(state, u, langOf(session));
    if (chosen) return dc.replaceDialog(ANSWER, { articleId: chosen.id, confidence: chosen.score, question: state.question } satisfies AnswerOptions);
    await this.deps.analytics.unanswered({
      conversationId: dc.context.activity.conversation.id,
      question: state.question,
      language: langOf(session),
      kind: 'clarify-no-pick',
      topMatches: state.options.map((o) => ({ id: o.id, score: o.score })),
    });
    const none = u.pressed === state.options.length || u.intent === 'other' || u.intent === 'no';
    if (!none) return this.reroute(dc);
    await afterMiss(dc.context, session);
    return dc.endDialog();
  }

  /**
   * The customer said more instead of picking ("le service SQL est arrêté"): read with the question,
   * it may now clearly be one of the articles offered.
   */
  private elaborated(state: ClarifyOptions, u: Understanding, lang: Lang): MatchedArticle | undefined {
    if (u.intent || u.words < 2) return undefined;
    const both = this.deps.matcher.match(`${state.question} ${u.text}`, { fallbackLanguage: lang });
    const top = both.matches[0];
    return both.decision === 'answer' && top && state.options.some((o) => o.id === top.id) ? top : undefined;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { session, t } = await this.turn(context);
    await this.ask(context, t.clarify, [...this.titles(instance.state as ClarifyOptions, langOf(session)), t.noneOfThese]);
  }
}
