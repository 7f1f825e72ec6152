// What a message holds besides its words: email addresses, phone numbers, request references,
// a reaction emoji. Found in any message, whatever the bot asked, so a form can take a value given
// early ("rappelez-moi au 06 12 34 56 78") and a question is read without them.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { z } from 'zod';
import { parseReference } from '../../tickets/reference.js';
import { validatePhone, type PhoneResult } from '../contact/phone.js';

export type Phone = { e164: string; international: string };
export type PhoneProblem = Exclude<PhoneResult, { ok: true }>['reason'];

export interface Entities {
  emails: string[];
  /** numbers we may call, in the order typed */
  phones: Phone[];
  /** digits that look like a phone number but are not one we can call */
  badPhone?: PhoneProblem;
  /** an email-like word that is not a valid address ("jane@", "jane.smith@gmail") */
  badEmail?: boolean;
  /** references as the store writes them (L1-20261123-0042) */
  references: string[];
  /** 👍 / 👎 and their kin */
  reaction?: 'up' | 'down';
  /** nothing but emoji, symbols and punctuation */
  symbolsOnly: boolean;
  /** the message with emails, phone numbers and references taken out: what words are read from */
  rest: string;
}

const emailSchema = z.email();
const EMAIL_LIKE = /[^\s<>()[\]",;:]+@[^\s<>()[\]",;:]*/gu;
const UP = /(?:👍|👌|✅|🙏|💯|🆗|👏|😀|😃|😊|🙂|😄|🥳)/u;
const DOWN = /(?:👎|❌|😞|😠|😡|🙁|☹️|😕|😢|🤬)/u;
// Runs of 6+ digits with the separators people put in numbers: a phone attempt if not a valid one.
const DIGIT_RUN = /\+?\d[\d\s.\-/()]{4,}\d/gu;

function findEmails(text: string): { emails: string[]; bad: boolean; spans: Array<[number, number]> } {
  const emails: string[] = [];
  const spans: Array<[number, number]> = [];
  let bad = false;
  for (const m of text.matchAll(EMAIL_LIKE)) {
    const raw = m[0].replace(/^mailto:/i, '').replace(/[.!?]+$/u, '');
    spans.push([m.index, m.index + m[0].length]);
    if (emailSchema.safeParse(raw).success) {
      const at = raw.lastIndexOf('@');
      emails.push(raw.slice(0, at) + '@' + raw.slice(at + 1).toLowerCase());
    } else bad = true;
  }
  return { emails, bad, spans };
}

function findPhones(text: string): { phones: Phone[]; bad?: PhoneProblem; spans: Array<[number, number]> } {
  const phones: Phone[] = [];
  const spans: Array<[number, number]> = [];
  let bad: PhoneProblem | undefined;
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'FR' })) {
    spans.push([found.startsAt, found.endsAt]);
    const checked = validatePhone(text.slice(found.startsAt, found.endsAt));
    if (checked.ok) phones.push({ e164: checked.e164, international: checked.international });
    else bad ??= checked.reason;
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (spans.some(([a, b]) => a < end && start < b)) continue;
    const digits = m[0].replace(/\D/g, '').length;
    // A date ("24/11/2026") or an amount is not a phone attempt; 8 digits and more mostly are.
    if (digits >= 8 && !/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(m[0].trim())) {
      bad ??= 'invalid';
      spans.push([start, end]);
    }
  }
  return { phones, ...(bad ? { bad } : {}), spans };
}

/** Spaces over the spans, same length, so later spans still point at the right characters. */
function blank(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}

export function findEntities(text: string): Entities {
  const source = text.normalize('NFKC');
  const mails = findEmails(source);
  const reference = parseReference(source);
  const referenceSpans: Array<[number, number]> = [];
  if (reference) {
    const at = source.search(/L[\s\-_./]*[12][\s\-_./]*\d{8}/iu);
    if (at >= 0) referenceSpans.push([at, at + (/L[\s\-_./]*[12][\s\-_./]*\d{8}[\s\-_./]*\d{1,9}/iu.exec(source.slice(at))?.[0].length ?? 0)]);
  }
  // Reference digits are not a phone number: blank them before looking for one.
  const withoutIds = blank(source, [...mails.spans, ...referenceSpans]);
  const phones = findPhones(withoutIds);
  const rest = blank(withoutIds, phones.spans).replace(/\s+/g, ' ').trim();
  const symbolsOnly = source.trim() !== '' && !/[\p{L}\p{N}]/u.test(source);
  const reaction = UP.test(source) && !/[\p{L}\p{N}]{2,}/u.test(rest) ? 'up' : DOWN.test(source) && !/[\p{L}\p{N}]{2,}/u.test(rest) ? 'down' : undefined;
  return {
    emails: mails.emails,
    phones: phones.phones,
    ...(phones.bad && phones.phones.length === 0 ? { badPhone: phones.bad } : {}),
    ...(mails.bad && mails.emails.length === 0 ? { badEmail: true } : {}),
    references: reference ? [reference.reference] : [],
    ...(reaction ? { reaction } : {}),
    symbolsOnly,
    rest,
  };
}
