// The hot-path DER writer's integers, judged by asn1js. Serials and ECDSA signature halves reach
// these edge cases (a leading zero byte, a top bit that needs a 0x00 pad) only about once in 256
// random values, so a fresh signature in another test meets them by chance; here every run does.
import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { Convert } from 'pvtsutils';
import { encodeLength } from './asn1/tlv.ts';
import {
  asciiBytes,
  DerBuffer,
  ecdsaRawToDer,
  lengthOctets,
  TAG,
  tlv,
  tlvSize,
  unsignedInteger,
} from './der-writer.ts';

const hex = (b: ArrayBuffer | Uint8Array) => Convert.ToHex(b);
const bytes = (h: string) => new Uint8Array(Convert.FromHex(h));
/** The independent encoding: asn1js from the integer's value. */
const judged = (h: string) => hex(asn1js.Integer.fromBigInt(BigInt(`0x${h || '0'}`)).toBER(false));

describe('unsignedInteger', () => {
  const rows = [
    { name: 'small', input: '05' },
    { name: 'top bit set gets a 0x00 pad', input: '80' },
    { name: 'zero', input: '00' },
    { name: 'all zeros, 32 bytes', input: '00'.repeat(32) },
    { name: 'one leading zero byte is dropped', input: `00${'7f'.repeat(31)}` },
    { name: 'leading zero before a top bit: dropped, then padded', input: `00${'ff'.repeat(31)}` },
    { name: 'several leading zero bytes', input: `000000${'01'.repeat(29)}` },
    { name: '32 bytes with the top bit set', input: `ff${'00'.repeat(31)}` },
    { name: '128 bytes (a long-form length)', input: `c0${'11'.repeat(127)}` },
  ];
  for (const row of rows) it(row.name, () => expect(hex(unsignedInteger(bytes(row.input)))).toBe(judged(row.input)));
});

describe('ecdsaRawToDer', () => {
  const half = (first: string) => `${first}${'5a'.repeat(32 - first.length / 2)}`;
  const rows = [
    { name: 'r and s plain (70 bytes)', r: half('3c'), s: half('21') },
    { name: 'r with the top bit set (71 bytes)', r: half('c3'), s: half('21') },
    { name: 'both with the top bit set (72 bytes)', r: half('c3'), s: half('9e') },
    { name: 'r with a leading zero byte (69 bytes)', r: half('003c'), s: half('21') },
    { name: 's with two leading zero bytes', r: half('3c'), s: half('000021') },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const want = new asn1js.Sequence({
        value: [asn1js.Integer.fromBigInt(BigInt(`0x${row.r}`)), asn1js.Integer.fromBigInt(BigInt(`0x${row.s}`))],
      });
      expect(hex(ecdsaRawToDer(bytes(row.r + row.s)))).toBe(hex(want.toBER(false)));
    });
  }
});

describe('DerBuffer', () => {
  // The reader's codec (asn1/tlv.ts encodeLength) is the judge of the length octets written in place.
  const lengths = [0, 1, 127, 128, 255, 256, 4095, 65_535, 65_536, 1 << 20, 16_777_215, 16_777_216];
  for (const n of lengths) {
    it(`a header for ${n} content bytes is the reader's length encoding`, () => {
      expect(lengthOctets(n)).toBe(encodeLength(n).length);
      const out = new DerBuffer(1 + lengthOctets(n)).header(0x04, n).done();
      expect([...out]).toEqual([0x04, ...encodeLength(n)]);
    });
  }

  const fills = [
    { name: 'short of its size', size: 4, write: (b: DerBuffer) => b.header(0x04, 1) },
    { name: 'past its size', size: 2, write: (b: DerBuffer) => b.header(0x04, 1).ascii('ab') },
  ];
  for (const row of fills) {
    it(`a buffer written ${row.name} is refused`, () => {
      expect(() => row.write(new DerBuffer(row.size)).done()).toThrow(/bytes written into a buffer of/);
    });
  }

  it('nested TLVs written in one pass equal the nested tlv() calls', () => {
    const inner = new Uint8Array(200).fill(7);
    const want = tlv(TAG.SEQUENCE, tlv(TAG.OCTET_STRING, inner), tlv(TAG.PRINTABLE_STRING, asciiBytes('node-1')));
    const content = tlvSize(inner.length) + tlvSize(6);
    const got = new DerBuffer(tlvSize(content))
      .header(TAG.SEQUENCE, content)
      .header(TAG.OCTET_STRING, inner.length)
      .put(inner)
      .header(TAG.PRINTABLE_STRING, 6)
      .ascii('node-1')
      .done();
    expect(hex(got)).toBe(hex(want));
  });
});
