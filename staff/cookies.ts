// Reads and writes the Cookie / Set-Cookie headers for the staff session: a small parser rather
// than a dependency, because only one cookie with a base64url value is ever read.

/** name -> value of a Cookie header; the first occurrence of a name wins, malformed parts are skipped. */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = Array.isArray(header) ? header.join('; ') : header ?? '';
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export interface CookieOptions {
  /** seconds; 0 deletes the cookie */
  maxAge: number;
  secure: boolean;
}

/** `name=value; Path=/; Max-Age=…; HttpOnly; SameSite=Strict[; Secure]` */
export function serializeCookie(name: string, value: string, { maxAge, secure }: CookieOptions): string {
  if (!/^[\w.-]*$/.test(value)) throw new TypeError(`cookie value for ${name} has characters that need encoding`);
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAge))}`, 'HttpOnly', 'SameSite=Strict'];
  if (maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
