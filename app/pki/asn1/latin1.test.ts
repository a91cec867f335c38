// latin1 writes one character per octet, whatever the length (it calls String.fromCharCode in
// chunks): every byte value, and inputs around and far past a chunk.
import { describe, expect, it } from 'vitest';
import { latin1 } from './values.ts';

const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

describe('latin1', () => {
  const rows = [0, 1, 13, 256, 4095, 4096, 4097, 10_000].map((n) =>
    Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 255),
  );
  for (const bytes of rows) it(`${bytes.length} octets`, () => expect(latin1(bytes)).toBe(oneByOne(bytes)));
  it('a view at an offset reads only its own octets', () => {
    const all = Uint8Array.from({ length: 300 }, (_, i) => i & 255);
    expect(latin1(all.subarray(100, 200))).toBe(oneByOne(all.slice(100, 200)));
  });
});
