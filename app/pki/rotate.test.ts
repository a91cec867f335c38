/**
 * CA rotation: during the transition an old leaf and a new leaf both verify against the trust
 * bundle (openssl) and complete a Node mTLS handshake with each other; the cross-signed
 * certificate lets a peer that trusts only the old CA accept a new leaf.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from '@peculiar/x509';
import { createIntermediateCa, createRootCa, type CaResult } from './ca.ts';
import { issueLeaf, type IssuedLeaf } from './issue.ts';
import { renewLeaf } from './renew.ts';
import { nextGenerationName, rotateCa, type RotatedCa } from './rotate.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { nodeTlsHandshake } from '../test/judges/node-tls.ts';

let old: CaResult;
let rotated: RotatedCa;
let oldLeaf: IssuedLeaf;
let newLeaf: IssuedLeaf;

beforeAll(async () => {
  old = await createRootCa({ subject: { commonName: 'Cluster CA', organization: 'Acme' }, days: 365 });
  oldLeaf = await issueLeaf({ profile: 'node', commonName: 'node-1', sans: '127.0.0.1, localhost' }, old);
  rotated = await rotateCa(old, { crossSign: true });
  // Step 2 of a rolling rotation: re-issue a leaf under the new CA (renewal keeps its names).
  newLeaf = await renewLeaf(oldLeaf.certPem, rotated.ca);
}, 60_000);

describe('rotateCa', () => {
  it('makes a new root of the next generation, same key type and lifetime, and a bundle of both', () => {
    const cert = new X509Certificate(rotated.ca.certPem);
    expect(cert.subject).toBe('O=Acme, CN=Cluster CA G2');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(Math.round((cert.notAfter.getTime() - cert.notBefore.getTime()) / 86_400_000)).toBe(365);
    expect(rotated.trustBundlePem).toBe(old.certPem + rotated.ca.certPem);
  });

  for (const [name, leaf] of [
    ['old leaf', () => oldLeaf],
    ['new leaf', () => newLeaf],
  ] as const) {
    it(`${name} verifies against the trust bundle (openssl -x509_strict -purpose sslserver)`, async () => {
      const verdict = await opensslVerify({
        rootPem: rotated.trustBundlePem,
        certPem: leaf().certPem,
        purpose: 'sslserver',
      });
      expect(verdict.ok, verdict.output).toBe(true);
    });
  }

  it('the new leaf does not verify against the old CA alone (the bundle is what makes the transition work)', async () => {
    const verdict = await opensslVerify({ rootPem: old.certPem, certPem: newLeaf.certPem, purpose: 'sslserver' });
    expect(verdict.ok).toBe(false);
  });

  const handshakes = [
    { name: 'old server, new client', server: () => oldLeaf, client: () => newLeaf },
    { name: 'new server, old client', server: () => newLeaf, client: () => oldLeaf },
  ];
  for (const row of handshakes) {
    it(`Node mTLS during the transition: ${row.name}`, async () => {
      const result = await nodeTlsHandshake({
        server: { certPem: row.server().chainPem, keyPem: row.server().keyPem, caPem: rotated.trustBundlePem },
        client: { certPem: row.client().chainPem, keyPem: row.client().keyPem, caPem: rotated.trustBundlePem },
        serverName: '127.0.0.1',
      });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(result.peerCommonName).toBe('node-1');
    });
  }

  it('cross-signed: a peer trusting only the old CA accepts a new leaf sent with the cross certificate', async () => {
    const cross = rotated.crossSigned;
    if (!cross) throw new Error('no cross certificate');
    const c = new X509Certificate(cross.certPem);
    expect([c.subject, c.issuer]).toEqual(['O=Acme, CN=Cluster CA G2', 'O=Acme, CN=Cluster CA']);
    const verdict = await opensslVerify({
      rootPem: old.certPem,
      untrustedPem: cross.certPem,
      certPem: newLeaf.certPem,
      purpose: 'sslserver',
    });
    expect(verdict.ok, verdict.output).toBe(true);
    const handshake = await nodeTlsHandshake({
      server: { certPem: newLeaf.certPem + cross.certPem, keyPem: newLeaf.keyPem, caPem: rotated.trustBundlePem },
      client: { certPem: oldLeaf.chainPem, keyPem: oldLeaf.keyPem, caPem: old.certPem },
      serverName: '127.0.0.1',
    });
    expect(handshake.ok, JSON.stringify(handshake)).toBe(true);
  });

  it('without --cross-sign there is no cross certificate', async () => {
    const plain = await rotateCa(old);
    expect(plain.crossSigned).toBeUndefined();
  });

  it('an intermediate is not rotated (its root stays the anchor): error on ca', async () => {
    const inter = await createIntermediateCa({ subject: { commonName: 'Issuing' } }, old);
    await expect(rotateCa(inter)).rejects.toMatchObject({ code: 'invalid-argument', field: 'ca' });
  });
});

describe('nextGenerationName', () => {
  const rows = [
    { input: 'certbench CA', want: 'certbench CA G2' },
    { input: 'certbench CA G2', want: 'certbench CA G3' },
    { input: 'Root G9', want: 'Root G10' },
    { input: 'G2', want: 'G2 G2' },
  ];
  for (const row of rows) {
    it(`${row.input} → ${row.want}`, () => {
      expect(nextGenerationName(row.input)).toBe(row.want);
    });
  }
});
