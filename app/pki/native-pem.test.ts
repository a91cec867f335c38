// The platform base64 is used for PEM only when it writes what pemEncode writes: rows of
// stand-ins for Uint8Array.prototype.toBase64 (Node 20 has none), the right one and wrong ones.
import { describe, expect, it } from 'vitest';
import { withUint8ArrayMethod } from '../test/uint8array-stand-in.ts';
import { fastPemEncode, nativePemEncoder, platformPemEncoder } from './native-pem.ts';
import { pemEncode } from './pem.ts';

type ToBase64 = (this: Uint8Array) => string;
const right: ToBase64 = function () {
  return Buffer.from(this).toString('base64');
};

const rows: { name: string; input: ToBase64 | undefined; want: 'used' | 'refused' }[] = [
  { name: 'a correct base64', input: right, want: 'used' },
  { name: 'none (Node 20, older browsers)', input: undefined, want: 'refused' },
  {
    name: 'base64url (- and _ instead of + and /)',
    input: function () {
      return Buffer.from(this).toString('base64url');
    },
    want: 'refused',
  },
  {
    name: 'no padding',
    input: function () {
      return Buffer.from(this).toString('base64').replace(/=+$/, '');
    },
    want: 'refused',
  },
  {
    name: 'one that throws',
    input: () => {
      throw new Error('not here');
    },
    want: 'refused',
  },
];

describe('nativePemEncoder', () => {
  for (const row of rows)
    it(row.name, () => {
      const encode = nativePemEncoder(row.input);
      if (row.want === 'refused') return expect(encode).toBeUndefined();
      if (!encode) throw new Error('refused a correct base64');
      for (const n of [0, 1, 2, 3, 63, 64, 65, 500, 1234]) {
        const der = crypto.getRandomValues(new Uint8Array(n));
        expect(encode('PRIVATE KEY', der)).toBe(pemEncode('PRIVATE KEY', der));
      }
    });
});

describe('fastPemEncode', () => {
  it("writes pemEncode's text on a runtime without toBase64 (Node 20: pemEncode itself)", () => {
    expect(platformPemEncoder()).toBe(platformPemEncoder()); // checked once
    for (const n of [0, 1, 2, 3, 47, 48, 49, 500]) {
      const der = crypto.getRandomValues(new Uint8Array(n + 7)).subarray(7);
      expect(fastPemEncode('CERTIFICATE', der)).toBe(pemEncode('CERTIFICATE', der));
    }
  });

  // The branch Chromium takes (the root CA and every leaf of a batch): a fresh module on a
  // runtime whose prototype has a correct toBase64, which fastPemEncode must call and whose text
  // must be pemEncode's, for views at an offset too.
  it("writes pemEncode's text through the platform's toBase64 where there is one", async () => {
    await withUint8ArrayMethod('toBase64', right, async (calls) => {
      const fresh = await import('./native-pem.ts');
      expect(fresh.platformPemEncoder()).toBeTypeOf('function');
      for (const n of [0, 1, 2, 3, 47, 48, 49, 500]) {
        const der = crypto.getRandomValues(new Uint8Array(n + 7)).subarray(7);
        const before = calls();
        expect(fresh.fastPemEncode('CERTIFICATE', der)).toBe(pemEncode('CERTIFICATE', der));
        expect(calls()).toBe(before + 1);
      }
    });
  });
});
