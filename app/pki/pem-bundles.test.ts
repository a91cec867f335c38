// Full-chain PEM and Cassandra's key-and-chain PEM, judged by openssl and by Java reading the
// file the way Cassandra's PEMBasedSslContextFactory does.
import { beforeAll, describe, expect, it } from 'vitest';
import { cassandraKeyAndChainPem, fullChainPem, type CassandraPemInput } from './pem-bundles.ts';
import { pemDecodeAll } from './pem.ts';
import { PkiError } from './errors.ts';
import { makeTestPki, type LeafKind, type TestPki } from './pkcs12/testing/fixtures.ts';
import { javaReadKeyAndChainPem } from './pkcs12/testing/java-pem-judge.ts';
import { opensslVerify } from '../test/judges/index.ts';
import { encodePrivateKey, keyPem } from './key-formats.ts';
import { privateKeyFrom } from './pkcs12/inputs.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const ders = (pem: string) => pemDecodeAll(pem).blocks.map((b) => Buffer.from(b.der).toString('hex'));

describe('fullChainPem', () => {
  const rows = [
    // Without its intermediate the file cannot lead openssl to the root: the row proves the judge can say no.
    {
      name: 'leaf alone',
      input: (p: TestPki) => [p.leaves.p256.certPem, undefined] as const,
      want: (p: TestPki) => [p.leaves.p256.certPem],
      verifies: false,
    },
    {
      name: 'issuers given root first come out in issuing order',
      input: (p: TestPki) => [p.leaves.rsa.certPem, p.rootPem + p.intermediatePem] as const,
      want: (p: TestPki) => [p.leaves.rsa.certPem, p.intermediatePem, p.rootPem],
      verifies: true,
    },
    {
      name: 'a chain that repeats the leaf and the intermediate',
      input: (p: TestPki) =>
        [p.leaves.p384.certPem, [p.leaves.p384.certPem, p.intermediatePem, p.intermediatePem]] as const,
      want: (p: TestPki) => [p.leaves.p384.certPem, p.intermediatePem],
      verifies: true,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const [cert, chain] = row.input(pki);
      const pem = fullChainPem(cert, chain);
      expect(ders(pem)).toEqual(row.want(pki).flatMap(ders));
      // openssl builds the path from the file's issuers: leaf first, the rest untrusted.
      const [leafPem, ...issuers] = pemDecodeAll(pem).blocks.map((b) =>
        pem.slice(b.offset, pem.indexOf('-----END CERTIFICATE-----', b.offset) + 26),
      );
      const v = await opensslVerify({
        rootPem: pki.rootPem,
        untrustedPem: issuers.join('\n'),
        certPem: leafPem ?? '',
        purpose: 'sslserver',
      });
      expect(v.ok, v.output).toBe(row.verifies);
    });
  }
});

const good: { name: string; input: LeafKind }[] = [
  { name: 'RSA key', input: 'rsa' },
  { name: 'P-256 key', input: 'p256' },
  { name: 'P-384 key', input: 'p384' },
];

describe('cassandraKeyAndChainPem', () => {
  for (const row of good) {
    it(`${row.name}: key first, then leaf and chain; Java loads it as Cassandra does`, async () => {
      const leaf = pki.leaves[row.input];
      const pem = await cassandraKeyAndChainPem({
        key: leaf.legacyKeyPem,
        certificate: leaf.certPem,
        chain: [pki.rootPem, pki.intermediatePem],
      });
      expect(pemDecodeAll(pem).blocks.map((b) => b.label)).toEqual([
        'PRIVATE KEY',
        'CERTIFICATE',
        'CERTIFICATE',
        'CERTIFICATE',
      ]);
      const java = await javaReadKeyAndChainPem(pem);
      expect(java.ok, java.output).toBe(true);
      expect(java.output).toBe(`key=${row.input === 'rsa' ? 'RSA' : 'EC'} certs=3 matches=true`);
    });
  }

  // Why the Cassandra file carries its key in the clear: pinned, so a JDK that learns PBES2 here shows up.
  it('Java 17 cannot read a PBES2-encrypted key the way Cassandra does', async () => {
    const leaf = pki.leaves.p256;
    const encrypted = keyPem(
      await encodePrivateKey(privateKeyFrom(leaf.keyPem), 'pkcs8-encrypted', {
        password: 'changeit',
        iterations: 10_000,
      }),
    );
    const java = await javaReadKeyAndChainPem(encrypted + leaf.certPem, 'changeit');
    expect(java.ok).toBe(false);
    expect(java.output).toMatch(/PBES2 SecretKeyFactory not available/);
  });

  const bad: {
    name: string;
    input: (p: TestPki) => CassandraPemInput;
    want: { code: string; field: string; message: RegExp };
  }[] = [
    {
      name: 'Ed25519 key',
      input: (p) => ({ key: p.leaves.ed25519.keyPem, certificate: p.leaves.ed25519.certPem }),
      want: { code: 'unsupported-algorithm', field: 'key', message: /RSA and EC private keys only, not Ed25519/ },
    },
    {
      name: 'key of another certificate',
      input: (p) => ({ key: p.leaves.p256.keyPem, certificate: p.leaves.p384.certPem }),
      want: { code: 'key-mismatch', field: 'key', message: /does not belong/ },
    },
    {
      name: 'a stray CA in the chain',
      input: (p) => ({ key: p.leaves.p256.keyPem, certificate: p.leaves.p256.certPem, chain: p.otherCaPem }),
      want: { code: 'invalid-argument', field: 'chain', message: /not part of the chain/ },
    },
  ];
  for (const row of bad) {
    it(`refuses ${row.name}`, async () => {
      const err = await cassandraKeyAndChainPem(row.input(pki)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PkiError);
      const e = err as PkiError;
      expect({ code: e.code, field: e.field }).toEqual({ code: row.want.code, field: row.want.field });
      expect(e.message).toMatch(row.want.message);
    });
  }
});
