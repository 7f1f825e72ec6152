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

/** Plain objects and arrays are walked; maps larger than a chunk become placeholders. */
export function split(value: unknown): Split {
  const pieces: Piece[] = [];
  const transfer: ArrayBuffer[] = [];
  let maps = 0;
  const walk = (v: unknown): unknown => {
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
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const whole = walk(value);
  pieces.push({ kind: 'whole', value: whole });
  return { pieces, transfer };
}

/** Collects pieces in the order they were sent; `add` returns the value once the last piece is in. */
export function assembler(): { add(piece: Piece): { done: true; value: unknown } | { done: false } } {
  const maps = new Map<number, Map<unknown, unknown>>();
  const restore = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const id = (v as Record<string, unknown>)[MAP];
      if (typeof id === 'number') return maps.get(id) ?? new Map();
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    }
    return v;
  };
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
