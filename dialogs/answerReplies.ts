// How a customer's reply to an answer is read, as plain functions: "did this help?" and the
// next steps offered when it did not.
import type { Understanding } from './understand/turn.js';

/** yes, no, or undefined when the reply is neither (a new question, something unclear). */
export function readHelpful(u: Understanding): boolean | undefined {
  if (u.pressed === 0) return true;
  if (u.pressed === 1) return false;
  if (u.entities.reaction === 'up') return true;
  if (u.entities.reaction === 'down') return false;
  if (u.intent === 'yes' || u.intent === 'thanks') return true;
  if (u.intent === 'no') return false;
  return undefined;
}

export type NextStepButton = 'rephrase' | 'human' | 'callback' | `related:${string}`;

export type NextStep =
  | { kind: 'rephrase' }
  | { kind: 'related'; articleId: string }
  | { kind: 'contact'; channel?: 'ticket' | 'callback' }
  | { kind: 'done' }
  | { kind: 'other' };

export function readNextStep(u: Understanding, buttons: readonly NextStepButton[]): NextStep {
  const pressed = u.pressed === undefined ? undefined : buttons[u.pressed];
  if (pressed === 'rephrase') return { kind: 'rephrase' };
  if (pressed === 'human') return { kind: 'contact' };
  if (pressed === 'callback') return { kind: 'contact', channel: 'callback' };
  if (pressed?.startsWith('related:')) return { kind: 'related', articleId: pressed.slice(8) };
  if (u.intent === 'callback' || u.intent === 'ticket') return { kind: 'contact', channel: u.intent };
  if (u.intent === 'human' || u.intent === 'yes') return { kind: 'contact' };
  if (u.intent === 'no' || u.intent === 'thanks' || u.intent === 'goodbye' || u.intent === 'skip') return { kind: 'done' };
  return { kind: 'other' };
}
