// One turn of the conversation: understand the message once (language, control intent, button,
// values, knowledge match), let the commands that work from anywhere act (language, restart,
// cancel, help, status, a human), then the waiting dialog, or the router for a new message.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { LANGS, type Lang } from '../knowledge/types.js';
import type { ReceivedFiles } from '../tickets/fileIntake.js';
import { strings } from '../strings/index.js';
import { AnswerDialog, type AnswerOptions } from './answerDialog.js';
import { ClarifyDialog, type ClarifyOptions } from './clarifyDialog.js';
import { sessionOf, setUnderstanding, type HelpdeskDeps } from './deps.js';
import { receiveFiles } from './files.js';
import { FlowDialog } from './flowDialog.js';
import { isReroute, type HelpdeskDialog } from './helpdeskDialog.js';
import { ANSWER, CLARIFY, REQUEST, STATUS } from './ids.js';
import { afterMiss } from './misses.js';
import { mostAsked, POPULAR_WINDOW_DAYS } from './popular.js';
import { markdown, withButtons } from './render.js';
import { fieldNamed } from './request/fields.js';
import { RequestDialog } from './requestDialog.js';
import { escalationFor, requestFor, type RequestOptions } from './requestStart.js';
import { route } from './route.js';
import { takeAddition } from './requestAdditions.js';
import { langOf, newSession, noteArticleShown, type Session } from './session.js';
import { StatusDialog, type StatusOptions } from './statusDialog.js';
import type { ControlIntent } from './understand/controlIntents.js';
import { languageOfLocale, startLanguage } from './understand/language.js';
import { simpleLabel, understand, type Understanding } from './understand/turn.js';

export { languageOfLocale };

/** Button labels of both languages and what they mean, so a label typed later still works. */
export function buttonMeanings(): Map<string, ControlIntent> {
  const out = new Map<string, ControlIntent>();
  for (const lang of LANGS) {
    const t = strings(lang);
    const pairs: Array<[string, ControlIntent]> = [
      [t.contactSupport(1), 'human'], [t.contactSupport(2), 'callback'], [t.humanTicket, 'ticket'], [t.humanCallback, 'callback'],
      [t.cancelRequest, 'cancel'], [t.noneOfThese, 'other'], [t.rephrase, 'other'], [t.moreTimes, 'other'], [t.skip, 'skip'],
      [t.continueRequest, 'yes'], [t.send, 'yes'], [t.consentYes, 'yes'], [t.change, 'correct'],
    ];
    for (const [label, meaning] of pairs) out.set(simpleLabel(label), meaning);
  }
  return out;
}

/** "a person please, by email": the channel said along with the request for a person. */
function channelOf(u: Understanding): 'ticket' | 'callback' | undefined {
  if (u.intent === 'ticket' || u.intent === 'callback') return u.intent;
  const named = fieldNamed(u.text);
  return named === 'email' ? 'ticket' : named === 'phone' ? 'callback' : undefined;
}

export class HelpdeskConversation {
  private readonly dialogs: DialogSet;
  private readonly labels = buttonMeanings();

  constructor(private readonly deps: HelpdeskDeps, dialogState: StatePropertyAccessor<DialogState>) {
    this.dialogs = new DialogSet(dialogState);
    for (const dialog of [new AnswerDialog(deps), new ClarifyDialog(deps), new FlowDialog(deps), new RequestDialog(deps), new StatusDialog(deps)]) this.dialogs.add(dialog);
  }

  /** Remembers the buttons last offered, so a label or a number typed next picks one. */
  private trackOffers(context: TurnContext, session: Session): void {
    context.onSendActivities(async (_ctx, activities, next) => {
      const messages = activities.filter((a) => a.type === 'message');
      if (messages.length > 0) session.offered = (messages.at(-1)!.suggestedActions?.actions ?? []).map((a) => String(a.title));
      return next();
    });
  }

  /** The article titles offered as buttons in the welcome and the help: the most asked lately. */
  async popularTitles(lang: Lang): Promise<string[]> {
    const since = new Date(this.deps.now().getTime() - POPULAR_WINDOW_DAYS * 86_400_000);
    const shown = (await this.deps.store.listFeedback({ from: since })).map((f) => f.articleId);
    const ids = mostAsked(shown, this.deps.popularArticles, (id) => this.deps.matcher.article(id) !== undefined);
    return ids.map((id) => this.deps.matcher.article(id)!.title[lang]);
  }

  private start(context: TurnContext, session: Session): void {
    if (session.started) return;
    session.language = startLanguage(context.activity.locale, this.deps.defaultLang);
    session.started = true;
  }

  async welcome(context: TurnContext): Promise<void> {
    const session = await sessionOf(this.deps, context);
    this.trackOffers(context, session);
    this.start(context, session);
    const t = strings(langOf(session));
    await context.sendActivity(t.welcome);
    await context.sendActivity(withButtons(t.topicsIntro, await this.popularTitles(langOf(session))));
  }

  /** Understands `text` once for the turn (the dialogs read it), in the conversation's language. */
  private understandTurn(context: TurnContext, session: Session, text: string): Understanding {
    const { understanding: u, language } = understand(text, { language: session.language, offered: session.offered ?? [] }, {
      matcher: this.deps.matcher,
      control: this.deps.control,
      now: this.deps.now,
      timeZone: this.deps.callbacks.hours.timeZone,
      labels: this.labels,
    });
    session.language = language;
    setUnderstanding(context, u);
    return u;
  }

  /**
   * "Talk to a human" on a help-centre article (the chat page opened from it): the article read is
   * what was tried, and the request starts at once, for the article's level (a callback from a
   * level-2 article's "call me back"). A request already under way goes on instead.
   */
  async contactFromHelpPage(context: TurnContext, articleId: string, kind: 'ticket' | 'callback' | undefined): Promise<void> {
    const article = this.deps.matcher.article(articleId);
    if (!article) return;
    const session = await sessionOf(this.deps, context);
    this.start(context, session);
    this.understandTurn(context, session, '');
    this.trackOffers(context, session);
    const lang = langOf(session);
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog?.id === REQUEST) {
      await dc.repromptDialog();
      return;
    }
    await dc.cancelAllDialogs();
    noteArticleShown(session, { id: article.id, title: article.title[lang], confidence: 1 });
    await context.sendActivity(strings(lang).fromHelpPage(article.title[lang]));
    const escalation = escalationFor(article.level);
    const wanted = kind ?? (escalation.kind === 'callback' ? 'callback' : undefined);
    await dc.beginDialog(REQUEST, {
      queue: escalation.kind === 'ticket' ? escalation.queue : 1,
      articleId: article.id,
      ...(wanted ? { kind: wanted } : {}),
    } satisfies RequestOptions);
  }

  /** A message, with the files it brought (checked and kept by the bot layer) if any. */
  async onMessage(context: TurnContext, files?: ReceivedFiles): Promise<void> {
    const session = await sessionOf(this.deps, context);
    // First message without a welcome (Teams, some clients): the client's locale, once.
    this.start(context, session);
    const u = this.understandTurn(context, session, context.activity.text ?? '');
    this.trackOffers(context, session);
    const supportOffered = session.supportOffered;
    session.supportOffered = false;
    const dc = await this.dialogs.createContext(context);
    // A dialog saved by an older version of the bot, which this one no longer has: start afresh.
    if (dc.activeDialog && !this.dialogs.find(dc.activeDialog.id)) await dc.cancelAllDialogs(true);
    const received = await receiveFiles(context, this.deps, session, files, { text: u.text, asking: dc.activeDialog !== undefined });
    if (received === 'added') return;
    if (received === 'alone') {
      // Files alone answer nothing: the question under way is asked again.
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    const waiting = dc.activeDialog ? (this.dialogs.find(dc.activeDialog.id) as HelpdeskDialog<object> | undefined) : undefined;
    const claimed = waiting !== undefined && waiting.claims(dc.activeDialog!.state, u, session);
    // An answer to the support team (or "add to my ticket L1-…: …") goes to the request.
    if (!dc.activeDialog && (await takeAddition(context, this.deps, session, u))) return;
    if (!claimed && (await this.commandFromAnywhere(dc, session, u))) return;
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.complete || !isReroute(result.result)) return;
    }
    await this.routeMessage(dc, session, u, supportOffered === true);
  }

  /** Commands that work whatever the bot asked; true when the turn is done. */
  private async commandFromAnywhere(dc: DialogContext, session: Session, u: Understanding): Promise<boolean> {
    const t = strings(langOf(session));
    const active = dc.activeDialog?.id;
    if (u.askedLanguage) {
      await dc.context.sendActivity(t.switchedLanguage);
      if (active) await dc.repromptDialog();
      return true;
    }
    switch (u.intent) {
      case 'restart':
        await dc.cancelAllDialogs();
        Object.assign(session, { ...newSession(langOf(session)), language: session.language, started: true });
        await dc.context.sendActivity(withButtons(t.restarted, await this.popularTitles(langOf(session))));
        return true;
      case 'cancel':
        if (!active) return false;
        await dc.cancelAllDialogs();
        await dc.context.sendActivity(active === REQUEST || dc.stack.some((d) => d.id === REQUEST) ? t.requestCancelled : t.stopped);
        return true;
      case 'help':
        await dc.context.sendActivity(t.help);
        if (active) await dc.repromptDialog();
        else await dc.context.sendActivity(withButtons(t.topicsIntro, await this.popularTitles(langOf(session))));
        return true;
      case 'status':
        if (active === STATUS) return false;
        // In the middle of a request, the status comes on top and the request waits for it.
        if (active !== REQUEST) await dc.cancelAllDialogs();
        await dc.beginDialog(STATUS, {} satisfies StatusOptions);
        return true;
      case 'human':
      case 'ticket':
      case 'callback':
        if (active === REQUEST) return false;
        // From an answer, a flow, a "did you mean": the topic (and its level) comes along.
        if (active) {
          await dc.cancelAllDialogs();
          await dc.beginDialog(REQUEST, requestFor(this.deps, session, channelOf(u), t, true));
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private async routeMessage(dc: DialogContext, session: Session, u: Understanding, supportOffered: boolean): Promise<void> {
    const lang = langOf(session);
    const t = strings(lang);
    let next = route(u, { supportOffered });
    // Not understood right after a miss: the customer may be saying more about the same problem.
    const before = session.topic;
    if (next.kind === 'not-understood' && next.reason === 'low-confidence' && session.misses > 0 && before && !before.articleId && !u.intent) {
      const both = this.deps.matcher.match(`${before.question} ${u.text}`, { fallbackLanguage: lang });
      const top = both.matches[0];
      if (both.decision === 'answer' && top) next = { kind: 'answer', articleId: top.id, confidence: top.score };
    }
    switch (next.kind) {
      case 'answer':
        await dc.beginDialog(ANSWER, { articleId: next.articleId, confidence: next.confidence, question: u.text } satisfies AnswerOptions);
        return;
      case 'clarify':
        await dc.beginDialog(CLARIFY, { question: u.text, options: next.options } satisfies ClarifyOptions);
        return;
      case 'request':
        await dc.beginDialog(REQUEST, requestFor(this.deps, session, next.channel ?? channelOf(u), t, true));
        return;
      case 'status':
        await dc.beginDialog(STATUS, {} satisfies StatusOptions);
        return;
      case 'say':
        await dc.context.sendActivity(t[next.what]);
        return;
      case 'help':
        await dc.context.sendActivity(t.help);
        await dc.context.sendActivity(withButtons(t.topicsIntro, await this.popularTitles(lang)));
        return;
      case 'restart':
        await dc.context.sendActivity(withButtons(t.restarted, await this.popularTitles(lang)));
        return;
      case 'covers':
        await dc.context.sendActivity(withButtons(t.covers(next.why), await this.popularTitles(lang)));
        return;
      case 'not-understood':
        if (next.reason !== 'low-confidence') {
          await dc.context.sendActivity(markdown(t.notUnderstoodOther(next.reason)));
          return;
        }
        session.topic = { question: u.text };
        await this.deps.analytics.unanswered({
          conversationId: dc.context.activity.conversation.id,
          question: u.text,
          language: lang,
          kind: 'none',
          topMatches: u.match.matches.map((m) => ({ id: m.id, score: m.score })),
        });
        await afterMiss(dc.context, session, t.notUnderstood);
        return;
    }
  }
}
