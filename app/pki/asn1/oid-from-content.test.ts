/** oidFromContent (numbers for arcs that fit, BigInt beyond) against a BigInt-only reference and openssl's text. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oidFromContent, TlvError } from './tlv.ts';

/** X.690 §8.19: base-128 subidentifiers, the first packing two arcs; BigInt throughout. */
function reference(bytes: Uint8Array): string {
  const arcs: string[] = [];
  let value = 0n;
  for (const b of bytes) {
    value = value * 128n + BigInt(b & 0x7f);
    if (b & 0x80) continue;
    if (arcs.length === 0) {
      const first = value < 40n ? 0n : value < 80n ? 1n : 2n;
      arcs.push(first.toString(), (value - first * 40n).toString());
    } else arcs.push(value.toString());
    value = 0n;
  }
  return arcs.join('.');
}

/** The content octets of an arc list's encoding (arcs as BigInt so UUID arcs fit). */
function encode(arcs: bigint[]): Uint8Array {
  const [first = 0n, second = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const group: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...group);
  }
  return new Uint8Array(out);
}

const rows: { name: string; arcs: bigint[]; want: string }[] = [
  { name: 'commonName', arcs: [2n, 5n, 4n, 3n], want: '2.5.4.3' },
  { name: 'rsaEncryption', arcs: [1n, 2n, 840n, 113549n, 1n, 1n, 1n], want: '1.2.840.113549.1.1.1' },
  { name: 'first arc 0', arcs: [0n, 39n], want: '0.39' },
  { name: 'first arc 2 with a large second arc', arcs: [2n, 999n, 3n], want: '2.999.3' },
  { name: 'an arc of 2^45 exactly', arcs: [1n, 3n, 2n ** 45n], want: `1.3.${2n ** 45n}` },
  {
    name: 'a UUID arc (128 bits, under 2.25)',
    arcs: [2n, 25n, 0xf81d4fae7dec11d0a76500a0c91e6bf6n],
    want: `2.25.${0xf81d4fae7dec11d0a76500a0c91e6bf6n}`,
  },
  { name: 'a first subidentifier beyond 2^53', arcs: [2n, 2n ** 60n], want: `2.${2n ** 60n}` },
];

describe('oidFromContent', () => {
  for (const row of rows) it(row.name, () => expect(oidFromContent(encode(row.arcs))).toBe(row.want));

  it('agrees with the BigInt reference on any well-formed content', () => {
    const arc = fc.oneof(fc.bigInt({ min: 0n, max: 200n }), fc.bigInt({ min: 0n, max: 2n ** 130n }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.bigInt({ min: 0n, max: 39n }),
        fc.array(arc, { maxLength: 6 }),
        (a, b, rest) => {
          const bytes = encode([BigInt(a), b, ...rest]);
          fc.pre(bytes.length <= 64);
          expect(oidFromContent(bytes)).toBe(reference(bytes));
        },
      ),
    );
  });

  it('reads what openssl encodes, UUID arc included', () => {
    for (const oid of ['1.3.6.1.4.1.311.60.2.1.3', `2.25.${0xf81d4fae7dec11d0a76500a0c91e6bf6n}`]) {
      const out = join(mkdtempSync(join(tmpdir(), 'oid-')), 'oid.der');
      execFileSync('openssl', ['asn1parse', '-genstr', `OID:${oid}`, '-out', out, '-noout']);
      expect(oidFromContent(new Uint8Array(readFileSync(out)).subarray(2))).toBe(oid);
    }
  });

  for (const bad of [[], [0x80], [0x2a, 0x86], new Array(65).fill(1)])
    it(`refuses ${bad.length > 8 ? `${bad.length} octets` : JSON.stringify(bad)}`, () =>
      expect(() => oidFromContent(new Uint8Array(bad))).toThrow(TlvError));
});
