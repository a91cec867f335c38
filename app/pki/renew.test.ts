/**
 * Renewal: the renewed leaf keeps subject, SANs and profile, gets a new serial, a new validity
 * and (unless asked otherwise) a new key, and `openssl verify -x509_strict -purpose` accepts it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithmId } from './algorithms.ts';
import { createIntermediateCa, createRootCa, type CaResult } from './ca.ts';
import { issueLeaf, type IssuedLeaf } from './issue.ts';
import { leafFacts } from './leaf-facts.ts';
import type { LeafProfile } from './profiles.ts';
import { renewLeaf, renewLeaves } from './renew.ts';
import { opensslVerify } from '../test/judges/openssl.ts';

const DAY_MS = 86_400_000;

let root: CaResult;
let inter: CaResult;
beforeAll(async () => {
  root = await createRootCa({ subject: { commonName: 'Renew Root' } });
  inter = await createIntermediateCa({ subject: { commonName: 'Renew Issuing' } }, root);
}, 60_000);

const rows: {
  name: string;
  profile: LeafProfile;
  algorithm: KeyAlgorithmId;
  commonName: string;
  sans: string;
  days: number;
  subject?: { organization: string; country: string };
}[] = [
  {
    name: 'node, P-256, DNS and IP SANs, O and C',
    profile: 'node',
    algorithm: 'p256',
    commonName: 'node-1',
    sans: 'node-1.db.local 10.0.0.1 fd00::1',
    days: 90,
    subject: { organization: 'Acme Ops', country: 'DE' },
  },
  {
    name: 'server, RSA 2048',
    profile: 'server',
    algorithm: 'rsa2048',
    commonName: 'api.example',
    sans: 'api.example, www.api.example',
    days: 30,
  },
  {
    name: 'client, Ed25519, CN with a space, email SAN',
    profile: 'client',
    algorithm: 'ed25519',
    commonName: 'Cluster admin',
    sans: 'ops@example.com',
    days: 365,
  },
];

describe('renewLeaf under the same intermediate', () => {
  for (const row of rows) {
    describe(row.name, () => {
      let old: IssuedLeaf;
      beforeAll(async () => {
        old = await issueLeaf(
          {
            profile: row.profile,
            commonName: row.commonName,
            sans: row.sans,
            algorithm: row.algorithm,
            days: row.days,
            subject: row.subject,
          },
          inter,
        );
      }, 60_000);

      it('keeps subject, SANs and profile; new key, serial and validity; openssl -x509_strict -purpose accepts it', async () => {
        const renewed = await renewLeaf(old.chainPem, inter);
        const was = leafFacts(old.certPem);
        const now = leafFacts(renewed.certPem);
        expect(now.subjectDer).toEqual(was.subjectDer);
        expect(now.sans).toEqual(was.sans);
        expect(now.sans.length).toBeGreaterThan(0);
        expect([now.profile, renewed.profile]).toEqual([row.profile, row.profile]);
        expect(now.algorithm).toBe(row.algorithm);
        expect(now.spki).not.toEqual(was.spki);
        expect(now.serial).not.toBe(was.serial);
        expect(renewed.previousSerial).toBe(was.serial);
        expect(renewed.keptKey).toBe(false);
        // Same length as the old one, starting now.
        expect(now.notAfter.getTime() - now.notBefore.getTime()).toBe(row.days * DAY_MS);
        expect(now.notBefore.getTime()).toBeGreaterThanOrEqual(was.notBefore.getTime());
        const verdict = await opensslVerify({
          rootPem: root.certPem,
          untrustedPem: inter.certPem,
          certPem: renewed.certPem,
          purpose: row.profile === 'client' ? 'sslclient' : 'sslserver',
        });
        expect(verdict.ok, verdict.output).toBe(true);
      });

      it('keeps the key on request, with a new serial', async () => {
        const renewed = await renewLeaf(old.certPem, inter, { keepKeyPem: old.keyPem, days: 7 });
        const now = leafFacts(renewed.certPem);
        expect(now.spki).toEqual(leafFacts(old.certPem).spki);
        expect(now.serial).not.toBe(leafFacts(old.certPem).serial);
        expect(now.notAfter.getTime() - now.notBefore.getTime()).toBe(7 * DAY_MS);
        expect(renewed.keptKey).toBe(true);
      });
    });
  }
});

describe('renewLeaf refuses what it cannot renew, naming the field', () => {
  let leaf: IssuedLeaf;
  let other: IssuedLeaf;
  beforeAll(async () => {
    leaf = await issueLeaf({ profile: 'node', commonName: 'node-2', sans: '10.0.0.2' }, inter);
    other = await issueLeaf({ profile: 'node', commonName: 'node-3', sans: '10.0.0.3' }, inter);
  });
  const bad: { name: string; run: () => Promise<unknown>; want: { code: string; field: string } }[] = [
    {
      name: 'a key of another certificate',
      run: () => renewLeaf(leaf.certPem, inter, { keepKeyPem: other.keyPem }),
      want: { code: 'key-mismatch', field: 'keepKey' },
    },
    {
      name: 'a CA certificate',
      run: () => renewLeaf(inter.certPem, root),
      want: { code: 'invalid-argument', field: 'cert' },
    },
    {
      name: 'a file without a certificate',
      run: () => renewLeaf(leaf.keyPem, inter),
      want: { code: 'invalid-pem', field: 'cert' },
    },
    {
      name: 'zero days',
      run: () => renewLeaf(leaf.certPem, inter, { days: 0 }),
      want: { code: 'invalid-validity', field: 'days' },
    },
  ];
  for (const row of bad) {
    it(row.name, async () => {
      await expect(row.run()).rejects.toMatchObject(row.want);
    });
  }
});

describe('renewLeaves: a cluster under one CA', () => {
  it('renews every member with its own name, and names the member that fails', async () => {
    const members = await Promise.all(
      ['db-1', 'db-2'].map(async (name, i) => ({
        name,
        certPem: (await issueLeaf({ profile: 'node', commonName: name, sans: `10.0.1.${i + 1}` }, inter)).certPem,
      })),
    );
    const renewed = await renewLeaves(members, inter);
    expect(renewed.map((r) => [r.name, r.sans.map((s) => s.value)])).toEqual([
      ['db-1', ['db-1', '10.0.1.1']],
      ['db-2', ['db-2', '10.0.1.2']],
    ]);
    await expect(renewLeaves([...members, { name: 'db-3', certPem: 'nothing' }], inter)).rejects.toMatchObject({
      field: 'cert',
      message: expect.stringMatching(/^db-3: /) as string,
    });
  });
});
