/**
 * What the issuing core makes passes our own judging: every key type and profile, under a
 * root and under an intermediate, lints without an error or warning and validates for its
 * purpose and host.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from '@peculiar/x509';
import { createIntermediateCa, createRootCa, type CaResult } from '../ca.ts';
import { issueLeaf } from '../issue.ts';
import type { KeyAlgorithmId } from '../algorithms.ts';
import type { LeafProfile } from '../profiles.ts';
import { lintCertificate } from './index.ts';
import { validatePath } from '../validate/index.ts';

const ALGS: KeyAlgorithmId[] = ['p256', 'p384', 'p521', 'rsa2048', 'ed25519'];
const PROFILES: LeafProfile[] = ['node', 'server', 'client'];

const cas = new Map<KeyAlgorithmId, { root: CaResult; inter: CaResult }>();
beforeAll(async () => {
  for (const algorithm of ALGS) {
    const root = await createRootCa({
      subject: { commonName: `Lint Root ${algorithm}`, organization: 'certbench' },
      algorithm,
    });
    const inter = await createIntermediateCa(
      { subject: { commonName: `Lint Intermediate ${algorithm}` }, algorithm },
      root,
    );
    cas.set(algorithm, { root, inter });
  }
}, 60_000);

const noisy = (cert: X509Certificate, role?: 'ca' | 'leaf') =>
  lintCertificate(cert, role ? { role } : {}).filter((f) => f.severity !== 'info');

const rows = ALGS.flatMap((algorithm) =>
  PROFILES.flatMap((profile) => (['root', 'intermediate'] as const).map((under) => ({ algorithm, profile, under }))),
);

describe('our own certificates lint clean and validate', () => {
  for (const row of rows) {
    it(`${row.algorithm} ${row.profile} under the ${row.under}`, async () => {
      const ca = cas.get(row.algorithm);
      if (!ca) throw new Error('no CA');
      const issuer = row.under === 'root' ? ca.root : ca.inter;
      const leaf = await issueLeaf(
        { profile: row.profile, commonName: 'node1.example.com', sans: '10.0.0.1', algorithm: row.algorithm },
        issuer,
      );
      const [leafCert, ...chain] = leaf.chainPem
        .split(/(?=-----BEGIN)/)
        .filter((p) => p.trim())
        .map((p) => new X509Certificate(p));
      if (!leafCert) throw new Error('no leaf');
      const root = new X509Certificate(ca.root.certPem);
      expect(noisy(leafCert, 'leaf')).toEqual([]);
      expect(noisy(root, 'ca')).toEqual([]);
      for (const c of chain) expect(noisy(c, 'ca')).toEqual([]);
      const purpose = row.profile === 'client' ? 'client' : 'server';
      const result = await validatePath({
        leaf: leafCert,
        intermediates: chain,
        anchors: [root],
        purpose,
        ...(purpose === 'server' ? { host: '10.0.0.1' } : {}),
      });
      expect(result.findings).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }
});
