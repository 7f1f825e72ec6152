// Maps kept in the order of use (a Map iterates in insertion order, so the first key is the least
// recently used): what the store keeps in memory or open, bounded.

/** Sets `key` to `value` as the most recently used. */
export function use<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * Drops the least recently used entries until at most `max` are left, passing over those `keep`
 * says must stay; `dropped` is told of each one dropped (to close a file).
 */
export function dropOver<K, V>(map: Map<K, V>, max: number, { keep = () => false, dropped = () => undefined }: { keep?: (key: K) => boolean; dropped?: (value: V) => void } = {}): void {
  for (const [key, value] of map) {
    if (map.size <= max) break;
    if (keep(key)) continue;
    map.delete(key);
    dropped(value);
  }
}
