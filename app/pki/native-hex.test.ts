// The platform hex encoder is used for serials only when it writes what Convert.ToHex writes:
// rows of stand-ins for Uint8Array.prototype.toHex (Node 20 has none), the right one and wrong ones.
import { describe, expect, it } from 'vitest';
import { withUint8ArrayMethod } from '../test/uint8array-stand-in.ts';
import { Convert } from 'pvtsutils';
import { bytesToHex, provenToHex } from './native-hex.ts';

type ToHex = (this: Uint8Array) => string;
const right: ToHex = function () {
  return Buffer.from(this).toString('hex');
};

const rows: { name: string; input: ToHex | undefined; want: 'used' | 'refused' }[] = [
  { name: 'a correct lower-case hex', input: right, want: 'used' },
  { name: 'none (Node 20, older browsers)', input: undefined, want: 'refused' },
  {
    name: 'upper case',
    input: function () {
      return Buffer.from(this).toString('hex').toUpperCase();
    },
    want: 'refused',
  },
  {
    name: 'leading zeros dropped',
    input: function () {
      return [...this].map((b) => b.toString(16)).join('');
    },
    want: 'refused',
  },
  {
    name: 'wrong only for byte 0xff',
    input: function () {
      return [...this].map((b) => (b === 255 ? 'f' : b.toString(16).padStart(2, '0'))).join('');
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

describe('provenToHex', () => {
  for (const row of rows)
    it(row.name, () => {
      const encode = provenToHex(row.input);
      expect(encode ? 'used' : 'refused').toBe(row.want);
      if (encode) {
        const serial = Uint8Array.of(0x00, 0x7f, 0x80, 0xff, 0x0a);
        expect(encode(serial)).toBe(Convert.ToHex(serial));
      }
    });
});

describe('bytesToHex', () => {
  const samples = [new Uint8Array(0), Uint8Array.of(0), Uint8Array.from({ length: 256 }, (_, i) => i)];

  it('writes what Convert.ToHex writes on a runtime without toHex (Node 20: Convert.ToHex itself)', () => {
    for (const bytes of samples) expect(bytesToHex(bytes)).toBe(Convert.ToHex(bytes));
  });

  // The branch Chromium takes (every serial of a batch and the root's): a fresh module on a
  // runtime whose prototype has a correct toHex, which bytesToHex must call.
  it("writes what Convert.ToHex writes through the platform's toHex where there is one", async () => {
    await withUint8ArrayMethod('toHex', right, async (calls) => {
      const fresh = await import('./native-hex.ts');
      fresh.bytesToHex(new Uint8Array(0)); // the first call proves toHex (it calls it on the samples)
      for (const bytes of [...samples, Uint8Array.of(9, 0xab, 0xcd).subarray(1)]) {
        const before = calls();
        expect(fresh.bytesToHex(bytes)).toBe(Convert.ToHex(bytes));
        expect(calls()).toBe(before + 1);
      }
    });
  });
});
