import { z } from 'zod';

export type EmailResult = { ok: true; email: string } | { ok: false; reason: 'empty' | 'invalid' };

const emailSchema = z.email();

/**
 * Checks an email address typed by a user. The domain is lower-cased (domains
 * are case-insensitive); the local part is kept as typed, since a mail server
 * may treat it as case-sensitive.
 */
export function validateEmail(input: string): EmailResult {
  // Users often paste "mailto:" links or wrap the address in <…>.
  const text = input.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!emailSchema.safeParse(text).success) return { ok: false, reason: 'invalid' };

  const at = text.lastIndexOf('@');
  return { ok: true, email: text.slice(0, at) + '@' + text.slice(at + 1).toLowerCase() };
}
