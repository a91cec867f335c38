/** Inspect explains ML-DSA certificates, keys (each RFC 9881 §6 form) and CSRs, and matches keys to certificates. */
import { describe, expect, it } from 'vitest';
import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js';
import { createRootCa } from '../ca.ts';
import { createCsr } from '../csr.ts';
import { explain } from '../inspect/explain.ts';
import { treeToText } from '../inspect/tree.ts';
import { pemEncode } from '../pem.ts';
import { readInput } from '../read/read-input.ts';
import { mlDsaPkcs8Of } from './encodings.ts';
import { ML_DSA_PARAMS } from './params.ts';

const p44 = ML_DSA_PARAMS[0]!;
const seed = new Uint8Array(32).fill(3);
const { secretKey } = ml_dsa44.keygen(seed);
const keyPem = (key: { seed?: Uint8Array; expandedKey?: Uint8Array }) =>
  pemEncode('PRIVATE KEY', mlDsaPkcs8Of(p44, key));

async function inspectText(text: string): Promise<string> {
  const items = await readInput({ text, name: 'in' });
  return items.map((i) => treeToText(explain(i, { others: items }))).join('\n');
}

describe('Inspect on ML-DSA items', () => {
  it('a certificate and its key: algorithm, strength, who can use it, the match', async () => {
    const ca = await createRootCa({ subject: { commonName: 'PQ Root' }, algorithm: 'mldsa65' });
    const text = await inspectText(ca.certPem + ca.keyPem);
    expect(text).toContain('Public key: ML-DSA-65');
    expect(text).toContain('Security: NIST category 3');
    expect(text).toContain('Public key size: 1952 bytes');
    expect(text).toContain('Who can use it: OpenSSL ≥ 3.5, Node.js ≥ 24, JDK ≥ 24');
    expect(text).toContain('Signature algorithm: ML-DSA-65');
    expect(text).toContain('Key usage: digitalSignature, keyCertSign, cRLSign');
    expect(text).toContain('Private key form: seed only');
    expect(text).toContain('Matches: certificate in #1');
  });

  const forms: { name: string; input: string; want: string[] }[] = [
    {
      name: 'seed form',
      input: keyPem({ seed }),
      want: ['Key: ML-DSA-44', 'Private key form: seed only'],
    },
    {
      name: 'expanded form',
      input: keyPem({ expandedKey: secretKey }),
      want: ['Key: ML-DSA-44', 'Private key form: expanded key only'],
    },
    {
      name: 'both form',
      input: keyPem({ seed, expandedKey: secretKey }),
      want: ['Key: ML-DSA-44', 'Private key form: seed and expanded key'],
    },
    {
      name: 'both form whose parts disagree: shown, never matched',
      input: keyPem({ seed: new Uint8Array(32).fill(4), expandedKey: secretKey }),
      want: [
        'Key: 2.16.840.1.101.3.4.3.17  (the public half could not be derived',
        'Private key form: seed and expanded key',
      ],
    },
  ];
  for (const row of forms) {
    it(`a private key in the ${row.name}`, async () => {
      const text = await inspectText(row.input);
      for (const w of row.want) expect(text).toContain(w);
    });
  }

  it('a CSR: key, signature algorithm, and its signature checked', async () => {
    const csr = await createCsr({ commonName: 'req.example', algorithm: 'mldsa87' });
    const text = await inspectText(csr.csrPem);
    expect(text).toContain('Public key: ML-DSA-87');
    expect(text).toContain('Signature algorithm: ML-DSA-87');
    expect(text).toContain('Signature: valid');
  });
});
