// Whether a sentence asks something ("comment…", "how do I…", a question mark): such a sentence is a
// question even when it holds a command word, and it is not a reason or a name given.

const QUESTION_START = /^(?:comment|pourquoi|quand|combien|quel(?:le)?s?|o[uù]|est[- ]ce|peut[- ]on|puis[- ]je|how|why|when|what|which|where|who|can|could|is|are|do|does|should)\b/iu;
const FILLER = /^(?:et|and|au fait|by the way|btw|also|aussi|sinon|bon|ok|bonjour|hello|hi)[ ,]+/u;

// "Can you…", "pouvez-vous…": asked of the bot, these are requests, not questions about Scriba.
const REQUEST_TO_BOT = /^(?:(?:please|sorry|stp|svp)[ ,]+)?(?:can|could|would|will) you\b|^(?:pouvez|pourriez|peux|pourrais)[- ]?(?:vous|tu)\b|^(?:vous pouvez|tu peux|tu pourrais|vous pourriez)\b/u;

function withoutFiller(text: string): string {
  let t = text.trim().toLowerCase();
  for (let i = 0; i < 3; i++) t = t.replace(FILLER, '');
  return t;
}

export function asksSomething(text: string): boolean {
  const t = withoutFiller(text);
  if (REQUEST_TO_BOT.test(t)) return false;
  return t.endsWith('?') || QUESTION_START.test(t);
}

/** "can you switch to French", "pouvez-vous parler anglais": asked of the bot itself. */
export function asksTheBot(text: string): boolean {
  return REQUEST_TO_BOT.test(withoutFiller(text));
}
