import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { Name as AsnName, Time } from '@peculiar/asn1-x509';
import { lintCertificate, lintCertificateDer, LINT_RULES } from './index.ts';
import { makeCa, makeCert, newKey, resign, type CertSpec, type Issuer } from '../validate/test-kit.ts';

const KU = x509.KeyUsageFlags;
const SERVER = '1.3.6.1.5.5.7.3.1';
const CLIENT = '1.3.6.1.5.5.7.3.2';

function openssl(args: string[]): void {
  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
  } catch (e) {
    throw new Error('openssl failed or is missing (apt-get install openssl)', { cause: e });
  }
}

/** A self-signed certificate made by openssl (an independent maker) with the given key and digest. */
function opensslSelfSigned(key: string, digest: string, ext: string): x509.X509Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'lint-'));
  openssl([
    'req',
    '-x509',
    '-newkey',
    key,
    '-nodes',
    '-keyout',
    join(dir, 'k.pem'),
    '-out',
    join(dir, 'c.pem'),
    `-${digest}`,
    '-days',
    '30',
    '-subj',
    '/CN=openssl-made',
    '-addext',
    ext,
  ]);
  return new x509.X509Certificate(readFileSync(join(dir, 'c.pem'), 'utf8'));
}

let root: Issuer;
let leafKeys: CryptoKeyPair;
beforeAll(async () => {
  root = await makeCa('CN=Lint Root');
  leafKeys = await newKey();
});

/** A good mTLS leaf, changed by `over`. */
function leaf(over: Partial<CertSpec> = {}): Promise<x509.X509Certificate> {
  return makeCert({
    subject: 'CN=node1.cluster.local',
    keys: leafKeys,
    issuer: root,
    ca: false,
    keyUsage: KU.digitalSignature,
    eku: [SERVER, CLIENT],
    san: [{ type: 'dns', value: 'node1.cluster.local' }],
    ...over,
  });
}

interface Row {
  name: string;
  make: () => Promise<x509.X509Certificate>;
  role?: 'ca' | 'leaf';
  want: string;
}

const rows: Row[] = [
  { name: 'role ca without cA', make: () => leaf(), role: 'ca', want: 'ca-not-marked-ca' },
  {
    name: 'CA basicConstraints not critical',
    make: async () => (await makeCa('CN=Soft', root, { caCritical: false })).cert,
    want: 'ca-basic-constraints-not-critical',
  },
  {
    name: 'CA without keyUsage',
    make: async () => makeCert({ subject: 'CN=NoKU', keys: await newKey(), issuer: root, ca: true }),
    want: 'ca-missing-key-usage',
  },
  {
    name: 'CA without keyCertSign',
    make: async () =>
      makeCert({ subject: 'CN=NoKCS', keys: await newKey(), issuer: root, ca: true, keyUsage: KU.cRLSign }),
    want: 'ca-missing-key-cert-sign',
  },
  {
    name: 'CA keyUsage not critical',
    make: async () =>
      makeCert({
        subject: 'CN=SoftKU',
        keys: await newKey(),
        issuer: root,
        ca: true,
        extra: [new x509.KeyUsagesExtension(KU.keyCertSign, false)],
      }),
    want: 'ca-key-usage-not-critical',
  },
  {
    name: 'keyCertSign on a leaf',
    make: () => leaf({ keyUsage: KU.digitalSignature | KU.keyCertSign }),
    want: 'key-cert-sign-on-non-ca',
  },
  {
    name: 'pathLen on a non-CA',
    make: () => leaf({ ca: undefined, extra: [new x509.BasicConstraintsExtension(false, 0, true)] }),
    want: 'path-len-on-non-ca',
  },
  {
    name: 'leaf marked CA',
    make: () => leaf({ ca: true, keyUsage: KU.digitalSignature | KU.keyCertSign }),
    role: 'leaf',
    want: 'leaf-is-ca',
  },
  {
    name: 'negative serial',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.tbsCertificate.serialNumber = new Uint8Array([0x80, 1]).buffer;
      }),
    want: 'serial-not-positive',
  },
  {
    name: 'zero serial',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.tbsCertificate.serialNumber = new Uint8Array([0]).buffer;
      }),
    want: 'serial-not-positive',
  },
  { name: '21-octet serial', make: () => leaf({ serial: '01'.repeat(21) }), want: 'serial-too-long' },
  { name: 'no SKI', make: () => leaf({ ski: false }), want: 'missing-ski' },
  { name: 'no AKI', make: () => leaf({ aki: false }), want: 'missing-aki' },
  {
    name: 'version 1',
    make: async () =>
      resign(
        await leaf({ ski: false, aki: false, eku: undefined, san: undefined, keyUsage: undefined, ca: undefined }),
        root.keys.privateKey,
        (a) => {
          a.tbsCertificate.version = 0;
          a.tbsCertificate.extensions = undefined;
        },
      ),
    want: 'version-not-v3',
  },
  {
    name: 'outer and inner signature algorithms differ',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.signatureAlgorithm.algorithm = '1.2.840.10045.4.3.3';
      }),
    want: 'signature-algorithm-mismatch',
  },
  {
    name: 'duplicate extension',
    make: () => leaf({ extra: [new x509.ExtendedKeyUsageExtension([SERVER])] }),
    want: 'duplicate-extension',
  },
  {
    name: 'unknown critical extension',
    make: () => leaf({ extra: [new x509.Extension('1.2.3.4.5', true, new Uint8Array([5, 0]))] }),
    want: 'unknown-critical-extension',
  },
  {
    name: 'undecodable keyUsage',
    make: () => leaf({ keyUsage: undefined, extra: [new x509.Extension('2.5.29.15', true, new Uint8Array([5, 0]))] }),
    want: 'undecodable-extension',
  },
  {
    name: 'RSA 1024 (openssl)',
    make: () => Promise.resolve(opensslSelfSigned('rsa:1024', 'sha256', 'subjectAltName=DNS:a.example')),
    want: 'rsa-too-small',
  },
  {
    name: 'SHA-1 signature on a leaf',
    make: async () => {
      const k = await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
        true,
        ['sign', 'verify'],
      );
      return x509.X509CertificateGenerator.createSelfSigned({
        name: 'CN=sha1',
        keys: k,
        signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' },
      });
    },
    role: 'leaf',
    want: 'sha1-signature',
  },
  {
    name: 'SHA-1 signature (openssl)',
    make: () => Promise.resolve(opensslSelfSigned('rsa:2048', 'sha1', 'subjectAltName=DNS:a.example')),
    role: 'leaf',
    want: 'sha1-signature',
  },
  {
    name: 'MD5 signature',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.signatureAlgorithm.algorithm = '1.2.840.113549.1.1.4';
      }),
    want: 'broken-signature-algorithm',
  },
  {
    name: 'secp256k1 key (openssl)',
    make: () =>
      Promise.resolve(opensslSelfSigned('ec:' + ecParams('secp256k1'), 'sha256', 'subjectAltName=DNS:a.example')),
    want: 'ec-curve-unsupported',
  },
  {
    name: 'DSA key (openssl)',
    make: () => Promise.resolve(opensslSelfSigned('dsa:' + dsaParams(), 'sha256', 'subjectAltName=DNS:a.example')),
    want: 'dsa-key',
  },
  {
    name: 'keyEncipherment on an EC leaf',
    make: () => leaf({ keyUsage: KU.digitalSignature | KU.keyEncipherment }),
    want: 'key-usage-wrong-for-key-type',
  },
  {
    name: 'keyAgreement on an Ed25519 leaf',
    make: async () =>
      makeCert({
        subject: 'CN=ed',
        keys: await newKey('ed25519'),
        issuer: root,
        ca: false,
        keyUsage: KU.digitalSignature | KU.keyAgreement,
        eku: [CLIENT],
        san: [{ type: 'dns', value: 'ed.example' }],
      }),
    want: 'key-usage-wrong-for-key-type',
  },
  {
    name: '2030 notAfter as GeneralizedTime',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.tbsCertificate.validity.notAfter = new Time({ generalTime: new Date(Date.UTC(2030, 0, 1)) });
      }),
    want: 'validity-time-encoding',
  },
  {
    name: '2050 notAfter as UTCTime',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.tbsCertificate.validity.notAfter = new Time({ utcTime: new Date(Date.UTC(2049, 11, 31)) });
        a.tbsCertificate.validity.notBefore = new Time({ generalTime: new Date(Date.UTC(2025, 0, 1)) });
      }),
    want: 'validity-time-encoding',
  },
  {
    name: 'notAfter before notBefore',
    make: () => leaf({ notAfter: new Date(Date.UTC(2024, 0, 1)) }),
    want: 'validity-inverted',
  },
  {
    name: 'leaf valid ten years',
    make: () => leaf({ notAfter: new Date(Date.UTC(2035, 0, 1)) }),
    want: 'leaf-validity-long',
  },
  {
    name: 'serverAuth with only keyCertSign-free nonRepudiation',
    make: () => leaf({ keyUsage: KU.nonRepudiation }),
    want: 'eku-inconsistent-with-ku',
  },
  { name: 'leaf without EKU', make: () => leaf({ eku: undefined }), want: 'leaf-missing-eku' },
  { name: 'leaf with anyExtendedKeyUsage', make: () => leaf({ eku: ['2.5.29.37.0'] }), want: 'leaf-eku-any' },
  { name: 'leaf without keyUsage', make: () => leaf({ keyUsage: undefined }), want: 'leaf-missing-key-usage' },
  { name: 'leaf without digitalSignature', make: () => leaf({ keyUsage: KU.keyAgreement }), want: 'leaf-cannot-sign' },
  { name: 'leaf without SAN', make: () => leaf({ san: undefined }), want: 'leaf-without-san' },
  {
    name: 'empty subject, SAN not critical',
    make: () => leaf({ subject: '' }),
    want: 'empty-subject-san-not-critical',
  },
  {
    name: 'CA with empty subject',
    make: async () => makeCert({ subject: '', keys: await newKey(), issuer: root, ca: true, keyUsage: KU.keyCertSign }),
    want: 'ca-subject-empty',
  },
  {
    name: 'wildcard in the middle',
    make: () => leaf({ san: [{ type: 'dns', value: 'a.*.example.com' }] }),
    want: 'dns-san-invalid',
  },
  {
    name: 'wildcard on a two-label name',
    make: () => leaf({ san: [{ type: 'dns', value: '*.com' }] }),
    want: 'dns-san-invalid',
  },
  {
    name: 'DNS SAN with trailing dot',
    make: () => leaf({ san: [{ type: 'dns', value: 'node1.example.' }] }),
    want: 'dns-san-invalid',
  },
  {
    name: 'IP written as DNS SAN',
    make: () => leaf({ subject: 'CN=n', san: [{ type: 'dns', value: '10.0.0.1' }] }),
    want: 'dns-san-is-ip',
  },
  {
    name: 'IP SAN of 5 octets',
    make: () =>
      leaf({
        extra: [new x509.Extension('2.5.29.17', false, new Uint8Array([0x30, 7, 0x87, 5, 10, 0, 0, 1, 1]))],
        san: undefined,
      }),
    want: 'ip-san-bad-length',
  },
  {
    name: 'critical AKI',
    make: async () => {
      const aki = await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey, true);
      return leaf({ aki: false, extra: [aki] });
    },
    want: 'aki-critical',
  },
  {
    name: 'critical SKI',
    make: async () =>
      leaf({ ski: false, extra: [await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey, true)] }),
    want: 'ski-critical',
  },
  {
    name: 'critical AIA',
    make: () =>
      leaf({
        extra: [
          new x509.AuthorityInfoAccessExtension(
            { caIssuers: [new x509.GeneralName('url', 'http://ca.example/ca.crt')] },
            true,
          ),
        ],
      }),
    want: 'aia-critical',
  },
  {
    name: 'policy constraints not critical',
    make: async () =>
      makeCert({
        subject: 'CN=PC',
        keys: await newKey(),
        issuer: root,
        ca: true,
        keyUsage: KU.keyCertSign,
        extra: [new x509.Extension('2.5.29.36', false, new Uint8Array([0x30, 3, 0x80, 1, 0]))],
      }),
    want: 'policy-constraints-not-critical',
  },
  {
    name: 'empty issuer',
    make: async () =>
      resign(await leaf(), root.keys.privateKey, (a) => {
        a.tbsCertificate.issuer = new AsnName();
      }),
    want: 'issuer-empty',
  },
  {
    name: 'empty SAN',
    make: () => leaf({ san: undefined, extra: [new x509.Extension('2.5.29.17', false, new Uint8Array([0x30, 0]))] }),
    want: 'san-empty',
  },
  {
    name: 'email SAN with two @',
    make: () => leaf({ san: [{ type: 'email', value: 'a@b@example.com' }] }),
    want: 'email-san-invalid',
  },
  {
    name: 'name constraints on a leaf',
    make: () => leaf({ permitted: [{ dNSName: 'cluster.local' }] }),
    want: 'name-constraints-on-non-ca',
  },
  {
    name: 'name constraints not critical',
    make: async () =>
      makeCert({
        subject: 'CN=NC',
        keys: await newKey(),
        issuer: root,
        ca: true,
        keyUsage: KU.keyCertSign,
        extra: [
          new x509.Extension(
            '2.5.29.30',
            false,
            new Uint8Array([0x30, 0x0f, 0xa0, 0x0d, 0x30, 0x0b, 0x82, 0x09, ...new TextEncoder().encode('a.example')]),
          ),
        ],
      }),
    want: 'name-constraints-not-critical',
  },
  {
    name: 'name constraints with no subtrees',
    make: async () =>
      makeCert({
        subject: 'CN=NC0',
        keys: await newKey(),
        issuer: root,
        ca: true,
        keyUsage: KU.keyCertSign,
        extra: [new x509.Extension('2.5.29.30', true, new Uint8Array([0x30, 0]))],
      }),
    want: 'name-constraints-empty',
  },
  {
    name: 'DNS name constraint with a leading dot',
    make: async () =>
      makeCert({
        subject: 'CN=NCdot',
        keys: await newKey(),
        issuer: root,
        ca: true,
        keyUsage: KU.keyCertSign,
        permitted: [{ dNSName: '.example.com' }],
      }),
    want: 'name-constraint-malformed',
  },
  { name: 'CN host name not in SANs', make: () => leaf({ subject: 'CN=other.cluster.local' }), want: 'cn-not-in-san' },
];

let dsaFile = '';
function dsaParams(): string {
  if (!dsaFile) {
    dsaFile = join(mkdtempSync(join(tmpdir(), 'lint-')), 'dsa.pem');
    openssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', dsaFile]);
  }
  return dsaFile;
}
function ecParams(curve: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'lint-')), 'ec.pem');
  openssl(['genpkey', '-genparam', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', f]);
  return f;
}

describe('lintCertificate: each rule fires on the certificate that breaks it', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const cert = await row.make();
      const findings = lintCertificate(cert, row.role ? { role: row.role } : {});
      expect(findings.map((f) => f.code)).toContain(row.want);
      expect(lintCertificateDer(cert.rawData, row.role ? { role: row.role } : {})).toEqual(findings);
    });
  }
});

describe('lintCertificate: clean certificates', () => {
  const clean: { name: string; make: () => Promise<x509.X509Certificate>; role?: 'ca' | 'leaf' }[] = [
    { name: 'good EC leaf', make: () => leaf() },
    { name: 'good root', make: () => Promise.resolve(root.cert) },
    { name: 'good intermediate', make: async () => (await makeCa('CN=Good Intermediate', root, { ca: 0 })).cert },
    {
      name: 'good RSA leaf with keyEncipherment',
      make: async () =>
        makeCert({
          subject: 'CN=rsa.example',
          keys: await newKey('rsa2048'),
          issuer: root,
          ca: false,
          keyUsage: KU.digitalSignature | KU.keyEncipherment,
          eku: [SERVER],
          san: [
            { type: 'dns', value: 'rsa.example' },
            { type: 'ip', value: '10.0.0.1' },
          ],
        }),
    },
    {
      name: 'client leaf whose CN is a node name, not a SAN',
      make: () => leaf({ subject: 'CN=node9.cluster.local', eku: [CLIENT], san: [{ type: 'ip', value: '10.0.0.9' }] }),
    },
    {
      name: 'good wildcard leaf',
      make: () => leaf({ subject: 'CN=*.nodes.example', san: [{ type: 'dns', value: '*.nodes.example' }] }),
    },
  ];
  for (const row of clean) {
    it(`${row.name} raises nothing`, async () => {
      expect(lintCertificate(await row.make(), row.role ? { role: row.role } : {})).toEqual([]);
    });
  }
});

describe('lint registry', () => {
  it('every rule has a failing row above and a unique code', () => {
    const codes = LINT_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const tested = new Set(rows.map((r) => r.want));
    expect(codes.filter((c) => !tested.has(c))).toEqual([]);
  });
  it('an unreadable certificate gives one finding, no exception', () => {
    const junk = { rawData: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]).buffer } as unknown as x509.X509Certificate;
    expect(lintCertificate(junk).map((f) => f.code)).toEqual(['unreadable-certificate']);
    expect(lintCertificateDer(new Uint8Array([0x30, 0x00])).map((f) => f.code)).toEqual(['unreadable-certificate']);
  });
});
