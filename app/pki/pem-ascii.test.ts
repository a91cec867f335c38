import { describe, expect, it } from 'vitest';
import { pemEncode } from './pem.ts';
import { asciiText, buffersOf, pemAsciiLength, pemAsciiWriter, pemText, writePemAscii } from './pem-ascii.ts';

/** Bytes that cover every 6-bit value many times over, different for each length. */
const sample = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 151 + n * 7 + 13) & 255);

describe('writePemAscii', () => {
  it("writes pemEncode's text for every length up to 300 and both labels", () => {
    for (const label of ['CERTIFICATE', 'PRIVATE KEY'])
      for (let n = 0; n <= 300; n++) {
        const der = sample(n);
        const out = new Uint8Array(pemAsciiLength(label, n) + 8).fill(0xff);
        const end = writePemAscii(label, der, out, 3);
        expect(end - 3, `${label} ${n}`).toBe(pemAsciiLength(label, n));
        expect(asciiText(out.subarray(3, end)), `${label} ${n}`).toBe(pemEncode(label, der));
        // Nothing written outside its room.
        expect([...out.subarray(0, 3), ...out.subarray(end)].every((b) => b === 0xff)).toBe(true);
      }
  });

  it('matches pemEncode on random certificate-sized DER', () => {
    for (let k = 0; k < 50; k++) {
      const der = crypto.getRandomValues(new Uint8Array(400 + k * 17));
      const out = new Uint8Array(pemAsciiLength('CERTIFICATE', der.length));
      writePemAscii('CERTIFICATE', der, out, 0);
      expect(asciiText(out)).toBe(pemEncode('CERTIFICATE', der));
    }
  });
});

describe('pemAsciiWriter', () => {
  it('packs PEMs into a few slabs of its own, each view exactly one PEM', () => {
    const write = pemAsciiWriter(40);
    const ders = Array.from({ length: 40 }, (_, i) => sample(600 + i));
    const views = ders.map((d) => write('CERTIFICATE', d));
    views.forEach((v, i) => expect(asciiText(v)).toBe(pemEncode('CERTIFICATE', ders[i]!)));
    const buffers = buffersOf(views);
    expect(buffers.length).toBeGreaterThan(1);
    expect(buffers.length).toBeLessThan(5);
    // Another writer never shares a slab with this one: one batch's slabs can be sent alone.
    const other = pemAsciiWriter(40)('CERTIFICATE', sample(600));
    expect(buffers).not.toContain(other.buffer);
  });

  it('gives a PEM larger than half a slab a buffer of its own', () => {
    const write = pemAsciiWriter(1);
    const small = write('CERTIFICATE', sample(100));
    const large = write('CERTIFICATE', sample(3000));
    expect(large.byteOffset).toBe(0);
    expect(large.buffer.byteLength).toBe(large.byteLength);
    expect(large.buffer).not.toBe(small.buffer);
    expect(asciiText(large)).toBe(pemEncode('CERTIFICATE', sample(3000)));
  });

  it('starts a new slab once its slab was sent away, and refuses to read a PEM that went with it', () => {
    const write = pemAsciiWriter(10);
    const first = write('CERTIFICATE', sample(500));
    structuredClone(first, { transfer: [first.buffer] });
    expect(() => asciiText(first)).toThrow(/read after it was sent/);
    const next = write('CERTIFICATE', sample(501));
    expect(pemText(next)).toBe(pemEncode('CERTIFICATE', sample(501)));
  });
});
