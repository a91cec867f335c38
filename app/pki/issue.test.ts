import { beforeAll, describe, expect, it } from 'vitest';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
} from '@peculiar/x509';
import { ALL_ALGORITHMS, ALL_PROFILES, buildHierarchy, type Hierarchy } from './interop/hierarchy.ts';
import { keyAlgorithm } from './keys.ts';
import { keyIdentifier } from './extensions.ts';
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH } from './profiles.ts';
import { BACKDATE_MS } from './validity.ts';

const hierarchies = new Map<string, Hierarchy>();
/** When each hierarchy was built: its certificates' notBefore is backdated from inside this window. */
const builtDuring = new Map<string, { from: number; to: number }>();
beforeAll(async () => {
  for (const alg of ALL_ALGORITHMS) {
    const from = Date.now();
    hierarchies.set(alg, await buildHierarchy(alg));
    builtDuring.set(alg, { from, to: Date.now() });
  }
}, 180_000);

const WANT_EKU = { node: [EKU_SERVER_AUTH, EKU_CLIENT_AUTH], server: [EKU_SERVER_AUTH], client: [EKU_CLIENT_AUTH] };
const WANT_SANS = {
  node: ['dns:node.test', 'ip:127.0.0.1', 'ip:::1', 'dns:localhost', 'dns:node-alt.example'],
  server: ['dns:server.test', 'dns:localhost', 'ip:127.0.0.1', 'dns:*.svc.example'],
  client: ['email:ops@example.com', 'url:spiffe://cluster.example/client'],
};

const rows = ALL_ALGORITHMS.flatMap((algorithm) =>
  ALL_PROFILES.flatMap((profile) =>
    (['underRoot', 'underIntermediate'] as const).map((where) => ({
      name: `${profile} ${algorithm} ${where}`,
      input: { algorithm, profile, where },
    })),
  ),
);

describe('leaf certificates per profile and key type', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const h = hierarchies.get(row.input.algorithm);
      if (!h) throw new Error('fixture missing');
      const leaf = h[row.input.where][row.input.profile];
      const issuerPem = row.input.where === 'underRoot' ? h.root.certPem : h.intermediate.certPem;
      const cert = new X509Certificate(leaf.certPem);
      const issuer = new X509Certificate(issuerPem);
      const family = keyAlgorithm(row.input.algorithm).family;

      expect(await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true })).toBe(true);
      const serial = new Uint8Array(cert.serialNumber.match(/../g)?.map((b) => parseInt(b, 16)) ?? []);
      expect(serial.length).toBe(16);
      expect(serial[0]).toBeGreaterThanOrEqual(0x40);
      expect(serial[0]).toBeLessThan(0x80);
      // Backdated from the moment of issue, in whole seconds: compared with the build window, not
      // with the clock when this test runs (the slow RSA builds come between the two).
      const built = builtDuring.get(row.input.algorithm);
      if (!built) throw new Error('fixture missing');
      expect(cert.notBefore.getTime()).toBeGreaterThanOrEqual(Math.floor((built.from - BACKDATE_MS) / 1000) * 1000);
      expect(cert.notBefore.getTime()).toBeLessThanOrEqual(built.to - BACKDATE_MS);

      const bc = cert.getExtension(BasicConstraintsExtension);
      expect([bc?.critical, bc?.ca]).toEqual([true, false]);
      const ku = cert.getExtension(KeyUsagesExtension);
      expect(ku?.critical).toBe(true);
      expect(ku?.usages).toBe(
        family === 'rsa'
          ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
          : KeyUsageFlags.digitalSignature,
      );
      expect(cert.getExtension(ExtendedKeyUsageExtension)?.usages).toEqual(WANT_EKU[row.input.profile]);
      const sans = cert.getExtension(SubjectAlternativeNameExtension)?.names.items.map((n) => `${n.type}:${n.value}`);
      expect(sans).toEqual(WANT_SANS[row.input.profile]);
      expect(cert.getExtension(SubjectKeyIdentifierExtension)?.keyId).toBe(await keyIdentifier(cert.publicKey.rawData));
      expect(cert.getExtension(AuthorityKeyIdentifierExtension)?.keyId).toBe(
        issuer.getExtension(SubjectKeyIdentifierExtension)?.keyId,
      );
      expect(leaf.chainPem.startsWith(leaf.certPem)).toBe(true);
      expect(leaf.chainPem.includes(h.root.certPem)).toBe(false);
      expect(leaf.chainPem.includes(h.intermediate.certPem)).toBe(row.input.where === 'underIntermediate');
    });
  }
});

describe('CA certificates per key type', () => {
  for (const algorithm of ALL_ALGORITHMS) {
    it(`root and intermediate ${algorithm}`, async () => {
      const h = hierarchies.get(algorithm);
      if (!h) throw new Error('fixture missing');
      const root = new X509Certificate(h.root.certPem);
      const inter = new X509Certificate(h.intermediate.certPem);
      expect(await root.verify({ signatureOnly: true })).toBe(true);
      expect(await inter.verify({ publicKey: root.publicKey, signatureOnly: true })).toBe(true);
      for (const [cert, pathLength] of [
        [root, 1],
        [inter, 0],
      ] as const) {
        const bc = cert.getExtension(BasicConstraintsExtension);
        expect([bc?.critical, bc?.ca, bc?.pathLength]).toEqual([true, true, pathLength]);
        const ku = cert.getExtension(KeyUsagesExtension);
        expect([ku?.critical, ku?.usages]).toEqual([true, KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign]);
        expect(cert.getExtension(SubjectKeyIdentifierExtension)?.keyId).toBe(
          await keyIdentifier(cert.publicKey.rawData),
        );
      }
      expect(root.getExtension(AuthorityKeyIdentifierExtension)).toBeNull();
      expect(inter.getExtension(AuthorityKeyIdentifierExtension)?.keyId).toBe(
        root.getExtension(SubjectKeyIdentifierExtension)?.keyId,
      );
      expect(h.root.chainPem).toBe('');
      expect(h.intermediate.chainPem).toBe(h.intermediate.certPem);
    });
  }
});
