export type NameResult = { ok: true; name: string } | { ok: false; reason: 'empty' | 'invalid' };

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 80;

/**
 * Checks a person's name: 2 to 80 characters once trimmed, at least one letter
 * (any script, accents welcome), no control characters. Runs of spaces are
 * collapsed and the text is NFC-normalised so "José" is stored one way only.
 */
export function validateName(input: string): NameResult {
  const name = input.normalize('NFC').trim();
  if (name === '') return { ok: false, reason: 'empty' };
  // A tab or newline inside a name is a paste accident, not a name.
  if (/\p{Cc}/u.test(name)) return { ok: false, reason: 'invalid' };

  const collapsed = name.replace(/ {2,}/g, ' ');
  // Count characters as users see them, not UTF-16 code units.
  const length = [...collapsed].length;
  if (length < NAME_MIN_LENGTH || length > NAME_MAX_LENGTH) return { ok: false, reason: 'invalid' };
  if (!/\p{L}/u.test(collapsed)) return { ok: false, reason: 'invalid' };

  return { ok: true, name: collapsed };
}
