// The confirmation of a ticket or callback as an Adaptive Card: the reference number large, then
// what was recorded. The sentence with the reference is still sent as text, for channels and
// screen readers that do not show cards.
import { CardFactory, type Attachment } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { strings } from '../strings/index.js';

export interface ConfirmationFacts {
  kind: 'ticket' | 'callback';
  reference: string;
  createdAt: string;
  reason: string;
  /** queue name for a ticket, slot for a callback */
  sentTo?: string;
  when?: string;
  email?: string;
  phone?: string;
}

export function confirmationCard(facts: ConfirmationFacts, lang: Lang, timeZone: string): Attachment {
  const t = strings(lang).card;
  // Times are said with the zone people name ("heure de Paris"), as in the messages.
  const created = `${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(facts.createdAt))} (${strings(lang).zoneName(timeZone)})`;
  const rows: Array<[string, string | undefined]> = [
    [t.created, created],
    [t.reason, facts.reason],
    [t.sentTo, facts.sentTo],
    [t.when, facts.when],
    [t.email, facts.email],
    [t.phone, facts.phone],
  ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang,
    body: [
      { type: 'TextBlock', text: facts.kind === 'ticket' ? t.ticketTitle : t.callbackTitle, weight: 'Bolder', size: 'Medium', color: 'Good' },
      { type: 'TextBlock', text: t.reference, isSubtle: true, spacing: 'Small' },
      { type: 'TextBlock', text: facts.reference, size: 'ExtraLarge', weight: 'Bolder', fontType: 'Monospace', spacing: 'None' },
      { type: 'FactSet', facts: rows.filter((r): r is [string, string] => Boolean(r[1])).map(([title, value]) => ({ title, value })) },
      { type: 'TextBlock', text: t.quoteIt, wrap: true, isSubtle: true, size: 'Small' },
    ],
  });
}
