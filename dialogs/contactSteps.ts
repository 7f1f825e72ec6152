// Steps shared by the ticket and the callback dialogs: the reason (pre-filled with the question,
// confirmed or changed) and the name, remembered for the rest of the conversation.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { strings, type Strings } from '../strings/index.js';
import { yesOrNo } from './choices.js';
import { validateName } from './contact/name.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { NAME_PROMPT, TEXT_PROMPT } from './ids.js';
import { withButtons } from './render.js';
import { resetTried, type Session } from './session.js';

export interface RequestValues {
  reason?: string;
  changingReason?: boolean;
  name?: string;
}

export const MAX_REASON = 500;

type Step<O extends object> = WaterfallStepContext<O>;

export async function askReason<O extends { reason?: string }>(deps: HelpdeskDeps, step: Step<O>, intro: string): Promise<DialogTurnResult> {
  const session = await sessionOf(deps, step.context);
  const t = strings(session.lang);
  await step.context.sendActivity(intro);
  const reason = (step.options as O).reason?.trim();
  if (reason) return step.prompt(TEXT_PROMPT, { prompt: withButtons(t.confirmReason(reason.slice(0, MAX_REASON)), [t.keepReason, t.changeReason]) });
  return step.prompt(TEXT_PROMPT, { prompt: t.askReason });
}

/** Reads "keep" / "change" (or the reason itself); prompts again when the user wants to change it. */
export async function readReason<O extends { reason?: string }>(deps: HelpdeskDeps, step: Step<O>): Promise<DialogTurnResult> {
  const session = await sessionOf(deps, step.context);
  const t = strings(session.lang);
  const values = step.values as RequestValues;
  const text = String(step.result ?? '').trim();
  const prefilled = (step.options as O).reason?.trim();
  if (!prefilled) {
    values.reason = text.slice(0, MAX_REASON);
    return step.next();
  }
  const keep = yesOrNo(text, t.keepReason, t.changeReason);
  if (keep === true) values.reason = prefilled.slice(0, MAX_REASON);
  else if (keep === false) return step.prompt(TEXT_PROMPT, { prompt: t.askReason });
  else values.reason = text.slice(0, MAX_REASON); // they typed a better reason straight away
  return step.next();
}

export async function askName<O extends object>(deps: HelpdeskDeps, step: Step<O>): Promise<DialogTurnResult> {
  const session = await sessionOf(deps, step.context);
  const values = step.values as RequestValues;
  if (values.reason === undefined) values.reason = String(step.result ?? '').trim().slice(0, MAX_REASON);
  if (session.contact.name) return step.next(session.contact.name);
  return step.prompt(NAME_PROMPT, { prompt: strings(session.lang).askName });
}

export async function keepName<O extends object>(deps: HelpdeskDeps, step: Step<O>): Promise<string> {
  const session = await sessionOf(deps, step.context);
  const checked = validateName(String(step.result ?? ''));
  const name = checked.ok ? checked.name : String(step.result ?? '').trim();
  (step.values as RequestValues).name = name;
  session.contact.name = name;
  return name;
}

/**
 * The last step of a ticket or callback: on "Send", save the record and only then show its
 * confirmation (a reference is never given for a record that is not on disk); on anything else,
 * say that nothing was sent.
 */
export async function confirmThenSave<O extends object>(
  deps: HelpdeskDeps,
  step: Step<O>,
  what: string,
  save: (session: Session, t: Strings) => Promise<Partial<Activity>>,
): Promise<DialogTurnResult> {
  const session = await sessionOf(deps, step.context);
  const t = strings(session.lang);
  if (yesOrNo(String(step.result ?? ''), t.confirm, t.correct) !== true) {
    await step.context.sendActivity(t.requestNotSent);
    return step.endDialog();
  }
  let confirmation: Partial<Activity>;
  try {
    confirmation = await save(session, t);
  } catch (err) {
    // Logged here and told plainly: the user keeps no number for a record that may not exist.
    console.error(`${what} not saved`, err);
    await step.context.sendActivity(t.saveFailed);
    return step.endDialog();
  }
  resetTried(session);
  await step.context.sendActivity(confirmation);
  return step.endDialog();
}
