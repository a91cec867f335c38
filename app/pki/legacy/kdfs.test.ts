// HMAC, PBKDF2 and PBKDF1 over the synchronous hashes, against RFC 4231 and Node's own
// createHmac / pbkdf2Sync / iterated createHash.
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hmac } from './hmac.ts';
import { pbkdf1 } from './pbkdf1.ts';
import { pbkdf2 } from './pbkdf2.ts';
import type { HashName } from './hashes.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const NODE_NAME: Partial<Record<HashName, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-512/224': 'sha512-224',
  'SHA-512/256': 'sha512-256',
  'SHA-384': 'sha384',
};

describe('HMAC', () => {
  it('RFC 4231 test case 1, HMAC-SHA-224', () => {
    const mac = new Hmac('SHA-224', new Uint8Array(20).fill(0x0b)).mac(new TextEncoder().encode('Hi There'));
    expect(hex(mac)).toBe('896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22');
  });
  for (const [name, node] of Object.entries(NODE_NAME)) {
    it(`HMAC-${name} matches Node's createHmac, keys longer than a block included`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (key, data) => {
          expect(hex(new Hmac(name as HashName, key).mac(data))).toBe(createHmac(node, key).update(data).digest('hex'));
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('PBKDF2', () => {
  const rows = [
    { hash: 'SHA-224', iterations: 2048, length: 24 },
    { hash: 'SHA-512/224', iterations: 5, length: 60 },
    { hash: 'SHA-512/256', iterations: 1000, length: 32 },
    { hash: 'SHA-1', iterations: 1, length: 41 },
  ] as const;
  for (const row of rows) {
    it(`${row.hash}, ${row.iterations} iterations, ${row.length} bytes: as Node's pbkdf2Sync`, async () => {
      const password = new TextEncoder().encode('pässwörd');
      const salt = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
      const got = await pbkdf2(row.hash, password, salt, row.iterations, row.length);
      expect(hex(got!)).toBe(
        pbkdf2Sync(password, salt, row.iterations, row.length, NODE_NAME[row.hash]!).toString('hex'),
      );
    });
  }
  it('stops and returns null when the deadline has expired', async () => {
    expect(await pbkdf2('SHA-224', new Uint8Array(1), new Uint8Array(8), 200_000, 16, { expired: true })).toBeNull();
  });
});

describe('PBKDF1', () => {
  const rows = [
    { hash: 'MD5', node: 'md5', iterations: 2048 },
    { hash: 'SHA-1', node: 'sha1', iterations: 1 },
    { hash: 'SHA-1', node: 'sha1', iterations: 3 },
  ] as const;
  for (const row of rows) {
    it(`${row.hash}, ${row.iterations} iterations: T1 = H(P ‖ S), Ti = H(Ti−1)`, async () => {
      const password = new TextEncoder().encode('password');
      const salt = Uint8Array.from([0x78, 0x57, 0x8e, 0x5a, 0x5d, 0x63, 0xcb, 0x06]);
      let t = createHash(row.node).update(password).update(salt).digest();
      for (let i = 1; i < row.iterations; i++) t = createHash(row.node).update(t).digest();
      expect(hex((await pbkdf1(row.hash, password, salt, row.iterations, 16))!)).toBe(
        t.subarray(0, 16).toString('hex'),
      );
    });
  }
});
