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
import { Name, X509Certificate } from '@peculiar/x509';
import { signLeaf } from './issue.ts';
import { loadIssuer } from './issuer.ts';
import type { LeafHelpers, LeafOrder } from './leaf-helpers.ts';
import { ecSpkiFromPkcs8 } from './leaf-maker.ts';
import { pemDecodeAll } from './pem.ts';
import { decryptPkcs8 } from './pkcs8.ts';
import { tbsAndSigAlg } from './signed-parts.ts';

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

/** A node certificate whose subject is one CN as a UTF8String even where PrintableString would do. */
async function utf8CommonNameLeaf(cn: string): Promise<IssuedLeaf> {
  const value = [0x0c, cn.length, ...[...cn].map((c) => c.charCodeAt(0))];
  const attribute = [0x30, 5 + value.length, 0x06, 0x03, 0x55, 0x04, 0x03, ...value];
  const subject = Uint8Array.from([0x30, attribute.length + 2, 0x31, attribute.length, ...attribute]);
  const template = await issueLeaf({ profile: 'node', commonName: cn, days: 30 }, inter);
  const issued = await signLeaf(
    {
      profile: 'node',
      subject: new Name(subject.buffer),
      sans: [{ kind: 'dns', value: cn }],
      spki: leafFacts(template.certPem).spki.slice().buffer,
      days: 30,
    },
    await loadIssuer(inter),
  );
  expect(leafFacts(issued.certPem).subjectDer).toEqual(subject);
  return { ...issued, keyPem: template.keyPem };
}

describe('renewLeaves: in batches where the batch writes what renewLeaf writes', () => {
  /** Helpers whose one helper records the leaves it is offered and fails them (the batch then makes them itself). */
  const recordingHelpers = () => {
    const offered: string[] = [];
    const helpers: LeafHelpers = {
      ready: () => [
        {
          weight: () => 1,
          retire: () => undefined,
          make: (_recipe, orders: readonly LeafOrder[]) => {
            offered.push(...orders.map((o) => o.commonName));
            return Promise.reject(new Error('not here'));
          },
        },
      ],
      localPace: () => undefined,
    };
    return { helpers, offered };
  };

  it('renews a mixed cluster in order: plain members in batches, kept keys and other subjects one by one', async () => {
    const node = (name: string, over: object = {}) =>
      issueLeaf(
        { profile: 'node', commonName: name, sans: `${name}.db.internal 10.0.2.${name.slice(3)}`, ...over },
        inter,
      );
    const old = [
      ...(await Promise.all(Array.from({ length: 20 }, (_, i) => node(`db-${i + 1}`)))),
      await node('db-21', { subject: { organization: 'Acme Ops', country: 'DE' } }),
      await node('db-22'),
      await issueLeaf({ profile: 'client', commonName: 'app', days: 30 }, inter),
      // Another tool's encoding of a plain CN (UTF8String where PrintableString would do): the
      // batch would write it otherwise, so it keeps its bytes one by one.
      await utf8CommonNameLeaf('db-23'),
    ];
    const names = [...Array.from({ length: 22 }, (_, i) => `db-${i + 1}`), 'app', 'db-23'];
    const members = old.map((o, i) => ({
      name: names[i]!,
      certPem: o.certPem,
      ...(i === 21 ? { keepKeyPem: o.keyPem } : {}),
    }));
    const { helpers, offered } = recordingHelpers();
    const progress: number[] = [];
    const renewed = await renewLeaves(members, inter, {}, undefined, {
      helpers,
      onProgress: (done, total) => progress.push(done / total),
    });
    // The 20 plain nodes went through a batch (its helper was offered half of them, from the end).
    expect(offered).toEqual(Array.from({ length: 10 }, (_, i) => `db-${i + 11}`));
    expect(renewed.map((r) => r.name)).toEqual(names);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const serials = new Set(renewed.map((r) => r.serial));
    expect(serials.size).toBe(24);
    for (const [i, r] of renewed.entries()) {
      const was = leafFacts(old[i]!.certPem);
      const now = leafFacts(r.certPem);
      expect(now.subjectDer, r.name).toEqual(was.subjectDer);
      expect(now.sans, r.name).toEqual(was.sans);
      expect(r.sans, r.name).toEqual(was.sans);
      expect([now.profile, r.profile], r.name).toEqual([was.profile, was.profile]);
      expect(r.previousSerial, r.name).toBe(was.serial);
      expect(r.serial, r.name).toBe(now.serial);
      expect(r.keptKey, r.name).toBe(i === 21);
      if (i === 21) expect(now.spki).toEqual(was.spki);
      else expect(now.spki, r.name).not.toEqual(was.spki);
      // The key file holds the certificate's key (a P-256 PKCS#8 carries its public point).
      expect(ecSpkiFromPkcs8(new Uint8Array(pemDecodeAll(r.keyPem).blocks[0]!.der)), r.name).toEqual(now.spki);
      expect(r.chainPem, r.name).toBe(r.certPem + inter.chainPem.replace(/^\s+/, ''));
    }
    for (const i of [0, 19, 20, 21, 22, 23]) {
      const verdict = await opensslVerify({
        rootPem: root.certPem,
        untrustedPem: inter.certPem,
        certPem: renewed[i]!.certPem,
        purpose: i === 22 ? 'sslclient' : 'sslserver',
      });
      expect(verdict.ok, `${names[i]}: ${verdict.output}`).toBe(true);
    }
  });

  it("writes each batch member's TBSCertificate byte for byte as signLeaf does for the same serial, validity and key", async () => {
    const old = await Promise.all(
      [
        { profile: 'node' as const, commonName: 'db-1', sans: 'db-1.internal 10.0.3.1 fd00::3', days: 90 },
        { profile: 'node' as const, commonName: 'db-2', sans: 'db-2.internal', days: 90 },
        { profile: 'server' as const, commonName: 'api.example', sans: 'www.api.example', days: 30 },
        { profile: 'client' as const, commonName: 'ops@db', sans: 'ops@example.com', days: 365 },
        { profile: 'node' as const, commonName: 'db-3', days: 90, algorithm: 'p384' as const },
        { profile: 'node' as const, commonName: 'db-4', days: 90, algorithm: 'ed25519' as const },
        { profile: 'server' as const, commonName: 'db-5', days: 90, algorithm: 'rsa2048' as const },
        // Clamped to end with the issuing CA: renewed for its (shorter) length, with the note again.
        { profile: 'node' as const, commonName: 'db-6', days: 20_000 },
      ].map((r) => issueLeaf(r, inter)),
    );
    // The batches, as the engine factory is asked for one per batch (it offers none: WebCrypto makes them).
    const asked: string[] = [];
    const renewed = await renewLeaves(
      old.map((o, i) => ({ name: `m${i}`, certPem: o.certPem })),
      inter,
      { days: undefined },
      undefined,
      { engine: (request) => void asked.push(request.algorithm) },
    );
    expect(asked.sort()).toEqual(['ed25519', 'p256', 'p256', 'p256', 'p256', 'p384', 'rsa2048']);
    const loaded = await loadIssuer(inter);
    for (const [i, r] of renewed.entries()) {
      const was = leafFacts(old[i]!.certPem);
      const cert = new X509Certificate(r.certPem);
      // The renewal's length: the old one in whole days (the clamped one's is not whole; it is clamped again).
      const days = Math.round((was.notAfter.getTime() - was.notBefore.getTime()) / DAY_MS);
      const general = await signLeaf(
        {
          profile: was.profile,
          subject: new Name(was.subjectDer.buffer),
          sans: was.sans,
          spki: cert.publicKey.rawData,
          days,
          notBefore: cert.notBefore.toISOString(),
          serialHex: r.serial,
        },
        loaded,
      );
      expect(tbsAndSigAlg(new Uint8Array(cert.rawData)).tbs, r.name).toEqual(
        tbsAndSigAlg(new Uint8Array(new X509Certificate(general.certPem).rawData)).tbs,
      );
      expect(r.notes, r.name).toEqual(general.notes);
    }
    expect(renewed[7]!.notes).toEqual([expect.stringMatching(/^Validity shortened to end with the issuing CA/)]);
  });

  it('encrypts the keys of a batch under the passphrase given, each opening to its certificate’s key', async () => {
    const old = await Promise.all(
      ['k-1', 'k-2'].map((name) => issueLeaf({ profile: 'node', commonName: name }, inter)),
    );
    const asked: string[] = [];
    const renewed = await renewLeaves(
      old.map((o, i) => ({ name: `k-${i + 1}`, certPem: o.certPem })),
      inter,
      { keyPassphrase: 'correct horse battery' },
      undefined,
      { engine: (request) => void asked.push(request.algorithm) },
    );
    expect(asked).toEqual(['p256']);
    for (const r of renewed) {
      expect(r.keyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      await expect(decryptPkcs8(r.keyPem, 'wrong passphrase')).rejects.toThrow();
      const pkcs8 = new Uint8Array(await decryptPkcs8(r.keyPem, 'correct horse battery'));
      expect(ecSpkiFromPkcs8(pkcs8)).toEqual(leafFacts(r.certPem).spki);
    }
  });

  it('checks the kept keys before any batch makes a key', async () => {
    const old = await Promise.all(
      ['x-1', 'x-2'].map((name) => issueLeaf({ profile: 'node', commonName: name }, inter)),
    );
    const asked: string[] = [];
    await expect(
      renewLeaves(
        [
          { name: 'x-1', certPem: old[0]!.certPem },
          { name: 'x-2', certPem: old[1]!.certPem, keepKeyPem: old[0]!.keyPem },
        ],
        inter,
        {},
        undefined,
        { engine: (request) => void asked.push(request.algorithm) },
      ),
    ).rejects.toMatchObject({ field: 'keepKey', message: 'x-2: The key to keep does not belong to "CN=x-2".' });
    expect(asked).toEqual([]);
  });

  it('renews each member for its own length when none is given, and for the one given otherwise', async () => {
    const old = await Promise.all(
      [7, 30, 7].map((days, i) => issueLeaf({ profile: 'node', commonName: `d-${i}`, days }, inter)),
    );
    const members = old.map((o, i) => ({ name: `d-${i}`, certPem: o.certPem }));
    const lengths = (rs: { notBefore: string; notAfter: string }[]) =>
      rs.map((r) => (Date.parse(r.notAfter) - Date.parse(r.notBefore)) / DAY_MS);
    expect(lengths(await renewLeaves(members, inter))).toEqual([7, 30, 7]);
    expect(lengths(await renewLeaves(members, inter, { days: 12 }))).toEqual([12, 12, 12]);
    // A batch that fails as a whole names its members.
    const four = [...members, { name: 'd-3', certPem: members[0]!.certPem }];
    await expect(renewLeaves(four, inter, { days: 9000, onOutlive: 'error' })).rejects.toMatchObject({
      field: 'days',
      message: expect.stringMatching(/^d-0, d-1, d-2 and 1 more: A certificate cannot outlive its issuer/) as string,
    });
    await expect(renewLeaves(members, inter, { days: 0 })).rejects.toMatchObject({
      field: 'days',
      message: expect.stringMatching(/^d-0: /) as string,
    });
  });
});
