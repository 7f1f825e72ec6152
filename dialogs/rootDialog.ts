// Routes each new message: a command, small talk, an answer, "did you mean…", or "not understood".
// Holds every other dialog side by side, so they can hand over to one another.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import { AnswerDialog, type AnswerOptions, type Reroute } from './answerDialog.js';
import { CallbackDialog } from './callbackDialog.js';
import { pickChoice } from './choices.js';
import { ClarifyDialog, type ClarifyOptions } from './clarifyDialog.js';
import { parseCommand, parseYesNo, type Command } from './commands.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { FlowDialog } from './flowDialog.js';
import { HumanDialog } from './humanDialog.js';
import { ANSWER, CLARIFY, HUMAN, ROOT, ROUTE, STATUS } from './ids.js';
import { createPrompts } from './prompts.js';
import { withButtons } from './render.js';
import { route } from './route.js';
import { mostAsked, POPULAR_WINDOW_DAYS } from './popular.js';
import type { Session } from './session.js';
import { StatusDialog } from './statusDialog.js';
import { TicketDialog } from './ticketDialog.js';

export interface RootOptions {
  text?: string;
}

export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: HelpdeskDeps) {
    super(ROOT);
    this.addDialog(new WaterfallDialog<RootOptions>(ROUTE, [this.routeMessage.bind(this), this.afterChild.bind(this)]));
    for (const dialog of [new AnswerDialog(deps), new ClarifyDialog(deps), new FlowDialog(deps), new TicketDialog(deps), new CallbackDialog(deps), new StatusDialog(deps), new HumanDialog(deps)]) {
      this.addDialog(dialog);
    }
    for (const prompt of createPrompts(deps)) this.addDialog(prompt);
    this.initialDialogId = ROUTE;
  }

  /** The article titles offered as buttons in the welcome and the help: the most asked lately. */
  async popularTitles(lang: 'fr' | 'en'): Promise<string[]> {
    const since = new Date(this.deps.now().getTime() - POPULAR_WINDOW_DAYS * 86_400_000);
    const shown = (await this.deps.store.listFeedback({ from: since })).map((f) => f.articleId);
    const ids = mostAsked(shown, this.deps.popularArticles, (id) => this.deps.matcher.article(id) !== undefined);
    return ids.map((id) => this.deps.matcher.article(id)!.title[lang]);
  }

  private async routeMessage(step: WaterfallStepContext<RootOptions>): Promise<DialogTurnResult> {
    const typed = (step.options as RootOptions | undefined)?.text ?? step.context.activity.text ?? '';
    const session = await sessionOf(this.deps, step.context);
    // A button number ("2") or a label typed loosely stands for the button's label.
    const offered = session.offered ?? [];
    const pressed = offered.length > 0 ? pickChoice(typed, offered) : undefined;
    const text = pressed === undefined ? typed : offered[pressed]!;
    const answered = this.answerToSupportOffer(text, offered, session);
    if (answered === 'human') return step.beginDialog(HUMAN);
    if (answered === 'rephrase') {
      await step.context.sendActivity(strings(session.lang).pleaseRephrase);
      return step.endDialog();
    }
    const command = parseCommand(text);
    let matched: ReturnType<HelpdeskDeps['matcher']['match']> | undefined;
    const next = route(command, () => (matched = this.deps.matcher.match(text, { fallbackLanguage: session.lang })), session.misses);
    // Replies follow the language the user writes in, once the detector is sure of it.
    if (matched?.languageReliable) session.lang = matched.language;
    const t = strings(session.lang);

    switch (next.kind) {
      case 'command':
        return this.runCommand(step, next.command, session, text);
      case 'answer':
        session.lastQuestion = text;
        session.misses = 0;
        return step.beginDialog(ANSWER, { articleId: next.article.id, confidence: next.article.score, question: text } satisfies AnswerOptions);
      case 'clarify':
        session.lastQuestion = text;
        session.misses = 0;
        return step.beginDialog(CLARIFY, { question: text, options: next.options } satisfies ClarifyOptions);
      case 'none':
        if (next.reason !== 'low-confidence') {
          await step.context.sendActivity(t.notUnderstoodOther(next.reason));
          return step.endDialog();
        }
        session.misses++;
        session.lastQuestion = text;
        await this.deps.store.recordUnanswered({
          conversationId: step.context.activity.conversation.id,
          question: text,
          language: session.lang,
          kind: 'none',
          topMatches: (matched?.matches ?? []).map((m) => ({ id: m.id, score: m.score })),
        });
        await step.context.sendActivity(next.offerSupport ? withButtons(t.notUnderstoodAgain, [t.contactSupport(1), t.rephrase]) : t.notUnderstood);
        return step.endDialog();
    }
  }

  /** "Would you like to contact support?" answered with its button, or with a plain yes / no. */
  private answerToSupportOffer(text: string, offered: string[], session: Session): 'human' | 'rephrase' | undefined {
    const t = strings(session.lang);
    if (!offered.includes(t.contactSupport(1)) && !offered.includes(t.rephrase)) return undefined;
    const isRephrase = [strings('fr').rephrase, strings('en').rephrase].includes(text);
    if (isRephrase) return 'rephrase';
    const yesNo = parseYesNo(text);
    if (offered.includes(t.contactSupport(1)) && yesNo !== undefined) return yesNo ? 'human' : 'rephrase';
    return undefined;
  }

  private async runCommand(step: WaterfallStepContext<RootOptions>, command: Command, session: Session, text: string): Promise<DialogTurnResult> {
    const t = strings(session.lang);
    switch (command.kind) {
      case 'human':
        return step.beginDialog(HUMAN);
      case 'status':
        return step.beginDialog(STATUS, { text });
      case 'language':
        session.lang = command.lang;
        await step.context.sendActivity(strings(command.lang).switchedLanguage);
        break;
      case 'help':
        await step.context.sendActivity(withButtons(t.help, await this.popularTitles(session.lang)));
        break;
      case 'cancel':
        await step.context.sendActivity(t.nothingToCancel);
        break;
      case 'greeting':
        await step.context.sendActivity(t.hello);
        break;
      case 'thanks':
        await step.context.sendActivity(t.youAreWelcome);
        break;
      case 'goodbye':
        await step.context.sendActivity(t.goodbye);
        break;
    }
    return step.endDialog();
  }

  private async afterChild(step: WaterfallStepContext<RootOptions>): Promise<DialogTurnResult> {
    const reroute = (step.result as Reroute | undefined)?.reroute;
    // The user moved on ("no" was a new question): treat their message as a fresh one.
    if (reroute && reroute.trim()) return step.replaceDialog(ROUTE, { text: reroute } satisfies RootOptions);
    return step.endDialog();
  }
}
