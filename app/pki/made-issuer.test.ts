// A root's LoadedIssuer handed over by createRootIssuer (from the facts it was made from) is the
// LoadedIssuer loadIssuer reads from the same PEM material: every field, the certificate, and the key.
import { describe, expect, it } from 'vitest';
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from './algorithms.ts';
import { createRootIssuer } from './ca.ts';
import { loadIssuer, type LoadedIssuer } from './issuer.ts';
import { exportPkcs8Pem } from './keys.ts';

const hex = (b: ArrayBuffer) => Convert.ToHex(b);

/** Everything but the CryptoKey and the parsed certificate, in comparable form. */
function plainFacts(i: LoadedIssuer) {
  return {
    subjectDer: hex(i.subjectDer),
    algorithm: i.algorithm,
    keyId: i.keyId,
    pathLength: i.pathLength,
    notBefore: i.notBefore.toISOString(),
    notAfter: i.notAfter.toISOString(),
    intermediatesPem: i.intermediatesPem,
  };
}

const rows: { name: string; input: { algorithm: KeyAlgorithmId; pathLength?: number; organization?: string } }[] = [
  { name: 'P-256 root', input: { algorithm: 'p256' } },
  { name: 'P-384 root with pathLen 1', input: { algorithm: 'p384', pathLength: 1 } },
  { name: 'RSA 2048 root', input: { algorithm: 'rsa2048' } },
  { name: 'Ed25519 root, UTF-8 organization', input: { algorithm: 'ed25519', organization: 'Ünïcode Org' } },
  { name: 'ML-DSA-65 root', input: { algorithm: 'mldsa65' } },
];

describe('createRootIssuer hands over the issuer loadIssuer would read', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { ca, issuer } = await createRootIssuer({
        subject: {
          commonName: `Made ${row.name}`,
          ...(row.input.organization ? { organization: row.input.organization } : {}),
        },
        algorithm: row.input.algorithm,
        days: 30,
        ...(row.input.pathLength === undefined ? {} : { pathLength: row.input.pathLength }),
      });
      const loaded = await loadIssuer(ca);
      expect(plainFacts(issuer)).toEqual(plainFacts(loaded));
      expect(hex(issuer.cert.rawData)).toBe(hex(loaded.cert.rawData));
      expect(await exportPkcs8Pem(issuer.privateKey)).toBe(await exportPkcs8Pem(loaded.privateKey));
    });
  }
});
