// Dialog ids: one place, so a typo is a compile error rather than a dialog that never starts.
export const ROOT = 'root';
export const ROUTE = 'root.route';
export const ANSWER = 'answer';
export const CLARIFY = 'clarify';
export const FLOW = 'flow';
export const TICKET = 'ticket';
export const CALLBACK = 'callback';
export const STATUS = 'status';
export const HUMAN = 'human';
export const TEXT_PROMPT = 'prompt.text';
export const NAME_PROMPT = 'prompt.name';
export const EMAIL_PROMPT = 'prompt.email';
export const PHONE_PROMPT = 'prompt.phone';
export const CHOICE_PROMPT = 'prompt.choice';
