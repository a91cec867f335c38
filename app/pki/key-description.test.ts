// One key description: the picker's label for each key certbench makes is what Inspect (and so
// Sign CSR, which reads a request's key with the same function) says about that key's SPKI, and
// the description covers the keys certbench only reads.
import { describe, expect, it } from 'vitest';
import { KEY_ALGORITHMS } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import { describePublicKey, publicKeyText } from './inspect/public-key.ts';
import { keyDescription } from './key-description.ts';
import { generateKeyPair } from './keys.ts';

describe('the picker names a key as Inspect describes its SPKI', () => {
  // RSA 3072 and 4096 are left out only for time: their label comes from the same line as RSA 2048's.
  for (const alg of KEY_ALGORITHMS.filter((a) => a.id !== 'rsa3072' && a.id !== 'rsa4096')) {
    it(alg.id, async () => {
      const crypto = defaultCrypto();
      const pair = await generateKeyPair(alg.id, crypto);
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
      expect(publicKeyText(describePublicKey(spki))).toBe(alg.label);
    });
  }
});

describe('keyDescription', () => {
  const rows = [
    { key: { algorithm: 'EC', curve: 'P-256', size: 256 }, want: 'ECDSA P-256' },
    { key: { algorithm: 'EC', curve: 'brainpoolP256r1', size: 256 }, want: 'ECDSA brainpoolP256r1' },
    { key: { algorithm: 'EC', curve: 'explicit parameters' }, want: 'ECDSA explicit parameters' },
    { key: { algorithm: 'RSA', size: 2048 }, want: 'RSA 2048' },
    { key: { algorithm: 'RSA-PSS', size: 3072 }, want: 'RSA-PSS 3072' },
    { key: { algorithm: 'DSA', size: 2048 }, want: 'DSA 2048' },
    { key: { algorithm: 'DSA' }, want: 'DSA' },
    { key: { algorithm: 'Ed25519', size: 256 }, want: 'Ed25519' },
    { key: { algorithm: 'ML-DSA-87' }, want: 'ML-DSA-87' },
    { key: { algorithm: '1.2.3.4' }, want: '1.2.3.4' },
  ];
  for (const row of rows) it(row.want, () => expect(keyDescription(row.key)).toBe(row.want));
});
