// Text prompts whose answers are checked on the way in: a bad one is re-asked with an example, in
// the conversation's language, and nothing typed so far is lost.
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import { strings } from '../strings/index.js';
import { validateEmail } from './contact/email.js';
import { validateName } from './contact/name.js';
import { validatePhone } from './contact/phone.js';
import { sessionOf, type HelpdeskDeps } from './deps.js';
import { CHOICE_PROMPT, EMAIL_PROMPT, NAME_PROMPT, PHONE_PROMPT, TEXT_PROMPT } from './ids.js';
import { pickChoice } from './choices.js';
import { withButtons } from './render.js';

/** For CHOICE_PROMPT: the buttons offered, and what to say (with them again) when none is picked. */
export interface ChoiceValidations {
  labels: string[];
  retry: string;
}

type Check = (text: string) => { ok: true } | { ok: false; reason: string };

function checked(deps: HelpdeskDeps, id: string, check: Check, message: (lang: 'fr' | 'en', reason: string) => string): TextPrompt {
  return new TextPrompt(id, async (prompt: PromptValidatorContext<string>) => {
    const result = check(prompt.recognized.value ?? '');
    if (result.ok) return true;
    // Sending the reason here (with its example) replaces the generic re-prompt.
    const session = await sessionOf(deps, prompt.context);
    await prompt.context.sendActivity(message(session.lang, result.reason));
    return false;
  });
}

export function createPrompts(deps: HelpdeskDeps): TextPrompt[] {
  return [
    new TextPrompt(TEXT_PROMPT),
    new TextPrompt(CHOICE_PROMPT, async (prompt) => {
      const { labels, retry } = prompt.options.validations as ChoiceValidations;
      if (pickChoice(prompt.recognized.value ?? '', labels) !== undefined) return true;
      await prompt.context.sendActivity(withButtons(retry, labels));
      return false;
    }),
    checked(deps, NAME_PROMPT, validateName, (lang) => strings(lang).invalidName),
    checked(deps, EMAIL_PROMPT, validateEmail, (lang) => strings(lang).invalidEmail),
    checked(deps, PHONE_PROMPT, (text) => validatePhone(text), (lang, reason) =>
      reason === 'premium-rate' || reason === 'not-callable' ? strings(lang).premiumPhone : strings(lang).invalidPhone,
    ),
  ];
}
