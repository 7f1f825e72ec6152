// A trained matcher's state crosses from the build thread in pieces: what arrives must be what left.
import { expect } from 'chai';
import { serialize } from 'node:v8';
import { assembler, split } from '../../../knowledge/rebuild/pieces.js';

/** Each piece as a message carries it (a structured clone, buffers transferred with the last). */
function send(value: unknown): unknown {
  const { pieces, transfer } = split(value);
  const parts = assembler();
  let arrived: unknown;
  pieces.forEach((piece, i) => {
    const added = parts.add(structuredClone(piece, { transfer: i === pieces.length - 1 ? transfer : [] }));
    if (added.done) arrived = added.value;
  });
  return arrived;
}

describe('a value sent between threads in pieces', () => {
  it('arrives equal: large maps in chunks, small ones whole, typed arrays, nested objects', () => {
    const big = new Map(Array.from({ length: 5000 }, (_, i) => [`gram-${i}`, [i, i + 1]] as const));
    const value = { labels: ['install', 'reset-password'], index: { big, small: new Map([['a', 1]]), weights: new Float32Array([0.5, -1]) }, count: 2 };
    const { pieces } = split(structuredClone(value));
    expect(pieces.filter((p) => p.kind === 'entries').length, 'chunks of the big map').to.be.above(1);
    expect(send(structuredClone(value))).to.deep.equal(value);
  });

  it('keeps what the value shares shared, and sends it once', () => {
    const kb = { articles: [{ id: 'install', answer: 'x'.repeat(10_000) }] };
    const arrived = send({ kb, state: { kb } }) as { kb: unknown; state: { kb: unknown } };
    expect(arrived.state.kb).to.equal(arrived.kb);
    // Bytes a message carries (V8's serializer, as postMessage uses): the shared one is sent once.
    const bytes = (v: unknown) => split(v).pieces.reduce((n, piece) => n + serialize(piece).length, 0);
    expect(bytes({ kb, state: { kb: structuredClone(kb) } }) - bytes({ kb, state: { kb } })).to.be.above(9_000);
  });
});
