// The synchronous hashes: FIPS 180-4 / RFC 1321 examples, then Node's createHash on random inputs
// split at random points (block boundaries and the padding's two-block case included).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasher, type HashName } from './hashes.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const NODE_NAME: Record<HashName, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA-512/224': 'sha512-224',
  'SHA-512/256': 'sha512-256',
};
const NAMES = Object.keys(NODE_NAME) as HashName[];

describe('legacy hashes', () => {
  const known = [
    { name: 'RFC 1321 A.5: MD5("abc")', hash: 'MD5', input: 'abc', want: '900150983cd24fb0d6963f7d28e17f72' },
    {
      name: 'FIPS 180-4 example: SHA-224("abc")',
      hash: 'SHA-224',
      input: 'abc',
      want: '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
    },
    {
      name: 'FIPS 180-4 example: SHA-512/224("abc")',
      hash: 'SHA-512/224',
      input: 'abc',
      want: '4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa',
    },
    {
      name: 'FIPS 180-4 example: SHA-512/256("abc")',
      hash: 'SHA-512/256',
      input: 'abc',
      want: '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
    },
    {
      name: 'FIPS 180-4 example: SHA-224 of the two-block message',
      hash: 'SHA-224',
      input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      want: '75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525',
    },
  ] as const;
  for (const row of known) {
    it(row.name, () => {
      expect(hex(hasher(row.hash).update(new TextEncoder().encode(row.input)).digest())).toBe(row.want);
    });
  }

  for (const name of NAMES) {
    it(`${name} matches Node's createHash on random input fed in two pieces`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), (data, cut) => {
          const at = data.length === 0 ? 0 : cut % data.length;
          const got = hasher(name).update(data.subarray(0, at)).update(data.subarray(at)).digest();
          expect(hex(got)).toBe(createHash(NODE_NAME[name]).update(data).digest('hex'));
        }),
        { numRuns: 60 },
      );
    });

    it(`${name}: rehash(d, n) is n more rounds of d ← H(d), as Node computes it`, () => {
      const first = hasher(name).update(new TextEncoder().encode('pkcs12')).digest();
      let want = Buffer.from(first);
      for (let i = 0; i < 300; i++) want = createHash(NODE_NAME[name]).update(want).digest();
      expect(hex(hasher(name).rehash(first, 300))).toBe(want.toString('hex'));
    });

    it(`${name}: a clone continues independently of its original`, () => {
      const base = hasher(name).update(new Uint8Array(70).fill(1));
      const copy = base.clone();
      base.update(new Uint8Array([2]));
      expect(hex(copy.digest())).toBe(createHash(NODE_NAME[name]).update(new Uint8Array(70).fill(1)).digest('hex'));
    });
  }
});
