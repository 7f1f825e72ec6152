// The messages of a stored conversation: who wrote, when, what was said (text, the choices offered,
// a request reference shown, the files' names). Staff read transcripts through it, tickets copy it,
// search indexes it. Entries carry the message the bot layer recorded; only entries written before
// it did (activities, as Teams and Web Chat drew them) are read here out of an activity. That
// reading is frozen: a new channel needs no change in this file.
import { parseReference } from './reference.js';
import type { SaidMessage, TranscriptEntry } from './types.js';

export interface TranscriptMessage extends SaidMessage {
  at: string;
  from: 'user' | 'bot';
}

/** The message an entry carries, or undefined for typing, joins and other entries that say nothing. */
export function messageOf(entry: TranscriptEntry): TranscriptMessage | undefined {
  const said = entry.message ?? legacyMessageOf(entry.activity);
  if (!said || !saysSomething(said)) return undefined;
  return { at: entry.at, from: entry.direction === 'in' ? 'user' : 'bot', ...said };
}

function saysSomething(said: SaidMessage): boolean {
  return said.text !== '' || Boolean(said.choices?.length) || said.reference !== undefined || Boolean(said.attachments?.length);
}

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string');

/**
 * What an activity stored before messages were recorded said: its text, the buttons offered (Web
 * Chat's suggested actions, Teams' hero card), the reference on a confirmation's Adaptive Card.
 */
export function legacyMessageOf(activity: unknown): SaidMessage | undefined {
  const a = asObject(activity);
  if (a.type !== 'message') return undefined;
  const attachments = asArray(a.attachments).map(asObject);
  const choices = strings([
    ...asArray(asObject(a.suggestedActions).actions),
    ...attachments.flatMap((att) => asArray(asObject(att.content).buttons)),
  ].map((action) => asObject(action).title));
  const reference = attachments.map(referenceOnCard).find((r) => r !== undefined);
  const files = strings(attachments.map((att) => att.name));
  return {
    text: typeof a.text === 'string' ? a.text : '',
    ...(choices.length ? { choices } : {}),
    ...(reference ? { reference } : {}),
    ...(files.length ? { attachments: files } : {}),
  };
}

/** The reference an Adaptive Card shows in one of its text blocks: the confirmation of a ticket or callback. */
function referenceOnCard(attachment: Loose): string | undefined {
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return undefined;
  const texts = strings(asArray(asObject(attachment.content).body).map((block) => asObject(block).text));
  return texts.map((t) => parseReference(t)?.reference).find((r) => r !== undefined);
}
