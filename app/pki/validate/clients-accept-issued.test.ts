/**
 * Issue 8's two floors for the client profiles: every chain certbench issues (each key type ×
 * leaf profile × under the root or an intermediate) is accepted by all six clients, and no
 * certificate of the Debian system CA bundle is refused as a trust anchor by the openssl
 * profile (some are v1 or lack extensions; OpenSSL accepts them as anchors).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { X509Certificate } from '@peculiar/x509';
import { ALL_ALGORITHMS, ALL_PROFILES, buildHierarchy, type Hierarchy } from '../interop/hierarchy.ts';
import { pemDecodeAll } from '../pem.ts';
import { validatePath } from './index.ts';
import { CLIENT_IDS } from './clients.ts';
import { CLIENT_PROFILES } from './client-profiles.ts';
import { certFacts } from '../model/cert-facts.ts';
import { checkCertificateItself, checkProfile } from './path-checks.ts';

const hierarchies = new Map<string, Hierarchy>();
beforeAll(async () => {
  for (const alg of ALL_ALGORITHMS) hierarchies.set(alg, await buildHierarchy(alg));
}, 180_000);

const rows = ALL_ALGORITHMS.flatMap((algorithm) =>
  ALL_PROFILES.flatMap((profile) =>
    (['underRoot', 'underIntermediate'] as const).map((where) => ({ algorithm, profile, where })),
  ),
);

describe('every chain certbench issues is accepted by every client', () => {
  for (const row of rows) {
    it(`${row.profile} ${row.algorithm} ${row.where}`, async () => {
      const h = hierarchies.get(row.algorithm);
      if (!h) throw new Error('fixture missing');
      const leaf = new X509Certificate(h[row.where][row.profile].certPem);
      const result = await validatePath({
        leaf,
        intermediates: row.where === 'underIntermediate' ? [new X509Certificate(h.intermediate.certPem)] : [],
        anchors: [new X509Certificate(h.root.certPem)],
        purpose: row.profile === 'client' ? 'client' : 'server',
        ...(row.profile === 'client' ? {} : { host: 'localhost' }),
      });
      expect(result.clients.map((c) => c.id)).toEqual(CLIENT_IDS);
      expect(result.clients.filter((c) => !c.accepts)).toEqual([]);
      expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    });
  }
});

describe('the Debian system CA bundle as trust anchors', () => {
  const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
  it('no anchor is refused by the openssl profile', () => {
    let text: string;
    try {
      text = readFileSync(BUNDLE, 'utf8');
    } catch (e) {
      throw new Error(`${BUNDLE} is missing (apt-get install ca-certificates)`, { cause: e });
    }
    const anchors = pemDecodeAll(text)
      .blocks.filter((b) => b.label === 'CERTIFICATE')
      .map((b) => new X509Certificate(b.der));
    expect(anchors.length).toBeGreaterThan(100);
    const refused: string[] = [];
    for (const anchor of anchors) {
      const f = certFacts(anchor);
      // Within its own validity: whether an anchor has expired is a matter of the day, not of the profile.
      const at = new Date(f.notBefore.date.getTime() + 1000);
      const findings = [
        ...checkCertificateItself(anchor, f, at).map((x) => ({ ...x, position: 'anchor' as const, facts: f })),
        ...checkProfile(anchor, f, 'anchor'),
      ];
      const codes = findings.filter(CLIENT_PROFILES.openssl.refuses).map((x) => x.code);
      if (codes.length) refused.push(`${anchor.subject}: ${codes.join(', ')}`);
    }
    expect(refused).toEqual([]);
  });
});
