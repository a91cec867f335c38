// The small contracts around the legacy core: the password's byte forms, the iteration bound,
// the names of what is still refused, and the sliced loop that lets a time budget stop a KDF.
import { describe, expect, it } from 'vitest';
import { PkiError } from '../errors.ts';
import { checkIterations, MAX_PKCS12_ITERATIONS } from './iteration-limit.ts';
import { runInSlices } from './pause.ts';
import { passwordForms } from './password-forms.ts';
import { algorithmName, unsupportedEncryption, UNSUPPORTED_ALGORITHM_NAMES } from './unsupported-names.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('passwordForms', () => {
  const rows = [
    { name: 'ASCII: one form', input: 'ab', want: [{ bmp: '006100620000', bytes: '6162' }] },
    {
      name: 'empty: a lone terminator, then no bytes at all',
      input: '',
      want: [
        { bmp: '0000', bytes: '' },
        { bmp: '', bytes: '' },
      ],
    },
    // "ä" is U+00E4, UTF-8 c3 a4; OpenSSL 1.0.2 made 00 c3 00 a4 of it.
    {
      name: 'non-ASCII: BMPString, then OpenSSL 1.0.2 form',
      input: 'ä',
      want: [
        { bmp: '00e40000', bytes: 'c3a4' },
        { bmp: '00c300a40000', bytes: 'c383c2a4' },
      ],
    },
    {
      name: 'astral: a surrogate pair, then the UTF-8 bytes one by one',
      input: '😀',
      want: [
        { bmp: 'd83dde000000', bytes: 'f09f9880' },
        { bmp: '00f0009f009800800000', bytes: 'c3b0c29fc298c280' },
      ],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(passwordForms(row.input).map((f) => ({ bmp: hex(f.bmp), bytes: hex(f.bytes) }))).toEqual(row.want);
    });
  }
});

describe('checkIterations', () => {
  const rows = [
    { count: 1, want: null },
    { count: MAX_PKCS12_ITERATIONS, want: null },
    { count: 0, want: { code: 'invalid-der', message: /MAC iteration count 0 is not a positive whole number/ } },
    {
      count: 10_000_000,
      want: { code: 'input-too-large', message: /^MAC iteration count 10,000,000 exceeds the limit of 5,000,000 / },
    },
  ];
  for (const row of rows) {
    it(`${row.count.toLocaleString('en')} MAC iterations: ${row.want ? row.want.code : 'accepted'}`, () => {
      const err = (() => {
        try {
          checkIterations(row.count, 'MAC');
          return null;
        } catch (e) {
          return e as PkiError;
        }
      })();
      if (!row.want) expect(err).toBeNull();
      else
        expect({ code: err?.code, message: err?.message }).toEqual({
          code: row.want.code,
          message: expect.stringMatching(row.want.message) as unknown,
        });
    });
  }
});

describe('names of what is still refused', () => {
  it('every name is words, not a dotted OID', () => {
    for (const name of Object.values(UNSUPPORTED_ALGORITHM_NAMES)) expect(name).not.toMatch(/^\d+(\.\d+)+$/);
  });
  const rows = [
    { oid: '1.2.392.200011.61.1.1.1.4', role: 'cipher', want: 'Camellia-256-CBC' },
    { oid: '2.16.840.1.101.3.4.2.7', role: 'hash', want: 'SHA3-224' },
    { oid: '1.2.840.113549.1.5.1', role: 'encryption scheme', want: 'PBE-MD2-DES (PKCS#5 PBES1 with MD2)' },
    { oid: '1.2.3.4', role: 'cipher', want: 'an unknown cipher (OID 1.2.3.4)' },
  ] as const;
  for (const row of rows) {
    it(`${row.oid} is "${row.want}"`, () => {
      expect(algorithmName(row.oid, row.role)).toBe(row.want);
    });
  }
  it('a refusal names the algorithm and the command for keys and for PKCS#12 files', () => {
    expect(unsupportedEncryption('1.3.6.1.4.1.11591.4.11', 'key derivation', 'key').message).toMatch(
      /^This private key is protected with scrypt, which certbench does not decrypt\. Convert it with OpenSSL 3: `openssl pkcs8 -topk8 /,
    );
    expect(unsupportedEncryption('1.2.410.200004.1.4', 'cipher', 'pkcs12').message).toMatch(
      /^This PKCS#12 file is protected with SEED-CBC, .*`openssl pkcs12 -legacy -in old\.p12 -nodes -out all\.pem`/,
    );
  });
});

describe('runInSlices', () => {
  it('runs every round, in slices', async () => {
    const slices: number[] = [];
    expect(await runInSlices(150_000, (n) => slices.push(n))).toBe(true);
    expect(slices).toEqual([65_536, 65_536, 18_928]);
  });
  it('stops before the next slice once the deadline has expired', async () => {
    const deadline = { expired: false };
    const slices: number[] = [];
    const done = await runInSlices(
      300_000,
      (n) => {
        slices.push(n);
        deadline.expired = true;
      },
      deadline,
    );
    expect({ done, slices }).toEqual({ done: false, slices: [65_536] });
  });
});
