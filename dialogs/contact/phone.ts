import { findNumbers, type CountryCode, type NumberType } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string; international: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'premium-rate' | 'not-callable' };

// Numbers we cannot (or should not) call back: they cost the caller, route to a
// pager or mailbox, or are redirection numbers rather than a person's line.
const NOT_CALLABLE: ReadonlySet<NumberType> = new Set<NumberType>([
  'SHARED_COST',
  'UAN',
  'PAGER',
  'VOICEMAIL',
  'PERSONAL_NUMBER',
]);

/**
 * Checks a callback number typed by a user, in national ("06 12 34 56 78") or
 * international ("+49 30 901820", "0044 …") form, possibly inside a sentence
 * ("mon numéro : 06 12 34 56 78"). Uses the full metadata, so the number must
 * really exist in the numbering plan, not just have the right length.
 */
export function validatePhone(input: string, defaultRegion: CountryCode = 'FR'): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };

  // findNumbers only reports numbers that are valid, so garbage and partial
  // numbers simply find nothing.
  const found = findNumbers(text, { defaultCountry: defaultRegion, v2: true });
  const [match, ...others] = found;
  // Two numbers: we cannot tell which one to call.
  if (match === undefined || others.length > 0) return { ok: false, reason: 'invalid' };

  // More digits right next to the number ("06 12 34 56 78 / 79") mean we may
  // have kept only part of what the user typed: ask again rather than guess.
  // Digits further away ("… entre 14h et 16h") are just the rest of a sentence.
  const before = text.slice(0, match.startsAt);
  const after = text.slice(match.endsAt);
  if (/[\d+][\s./()-]*$/.test(before) || /^[\s./()-]*\d/.test(after)) return { ok: false, reason: 'invalid' };

  const phone = match.number;
  const type = phone.getType();
  if (type === 'PREMIUM_RATE') return { ok: false, reason: 'premium-rate' };
  if (type !== undefined && NOT_CALLABLE.has(type)) return { ok: false, reason: 'not-callable' };

  return { ok: true, e164: phone.number, international: phone.formatInternational() };
}
