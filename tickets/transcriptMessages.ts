// The messages of a stored conversation: who wrote, when, the text, the buttons offered and a
// confirmation card's reference. Staff read transcripts through it and tickets copy it.
import type { TranscriptEntry } from './types.js';

export interface TranscriptMessage {
  at: string;
  from: 'user' | 'bot';
  text: string;
  buttons?: string[];
  card?: { title: string; reference: string };
}

const REFERENCE = /L[1-4]-\d{8}-\d{4,}/;

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The message an entry carries, or undefined for typing, join and other non-message activities. */
export function messageOf(entry: TranscriptEntry): TranscriptMessage | undefined {
  const activity = asObject(entry.activity);
  if (activity.type !== 'message') return undefined;
  const text = typeof activity.text === 'string' ? activity.text : '';
  const attachments = asArray(activity.attachments).map(asObject);
  const buttons = [
    ...asArray(asObject(activity.suggestedActions).actions),
    ...attachments.flatMap((a) => asArray(asObject(a.content).buttons)), // Teams: buttons on a hero card
  ].map((action) => asObject(action).title).filter((t): t is string => typeof t === 'string');
  const card = attachments.map(cardOf).find((c) => c !== undefined);
  if (!text && buttons.length === 0 && !card) return undefined;
  return { at: entry.at, from: entry.direction === 'in' ? 'user' : 'bot', text, ...(buttons.length ? { buttons } : {}), ...(card ? { card } : {}) };
}

/** An Adaptive Card that names a reference: the confirmation of a ticket or callback. */
function cardOf(attachment: Loose): TranscriptMessage['card'] {
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return undefined;
  const blocks = asArray(asObject(attachment.content).body).map(asObject);
  const texts = blocks.map((b) => b.text).filter((t): t is string => typeof t === 'string');
  const reference = texts.map((t) => REFERENCE.exec(t)?.[0]).find(Boolean);
  return reference ? { title: texts[0] ?? '', reference } : undefined;
}
