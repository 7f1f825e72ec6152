// Personal data taken out of what is kept for analysis (transcripts, unanswered questions, feedback,
// answers shown): email addresses, phone numbers, payment card numbers (Luhn-checked) and IBANs
// (mod-97-checked) become [email], [phone], [card], [iban]. The contact details a ticket or a
// callback needs are kept on that request only. Request references (L1-20261123-0042) are no phone.
import { createHash } from 'node:crypto';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

const EMAIL = /[^\s<>()[\]",;:@]+@[^\s<>()[\]",;:@]+\.[^\s<>()[\]",;:@]{2,}/gu;
const REFERENCE = /\bL[\s\-_./]*[12][\s\-_./]*\d{8}[\s\-_./]*\d{1,9}\b/giu;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
// Groups of four as IBANs are printed (or none), the last one shorter.
const IBAN = /\b[A-Za-z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
// Digit runs a phone number library would not call valid but a person may still be reached on.
const LONG_DIGITS = /\+?\d(?:[\s./()-]*\d){7,}/g;
/** A date is no phone number: 24/11/2026, 2026-11-24. */
const DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(text: string): boolean {
  const iban = text.replace(/\s/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** What not to mask: the company's own published addresses (support@…, no-reply@… in its answers). */
export interface MaskOptions {
  keepEmails?: ReadonlySet<string>;
}

// The bot's answers are the same long texts again and again (an article with versions, dates and
// the support line in it), and the phone search is the costly part: long texts are masked once.
// The cache is keyed by a hash of the text, so it holds no customer's words, only masked ones.
const LONG_TEXT = 200;
const maskedLong = new WeakMap<ReadonlySet<string> | typeof NO_KEPT_EMAILS, Map<string, string>>();
const NO_KEPT_EMAILS = Object.freeze({});

/** The text with personal data replaced by placeholders; text without any comes back unchanged. */
export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  if (!/[\d@]/.test(text)) return text;
  if (text.length < LONG_TEXT) return mask(text, options);
  const owner = options.keepEmails ?? NO_KEPT_EMAILS;
  let cache = maskedLong.get(owner);
  if (!cache) maskedLong.set(owner, (cache = new Map()));
  const key = createHash('sha1').update(text).digest('base64');
  let masked = cache.get(key);
  if (masked === undefined) {
    masked = mask(text, options);
    if (cache.size >= 500) cache.delete(cache.keys().next().value!);
    cache.set(key, masked);
  }
  return masked;
}

function mask(text: string, options: MaskOptions): string {
  // References are set aside first, so their digits are not read as a phone or a card.
  const references: string[] = [];
  let out = text.replace(REFERENCE, (m) => `\u0000${references.push(m) - 1}\u0000`);
  out = out.replace(EMAIL, (m) => (options.keepEmails?.has(m.toLowerCase()) ? m : '[email]'));
  // Fewer than six digits left can be no phone, card or IBAN: the costly searches are skipped.
  // eslint-disable-next-line no-control-regex -- NUL marks the references set aside above: no text holds one
  if ((out.match(/\d/g)?.length ?? 0) < 6) return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => references[Number(i)] ?? '');
  out = out.replace(IBAN, (m) => (ibanValid(m) ? '[iban]' : m));
  out = out.replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? '[card]' : m));
  const phones = findPhoneNumbersInText(out, { defaultCountry: 'FR' });
  for (const found of [...phones].reverse()) out = out.slice(0, found.startsAt) + '[phone]' + out.slice(found.endsAt);
  out = out.replace(LONG_DIGITS, (m) => (DATE.test(m.trim()) ? m : '[phone]'));
  // eslint-disable-next-line no-control-regex -- the same NUL markers
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => references[Number(i)] ?? '');
}

/** Masks every string in a JSON-like value, leaving its shape alone. */
export function maskDeep<T>(value: T, options: MaskOptions = {}): T {
  if (typeof value === 'string') return maskPersonalData(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, options)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, options);
    return out as T;
  }
  return value;
}

/**
 * An activity as kept in a transcript: what people read (text, cards, buttons, submitted values) is
 * masked; ids, addresses and channel data are left alone, so the chat can still be rebuilt from it.
 */
export function maskActivity(activity: unknown, options: MaskOptions = {}): unknown {
  if (!activity || typeof activity !== 'object' || Array.isArray(activity)) return activity;
  const a = { ...(activity as Record<string, unknown>) };
  for (const key of ['text', 'speak', 'summary'] as const) if (typeof a[key] === 'string') a[key] = maskPersonalData(a[key] as string, options);
  if ('value' in a) a.value = maskDeep(a.value, options);
  if (Array.isArray(a.attachments)) a.attachments = a.attachments.map((att: unknown) => (att && typeof att === 'object' ? { ...(att as object), content: maskDeep((att as { content?: unknown }).content, options) } : att));
  const suggested = a.suggestedActions as { actions?: unknown[] } | undefined;
  if (suggested && Array.isArray(suggested.actions)) a.suggestedActions = { ...suggested, actions: maskDeep(suggested.actions, options) };
  return a;
}

/** The email addresses a text publishes (a knowledge base's answers): kept as they are when masking. */
export function publishedEmails(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(EMAIL)) out.add(m[0].toLowerCase());
  return out;
}
