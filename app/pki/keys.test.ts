import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Convert } from 'pvtsutils';
import {
  exportPkcs8Pem,
  generateKeyPair,
  importPrivateKey,
  pkcs8AlgorithmId,
  publicKeyFromPrivate,
  spkiFamily,
  supportedKeyAlgorithms,
} from './keys.ts';
import { PkiError } from './errors.ts';
import { pemDecodeAll } from './pem.ts';
import { run, withFiles } from '../test/judges/tools.ts';
import type { KeyAlgorithmId } from './algorithms.ts';

/** A key made by openssl, as PKCS#8 DER, and its SPKI as openssl derives it. */
function opensslKey(genArgs: string[]): Promise<{ pkcs8: ArrayBuffer; spki: string }> {
  return withFiles({}, (_d, p) => {
    const gen = run('openssl', ['genpkey', ...genArgs, '-out', p('k.pem')]);
    if (gen.status !== 0) throw new Error(gen.stderr);
    const der = run('openssl', [
      'pkcs8',
      '-topk8',
      '-nocrypt',
      '-in',
      p('k.pem'),
      '-outform',
      'DER',
      '-out',
      p('k.der'),
    ]);
    const pub = run('openssl', ['pkey', '-in', p('k.pem'), '-pubout', '-outform', 'DER', '-out', p('pub.der')]);
    if (der.status !== 0 || pub.status !== 0) throw new Error(der.stderr + pub.stderr);
    const hex = (f: string) => Convert.ToHex(new Uint8Array(readFileSync(p(f))));
    return { pkcs8: Convert.FromHex(hex('k.der')), spki: hex('pub.der') };
  });
}

describe('keys made by openssl: algorithm detected, public key derived as openssl does', () => {
  const rows: { name: string; input: string[]; want: KeyAlgorithmId }[] = [
    { name: 'EC P-256', input: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], want: 'p256' },
    { name: 'EC P-384', input: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], want: 'p384' },
    { name: 'EC P-521', input: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'], want: 'p521' },
    { name: 'RSA 2048', input: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], want: 'rsa2048' },
    { name: 'Ed25519', input: ['-algorithm', 'ED25519'], want: 'ed25519' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { pkcs8, spki } = await opensslKey(row.input);
      expect(pkcs8AlgorithmId(pkcs8)).toBe(row.want);
      expect((await importPrivateKey(pkcs8)).algorithm).toBe(row.want);
      const derived = await publicKeyFromPrivate(pkcs8);
      expect(Convert.ToHex(derived)).toBe(spki);
      expect(spkiFamily(derived)).toBe(row.want.startsWith('rsa') ? 'rsa' : row.want === 'ed25519' ? 'ed25519' : 'ec');
    });
  }
});

describe('keys certbench cannot use are named', () => {
  const rows = [
    {
      name: 'RSA 1024',
      input: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
      want: /RSA keys of 1024 bits are not supported/,
    },
    {
      name: 'secp256k1',
      input: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
      want: /curve 1\.3\.132\.0\.10 are not supported/,
    },
    { name: 'Ed448', input: ['-algorithm', 'ED448'], want: /algorithm 1\.3\.101\.113 are not supported/ },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { pkcs8 } = await opensslKey(row.input);
      expect(() => pkcs8AlgorithmId(pkcs8)).toThrow(row.want);
    });
  }
  it('not a key at all', () => {
    let e: unknown;
    try {
      pkcs8AlgorithmId(new Uint8Array([1, 2, 3]));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(PkiError);
    expect((e as PkiError).code).toBe('invalid-key');
  });
});

describe('supported algorithms are detected, never assumed', () => {
  it('this runtime offers all seven, Ed25519 included', async () => {
    expect(await supportedKeyAlgorithms(crypto)).toEqual([
      'p256',
      'p384',
      'p521',
      'rsa2048',
      'rsa3072',
      'rsa4096',
      'ed25519',
    ]);
  });
  it('a runtime without Ed25519 does not offer it', async () => {
    // A WebCrypto whose Ed25519 fails the way older browsers fail: NotSupportedError.
    const subtle = crypto.subtle;
    const fakeSubtle = {
      generateKey: (
        alg: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm,
        extractable: boolean,
        usages: KeyUsage[],
      ) =>
        alg.name === 'Ed25519'
          ? Promise.reject(new DOMException('Ed25519', 'NotSupportedError'))
          : subtle.generateKey(alg, extractable, usages),
      sign: (alg: Algorithm, key: CryptoKey, data: BufferSource) => subtle.sign(alg, key, data),
      verify: (alg: Algorithm, key: CryptoKey, sig: BufferSource, data: BufferSource) =>
        subtle.verify(alg, key, sig, data),
      exportKey: (format: 'pkcs8', key: CryptoKey) => subtle.exportKey(format, key),
    };
    const noEd = {
      subtle: fakeSubtle,
      getRandomValues: (a: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(a),
    } as unknown as Crypto;
    expect(await supportedKeyAlgorithms(noEd)).not.toContain('ed25519');
    await expect(generateKeyPair('ed25519', noEd)).rejects.toThrow(/cannot make Ed25519 keys/);
  });
  it('exports PKCS#8 PEM that round-trips', async () => {
    const pem = await exportPkcs8Pem((await generateKeyPair('p384')).privateKey);
    const der = pemDecodeAll(pem).blocks[0]?.der;
    if (!der) throw new Error('no PEM');
    expect((await importPrivateKey(der)).algorithm).toBe('p384');
  });
});
