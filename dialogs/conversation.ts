// One turn of the conversation: commands that interrupt whatever is going on (cancel, help,
// language, human, status), then the active dialog, or the root dialog for a new message.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Lang } from '../knowledge/types.js';
import { strings } from '../strings/index.js';
import { parseCommand } from './commands.js';
import { pickChoice } from './choices.js';
import type { Session } from './session.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { ROOT } from './ids.js';
import { withButtons } from './render.js';
import { RootDialog, type RootOptions } from './rootDialog.js';

export function languageOfLocale(locale: string | undefined, fallback: Lang): Lang {
  const l = (locale ?? '').toLowerCase();
  return l.startsWith('fr') ? 'fr' : l.startsWith('en') ? 'en' : fallback;
}

export class HelpdeskConversation {
  private readonly dialogs: DialogSet;
  private readonly root: RootDialog;

  constructor(private readonly deps: HelpdeskDeps, dialogState: StatePropertyAccessor<DialogState>) {
    this.root = new RootDialog(deps);
    this.dialogs = new DialogSet(dialogState).add(this.root);
  }

  /** Remembers the buttons last offered, so pressing one is never mistaken for a command. */
  private trackOffers(context: TurnContext, session: Session): void {
    context.onSendActivities(async (_ctx, activities, next) => {
      const messages = activities.filter((a) => a.type === 'message');
      if (messages.length > 0) session.offered = (messages.at(-1)!.suggestedActions?.actions ?? []).map((a) => String(a.title));
      return next();
    });
  }

  async welcome(context: TurnContext): Promise<void> {
    const session = await sessionOf(this.deps, context);
    this.trackOffers(context, session);
    session.lang = languageOfLocale(context.activity.locale, session.lang);
    session.started = true;
    const t = strings(session.lang);
    await context.sendActivity(t.welcome);
    await context.sendActivity(withButtons(t.topicsIntro, await this.root.popularTitles(session.lang)));
  }

  async onMessage(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const text = context.activity.text ?? '';
    const session = await sessionOf(this.deps, context);
    if (!session.started) {
      // First message without a welcome (Teams, some clients): take the client's locale once.
      session.lang = languageOfLocale(context.activity.locale, session.lang);
      session.started = true;
    }
    const offered = session.offered ?? [];
    this.trackOffers(context, session);
    // "Contact support" or "Annuler" pressed on a button is an answer to the dialog, not a command.
    const pressedButton = offered.length > 0 && pickChoice(text, offered) !== undefined;
    const command = pressedButton ? undefined : parseCommand(text);
    if (dc.activeDialog && command) {
      const t = strings(session.lang);
      switch (command.kind) {
        case 'cancel':
          await dc.cancelAllDialogs();
          await context.sendActivity(t.cancelled);
          return;
        case 'help':
          await context.sendActivity(t.help);
          await dc.repromptDialog();
          return;
        case 'language':
          session.lang = command.lang;
          await context.sendActivity(strings(command.lang).switchedLanguage);
          await dc.repromptDialog();
          return;
        case 'human':
        case 'status':
          await dc.cancelAllDialogs();
          await dc.beginDialog(ROOT, { text } satisfies RootOptions);
          return;
        default:
          break; // small talk inside a dialog is an answer to its question
      }
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT, { text } satisfies RootOptions);
  }
}
