// A large value sent between threads in pieces. A message is deserialised in one go on the thread
// that receives it: a matcher's maps (tens of thousands of entries) in one message would stall the
// answering thread for tens of milliseconds. Each large map travels as chunks of entries, one
// message each, and typed arrays are transferred, not copied; the receiver puts them back together.

/** Entries per message: a chunk deserialises well under a millisecond. */
const CHUNK = 500;
const MAP = '__pieceMap';

export type Piece =
  | { kind: 'entries'; map: number; entries: Array<[unknown, unknown]> }
  | { kind: 'whole'; value: unknown };

interface Split {
  pieces: Piece[];
  /** buffers to transfer with the last piece */
  transfer: ArrayBuffer[];
}

/**
 * A copy of a value through its arrays and plain objects. `stand(v)` says what stands for an object
 * in the copy, or undefined to copy a plain object key by key. An object met twice gets the same
 * copy, so what the value shares (the knowledge base a matcher's state also holds) is sent once and
 * still shared on arrival, as a structured clone keeps it.
 */
function copier(stand: (v: object) => unknown): (v: unknown) => unknown {
  const copies = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    let copy: unknown;
    if (Array.isArray(v)) copy = v.map(walk);
    else copy = stand(v) ?? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    copies.set(v, copy);
    return copy;
  };
  return walk;
}

/** Plain objects and arrays are walked; maps larger than a chunk become placeholders. */
export function split(value: unknown): Split {
  const pieces: Piece[] = [];
  const transfer: ArrayBuffer[] = [];
  let maps = 0;
  const walk = copier((v) => {
    if (v instanceof Map) {
      if (v.size <= CHUNK) return v;
      const id = maps++;
      let entries: Array<[unknown, unknown]> = [];
      for (const entry of v) {
        entries.push(entry);
        if (entries.length === CHUNK) {
          pieces.push({ kind: 'entries', map: id, entries });
          entries = [];
        }
      }
      if (entries.length > 0) pieces.push({ kind: 'entries', map: id, entries });
      return { [MAP]: id };
    }
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && !transfer.includes(v.buffer)) transfer.push(v.buffer);
      return v;
    }
    return Object.getPrototypeOf(v) === Object.prototype ? undefined : v;
  });
  const whole = walk(value);
  pieces.push({ kind: 'whole', value: whole });
  return { pieces, transfer };
}

/** Collects pieces in the order they were sent; `add` returns the value once the last piece is in. */
export function assembler(): { add(piece: Piece): { done: true; value: unknown } | { done: false } } {
  const maps = new Map<number, Map<unknown, unknown>>();
  const restore = copier((v) => {
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const id = (v as Record<string, unknown>)[MAP];
    return typeof id === 'number' ? (maps.get(id) ?? new Map()) : undefined;
  });
  return {
    add(piece) {
      if (piece.kind === 'whole') return { done: true, value: restore(piece.value) };
      let map = maps.get(piece.map);
      if (!map) maps.set(piece.map, (map = new Map()));
      for (const [k, v] of piece.entries) map.set(k, v);
      return { done: false };
    },
  };
}
