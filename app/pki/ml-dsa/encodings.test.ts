import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { vectorDir } from '../../test/vectors.ts';
import { importPrivateKey, pkcs8AlgorithmId, publicKeyFromPrivate, spkiFamily } from '../keys.ts';
import { pemDecodeAll } from '../pem.ts';
import { mlDsaPkcs8, mlDsaPkcs8Of, mlDsaSpki, parseMlDsaPkcs8, parseMlDsaSpki } from './encodings.ts';
import { ML_DSA_PARAMS, type MlDsaName } from './params.ts';

const rfc = (name: string) => readFileSync(join(vectorDir('rfc9881'), name), 'utf8');
const derOf = (pem: string) => new Uint8Array((pemDecodeAll(pem).blocks[0] as { der: ArrayBuffer }).der);
const hex = (b: ArrayBuffer | Uint8Array) => Convert.ToHex(b);
const params = (name: MlDsaName) => ML_DSA_PARAMS.find((p) => p.name === name)!;
const NOBLE = { 'ML-DSA-44': ml_dsa44, 'ML-DSA-65': ml_dsa65, 'ML-DSA-87': ml_dsa87 } as const;
/** RFC 9881 Appendix C's seed: 00 01 02 … 1f. */
const RFC_SEED = Uint8Array.from({ length: 32 }, (_, i) => i);

/**
 * The first 5 base64 lines (240 bytes) of the LAMPS repository's ML-DSA-44 both-form example key
 * (examples/ML-DSA-44-both.priv, seed 00…1f). That file is in an earlier draft's wrapping (seed as
 * [0], expanded key in a constructed OCTET STRING), so only its key bytes are compared: the
 * expanded key starts at byte 70 with rho, K and tr = H(public key) (FIPS 204 skEncode), 128 bytes
 * that pin the key expansion.
 */
const DRAFT_BOTH_HEAD =
  'MIIKQgIBADALBglghkgBZQMEAxEEggouMIIKKoAgAAECAwQFBgcICQoLDA0ODxAR' +
  'EhMUFRYXGBkaGxwdHh8kggoEBIIKANeytHJUquDbReeTDUqY0sl9jxOX0Xidr6Fw' +
  'JLMW6b7JOc4Pf3f421ZE3No2a/5HNL2V9DX/mmE6pUqkHCxpTAQymgex+rtI9Sow' +
  'nxGhiY+EjiMi/+Yj7IENs77jNoWFSogmnaMg1RIL/P6JoY4w9xFNg6pASmRrbJlz' +
  'iYYNElIu4ABuI4SBkYZhmyYNEYZk1KYoIhhEgkAomBRhSKZhTEJIoZIIwjgpUSRI';

describe('RFC 9881 Appendix C vectors pin the encodings', () => {
  const cert = new X509Certificate(derOf(rfc('ML-DSA-44.crt')));

  it('the seed form we write is the RFC seed-only example byte for byte', () => {
    expect(hex(mlDsaPkcs8(params('ML-DSA-44'), RFC_SEED))).toBe(hex(derOf(rfc('ML-DSA-44-seed.priv'))));
  });

  it('the public key we derive from the seed is the one in the RFC certificate, as an SPKI without parameters', async () => {
    const spki = await publicKeyFromPrivate(derOf(rfc('ML-DSA-44-seed.priv')).buffer);
    expect(hex(spki)).toBe(hex(cert.publicKey.rawData));
    // SEQUENCE { SEQUENCE { OID id-ml-dsa-44 } (no parameters), BIT STRING { 00, 1312 bytes } }
    expect(hex(new Uint8Array(spki).subarray(0, 22))).toBe('30820532300b06096086480165030403110382052100');
  });

  it("the expanded key of the RFC seed starts with the example's rho, K and tr", async () => {
    const draft = new Uint8Array(Convert.FromBase64(DRAFT_BOTH_HEAD));
    expect(hex(draft.subarray(30, 62))).toBe(hex(RFC_SEED));
    const expandedKey = ml_dsa44.keygen(RFC_SEED).secretKey;
    expect(hex(expandedKey.subarray(0, 128))).toBe(hex(draft.subarray(70, 198)));
    // And an expanded-only key made of it reads back to the RFC certificate's public key.
    const spki = await publicKeyFromPrivate(mlDsaPkcs8Of(params('ML-DSA-44'), { expandedKey }).buffer);
    expect(hex(spki)).toBe(hex(cert.publicKey.rawData));
  });

  it('the RFC certificate reads as ML-DSA-44 with parameter-free algorithm identifiers', () => {
    expect(spkiFamily(cert.publicKey.rawData)).toBe('ml-dsa');
    expect(parseMlDsaSpki(new Uint8Array(cert.publicKey.rawData))?.params.name).toBe('ML-DSA-44');
    expect(cert.signatureAlgorithm.name).toBe('ML-DSA-44');
  });
});

describe('private keys in the three RFC 9881 §6 forms read to the same key, for each parameter set', () => {
  for (const p of ML_DSA_PARAMS) {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + p.category) & 0xff);
    const { publicKey, secretKey } = NOBLE[p.name].keygen(seed);
    const forms = [
      { form: 'seed', der: mlDsaPkcs8Of(p, { seed }) },
      { form: 'expanded', der: mlDsaPkcs8Of(p, { expandedKey: secretKey }) },
      { form: 'both', der: mlDsaPkcs8Of(p, { seed, expandedKey: secretKey }) },
    ] as const;
    for (const row of forms) {
      it(`${p.name} ${row.form}`, async () => {
        expect(parseMlDsaPkcs8(row.der)?.form).toBe(row.form);
        expect(pkcs8AlgorithmId(row.der.buffer)).toBe(`mldsa${p.name.slice(-2)}`);
        expect(hex(await publicKeyFromPrivate(row.der.buffer))).toBe(hex(mlDsaSpki(p, publicKey)));
        const { privateKey } = await importPrivateKey(row.der.buffer);
        expect(privateKey.algorithm.name).toBe(p.name);
      });
    }
  }
});

describe('damaged ML-DSA keys are refused with the reason', () => {
  const p = params('ML-DSA-65');
  const seed = new Uint8Array(32).fill(9);
  const { secretKey } = ml_dsa65.keygen(seed);
  const other = ml_dsa65.keygen(new Uint8Array(32).fill(10)).secretKey;
  const withParams = (() => {
    // The AlgorithmIdentifier with a NULL parameter: RFC 9881 §2 says absent.
    const good = mlDsaPkcs8(p, seed);
    const out = new Uint8Array(good.length + 2);
    out.set([0x30, 0x36, 0x02, 0x01, 0x00, 0x30, 0x0d], 0);
    out.set(good.subarray(7, 18), 7);
    out.set([0x05, 0x00], 18);
    out.set(good.subarray(18), 20);
    return out;
  })();
  const rows: { name: string; input: Uint8Array; wantError: RegExp }[] = [
    {
      name: 'seed of 31 bytes',
      input: mlDsaPkcs8Of(p, { seed: new Uint8Array(31), expandedKey: secretKey }),
      wantError: /seed of this ML-DSA-65 private key is 31 bytes/,
    },
    {
      name: 'expanded key of the wrong size',
      input: mlDsaPkcs8Of(p, { expandedKey: secretKey.subarray(1) }),
      wantError: /expanded key of this ML-DSA-65 private key is 4031 bytes/,
    },
    {
      name: 'both form whose seed and expanded key disagree',
      input: mlDsaPkcs8Of(p, { seed, expandedKey: other }),
      wantError: /do not match \(RFC 9881 §6 consistency check\)/,
    },
    { name: 'algorithm parameters present', input: withParams, wantError: /carries algorithm parameters/ },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      await expect(importPrivateKey(row.input.slice().buffer)).rejects.toThrow(row.wantError);
    });
  }
});
