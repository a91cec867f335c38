// The per-leaf slab allocator (der-arena.ts): views that never overlap, start zeroed, move to a
// new slab when one is full, and big requests that get a buffer of their own. A view that
// overlapped another would let one leaf's DER overwrite another's in the same batch.
import { describe, expect, it } from 'vitest';
import { arenaBytes, ownBytes } from './der-arena.ts';
import { certificateDer, DerBuffer, ecdsaRawToDer, TAG } from './der-writer.ts';
import { nativePemEncoder } from './native-pem.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { slabViewAtOffset } from '../test/slab-view.ts';

/** Every view's [start, end) within its buffer; views of one buffer must be disjoint. */
function overlaps(views: readonly Uint8Array[]): boolean {
  const byBuffer = new Map<ArrayBufferLike, [number, number][]>();
  for (const v of views) {
    const spans = byBuffer.get(v.buffer) ?? [];
    spans.push([v.byteOffset, v.byteOffset + v.byteLength]);
    byBuffer.set(v.buffer, spans);
  }
  for (const spans of byBuffer.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) return true;
  }
  return false;
}

describe('arenaBytes', () => {
  const rows = [
    { name: 'a batch of leaf-sized requests', sizes: Array.from({ length: 400 }, (_, i) => 70 + ((i * 37) % 500)) },
    { name: 'requests that end a slab exactly', sizes: [4096, 4096, ...Array.from({ length: 30 }, () => 2048)] },
    { name: 'empty and one-byte requests', sizes: [0, 1, 0, 1, 2, 0] },
    { name: 'large requests mixed in', sizes: [100, 8192, 100, 65536, 100, 9000, 100] },
  ];
  for (const row of rows) {
    it(`${row.name}: the asked length, zeroed, disjoint`, () => {
      const views = row.sizes.map((n) => arenaBytes(n));
      views.forEach((v, i) => {
        expect(v.byteLength).toBe(row.sizes[i]);
        expect(v.every((b) => b === 0)).toBe(true);
      });
      expect(overlaps(views)).toBe(false);
      // Writing every view to its own marker leaves each one whole.
      views.forEach((v, i) => v.fill((i % 255) + 1));
      views.forEach((v, i) => expect(v.every((b) => b === (i % 255) + 1)).toBe(true));
    });
  }

  it('a request of 8 KiB or more gets a buffer of its own; smaller ones share slabs', () => {
    const big = arenaBytes(8192);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(8192);
    const small = [arenaBytes(100), arenaBytes(100)];
    expect(small[0]!.buffer).toBe(small[1]!.buffer);
    expect(small[0]!.buffer.byteLength).toBeGreaterThan(100);
  });

  it('ownBytes is a buffer of its own', () => {
    const v = ownBytes(100);
    expect(v.byteOffset).toBe(0);
    expect(v.buffer.byteLength).toBe(100);
  });
});

describe('writers over the arena write what they write over their own buffers', () => {
  const raw = Uint8Array.from({ length: 64 }, (_, i) => (i * 53 + 200) & 255);
  const tbs = new DerBuffer(6)
    .header(TAG.SEQUENCE, 4)
    .put(Uint8Array.of(2, 2, 0x01, 0x00))
    .done();
  const sigAlg = Uint8Array.of(0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);
  const rows = [
    { name: 'ecdsaRawToDer', write: (a?: typeof arenaBytes) => ecdsaRawToDer(raw, a) },
    { name: 'certificateDer', write: (a?: typeof arenaBytes) => certificateDer(tbs, sigAlg, raw, a) },
  ];
  for (const row of rows)
    it(row.name, () => {
      const own = row.write();
      const inArena = row.write(arenaBytes);
      expect(inArena.buffer).not.toBe(own.buffer);
      expect([...inArena]).toEqual([...own]);
    });
});

// A slab view starts inside a buffer other leaves share: an encoder that read `.buffer` without
// the view's offset and length would write another leaf's bytes. Each encoder the batch uses
// (node-leaf-engine.test.ts holds the Node engine's own) must read the view alone.
describe('PEM encoders read a slab view, not its buffer', () => {
  // The platform's toBase64 (not in Node 20), as the TC39 proposal reads a view: its own bytes.
  const toBase64 = function (this: Uint8Array) {
    return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
  };
  const native = nativePemEncoder(toBase64);
  const encoders = [
    { name: 'pemEncode', encode: pemEncode },
    { name: "native-pem's encoder", encode: native ?? (() => 'no native encoder') },
  ];
  const lengths = [1, 2, 3, 48, 49, 64, 65, 300, 1500];
  for (const { name, encode } of encoders)
    it(`${name}: views at an offset encode as copies of their own`, () => {
      for (const n of lengths) {
        const view = slabViewAtOffset(n);
        const text = encode('CERTIFICATE', view);
        expect(text).toBe(pemEncode('CERTIFICATE', view.slice()));
        expect([...new Uint8Array(pemDecodeAll(text).blocks[0]!.der)]).toEqual([...view]);
      }
    });
});
