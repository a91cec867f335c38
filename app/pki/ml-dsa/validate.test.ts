/**
 * The validator checks ML-DSA signatures (verify-signature.ts through crypto.ts's engine): ML-DSA
 * and mixed chains made by certbench validate, a changed signature or a signature by another
 * key of the same parameter set is refused, the RFC 9881 example's self-signature verifies, and
 * lint refuses encipherment bits on ML-DSA keys (RFC 9881 §5).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vectorDir } from '../../test/vectors.ts';
import type { KeyAlgorithmId } from '../algorithms.ts';
import { createRootCa } from '../ca.ts';
import { defaultCrypto } from '../crypto.ts';
import { issueLeaf } from '../issue.ts';
import { pemDecodeAll } from '../pem.ts';
import { certFactsFromDer } from '../model/cert-facts.ts';
import { validatePath } from '../validate/index.ts';
import { signatureVerifier } from '../signatures/verify-signature.ts';
import { KeyUsageFlags, KeyUsagesExtension, X509CertificateGenerator } from '@peculiar/x509';
import { lintCertificateDer } from '../lint/index.ts';

const der = (pem: string) => new Uint8Array((pemDecodeAll(pem).blocks[0] as { der: ArrayBuffer }).der);

/** The same certificate with one bit of its signature flipped (the last byte of the DER is in the signature). */
function flipped(pem: string): Uint8Array {
  const out = der(pem).slice();
  out[out.length - 40] = (out[out.length - 40] ?? 0) ^ 1;
  return out;
}

describe('validatePath checks ML-DSA signatures', () => {
  const rows: { name: string; root: KeyAlgorithmId; leaf: KeyAlgorithmId }[] = [
    { name: 'ML-DSA-65 root, ML-DSA-65 leaf', root: 'mldsa65', leaf: 'mldsa65' },
    { name: 'ML-DSA-87 root, ECDSA leaf', root: 'mldsa87', leaf: 'p256' },
    { name: 'ECDSA root, ML-DSA-44 leaf', root: 'p384', leaf: 'mldsa44' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const root = await createRootCa({ subject: { commonName: 'PQ root' }, algorithm: row.root });
      const leaf = await issueLeaf({ profile: 'server', commonName: 'pq.example', algorithm: row.leaf }, root);
      const ok = await validatePath({
        leaf: der(leaf.certPem),
        anchors: [der(root.certPem)],
        host: 'pq.example',
        purpose: 'server',
      });
      expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(ok.valid).toBe(true);
      // The stacks the client models stand for predate ML-DSA; RFC 5280 and rustls-webpki take it (ml-dsa/support.ts).
      const accepts = Object.fromEntries(ok.clients.map((c) => [c.id, c.accepts]));
      expect(accepts).toEqual({ rfc5280: true, openssl: false, python: false, java: false, go: false, webpki: true });
      expect(ok.findings.map((f) => f.code)).toContain('ml-dsa-unsupported');

      const bad = await validatePath({
        leaf: flipped(leaf.certPem),
        anchors: [der(root.certPem)],
        host: 'pq.example',
        purpose: 'server',
      });
      expect(bad.valid).toBe(false);
      expect(bad.findings.map((f) => f.code)).toContain('bad-signature');
    });
  }

  it('a leaf is not taken as signed by another ML-DSA key of the same parameter set', async () => {
    const root = await createRootCa({ subject: { commonName: 'PQ root' }, algorithm: 'mldsa65' });
    const impostor = await createRootCa({ subject: { commonName: 'PQ root' }, algorithm: 'mldsa65' });
    const leaf = await issueLeaf({ profile: 'client', commonName: 'alice', algorithm: 'mldsa65' }, root);
    const r = await validatePath({ leaf: der(leaf.certPem), anchors: [der(impostor.certPem)], purpose: 'client' });
    expect(r.valid).toBe(false);
  });

  it("RFC 9881 Appendix C's ML-DSA-44 certificate verifies its own signature, and not with a bit changed", async () => {
    const pem = readFileSync(join(vectorDir('rfc9881'), 'ML-DSA-44.crt'), 'utf8');
    const facts = certFactsFromDer(der(pem));
    expect(facts.key.kind).toBe('ml-dsa');
    expect(facts.key.parameterSet).toBe('ML-DSA-44');
    const verifier = signatureVerifier(defaultCrypto());
    expect(await verifier.verify(facts, facts)).toBe(true);
    expect(await verifier.verify(certFactsFromDer(flipped(pem)), facts)).toBe(false);
  });
});

describe('lint and ML-DSA KeyUsage (RFC 9881 §5: signing bits only)', () => {
  it("certbench's ML-DSA CA and leaf have no key-usage finding", async () => {
    const root = await createRootCa({ subject: { commonName: 'PQ root' }, algorithm: 'mldsa44' });
    const leaf = await issueLeaf({ profile: 'node', commonName: 'n1.example', algorithm: 'mldsa44' }, root);
    expect(lintCertificateDer(der(root.certPem), { role: 'ca' }).map((f) => f.code)).not.toContain(
      'key-usage-wrong-for-key-type',
    );
    expect(lintCertificateDer(der(leaf.certPem), { role: 'leaf' }).map((f) => f.code)).not.toContain(
      'key-usage-wrong-for-key-type',
    );
  });

  it('an ML-DSA certificate with keyEncipherment is refused', async () => {
    const crypto = defaultCrypto();
    const keys = (await crypto.subtle.generateKey({ name: 'ML-DSA-44' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const cert = await X509CertificateGenerator.createSelfSigned(
      {
        serialNumber: '01',
        name: 'CN=bad usage',
        notBefore: new Date(Date.UTC(2026, 0, 1)),
        notAfter: new Date(Date.UTC(2027, 0, 1)),
        keys,
        signingAlgorithm: { name: 'ML-DSA-44' },
        extensions: [new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment, true)],
      },
      crypto,
    );
    const hit = lintCertificateDer(new Uint8Array(cert.rawData), { role: 'leaf' }).find(
      (f) => f.code === 'key-usage-wrong-for-key-type',
    );
    expect(hit?.message).toMatch(/keyEncipherment, which a ML-DSA key cannot do/);
  });
});
