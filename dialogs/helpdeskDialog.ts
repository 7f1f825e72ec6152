// The shape every dialog here takes: its state is plain data in the dialog stack, each turn reads
// the conversation's one understanding of the message, and the decisions live in plain functions.
// A dialog that gets a message meant for something else ends with `reroute`, and the conversation
// routes that message afresh.
import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { strings, type Strings } from '../strings/index.js';
import { sessionOf, understandingOf, type HelpdeskDeps } from './deps.js';
import { langOf, type Session } from './session.js';
import type { Understanding } from './understand/turn.js';
import { markdown, withButtons } from './render.js';

export interface Reroute {
  reroute: true;
}

export function isReroute(result: unknown): result is Reroute {
  return typeof result === 'object' && result !== null && (result as Reroute).reroute === true;
}

export interface Turn {
  session: Session;
  u: Understanding;
  t: Strings;
}

export abstract class HelpdeskDialog<S extends object, O extends object = object> extends Dialog<O> {
  constructor(id: string, protected readonly deps: HelpdeskDeps) {
    super(id);
  }

  /**
   * Whether the dialog takes this message as the answer it waits for, before the commands that work
   * from anywhere: a button picked, a flow step answered in words ("ok il redémarre" is not "restart").
   */
  claims(_state: S, u: Understanding, _session: Session): boolean {
    return u.pressed !== undefined;
  }

  protected state(dc: DialogContext): S {
    return dc.activeDialog!.state as S;
  }

  protected save(dc: DialogContext, state: S): void {
    dc.activeDialog!.state = state;
  }

  protected async turn(context: TurnContext): Promise<Turn> {
    const session = await sessionOf(this.deps, context);
    return { session, u: understandingOf(context), t: strings(langOf(session)) };
  }

  protected waiting(): DialogTurnResult {
    return Dialog.EndOfTurn;
  }

  protected reroute(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog({ reroute: true } satisfies Reroute);
  }

  protected async say(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity(markdown(text));
  }

  protected async ask(context: TurnContext, text: string, labels: readonly string[] = []): Promise<void> {
    const activity: Partial<Activity> = labels.length > 0 ? withButtons(text, labels) : markdown(text);
    await context.sendActivity({ ...activity, textFormat: 'markdown' });
  }
}

export const ended = (result?: unknown): DialogTurnResult => ({ status: DialogTurnStatus.complete, result });
