// How a conversation-state value is stored by every backend: its eTag beside it, not in it, and
// keys kept as own properties whatever their name.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function eTagOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.eTag === 'string' ? value.eTag : undefined;
}

/** The JSON round trip of the value, minus its eTag (kept beside it). */
export function withoutETag(value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
  if (isPlainObject(copy)) delete copy.eTag;
  return copy;
}

export function withETag(value: unknown, eTag: string): unknown {
  return isPlainObject(value) ? { ...value, eTag } : value;
}

// Keys come from channels (conversation ids): a key such as "__proto__" must stay a plain key.
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
