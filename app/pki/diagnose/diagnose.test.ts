import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { diagnosis, DIAGNOSIS_CODES, type DiagnosisCode, type Details } from './catalog.ts';
import { diagnoseKeyMatch } from './key-match.ts';
import { chainAdvice } from './chain-advice.ts';
import { makeCa, makeCert, newKey, type Issuer } from '../validate/test-kit.ts';

describe('catalog', () => {
  const rows: { code: DiagnosisCode; details: Details; mentions: string[] }[] = [
    {
      code: 'expired',
      details: { cert: 'CN=a', at: '2030-01-01T00:00:00Z', detail: '2029-01-01T00:00:00Z' },
      mentions: ['CN=a', 'expired', '2029-01-01'],
    },
    {
      code: 'host-mismatch',
      details: { host: 'db1.example', detail: 'it has db2.example' },
      mentions: ['db1.example', 'db2.example'],
    },
    { code: 'ip-not-in-sans', details: { host: '10.0.0.7' }, mentions: ['10.0.0.7', 'IP SAN'] },
    { code: 'missing-aki', details: { cert: 'CN=leaf' }, mentions: ['VERIFY_X509_STRICT', 'CN=leaf'] },
    {
      code: 'missing-intermediate',
      details: { cert: 'CN=leaf', detail: 'CN=Sub CA' },
      mentions: ['CN=Sub CA', '--untrusted'],
    },
  ];
  for (const row of rows) {
    it(`${row.code} says what happened in words`, () => {
      const f = diagnosis(row.code, row.details);
      expect(f.code).toBe(row.code);
      for (const m of row.mentions) expect(f.message).toContain(m);
    });
  }
  it('every code has a severity and a full sentence', () => {
    for (const code of DIAGNOSIS_CODES) {
      const f = diagnosis(code, {});
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message).toMatch(/^[A-Z"].{20,}[.)]$/);
    }
  });
});

let root: Issuer;
let keys: CryptoKeyPair;
beforeAll(async () => {
  root = await makeCa('CN=Diag Root');
  keys = await newKey();
});

describe('diagnoseKeyMatch', () => {
  const rows: { name: string; own: boolean; want: string | null }[] = [
    { name: "the certificate's own key", own: true, want: null },
    { name: 'another key', own: false, want: 'key-mismatch' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const cert = await makeCert({ subject: 'CN=k', keys, issuer: root });
      const pub = row.own ? keys.publicKey : (await newKey()).publicKey;
      const spki = await crypto.subtle.exportKey('spki', pub);
      expect(diagnoseKeyMatch(cert, spki)?.code ?? null).toBe(row.want);
    });
  }
});

describe('chainAdvice', () => {
  const rows: { name: string; make: () => Promise<x509.X509Certificate[]>; want: string[] }[] = [
    {
      name: 'clean chain',
      make: async () => [
        await makeCert({ subject: 'CN=c', keys, issuer: root, keyUsage: x509.KeyUsageFlags.digitalSignature }),
        root.cert,
      ],
      want: [],
    },
    // Key identifiers are RFC 5280 profile rules now, checked in the path (validate/path-checks.ts), not advice.
    {
      name: 'CA without SKI is not advice',
      make: async () => [(await makeCa('CN=NoSKI', root, { ski: false })).cert, root.cert],
      want: [],
    },
    {
      name: 'leaf without AKI is not advice',
      make: async () => [await makeCert({ subject: 'CN=c', keys, issuer: root, aki: false }), root.cert],
      want: [],
    },
    {
      name: 'EC leaf with keyEncipherment',
      make: async () => [
        await makeCert({
          subject: 'CN=c',
          keys,
          issuer: root,
          keyUsage: x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.digitalSignature,
        }),
        root.cert,
      ],
      want: ['key-usage-wrong-for-key-type'],
    },
    {
      name: 'RSA 1024 leaf',
      make: async () => [await makeCert({ subject: 'CN=c', keys: await newKey('rsa1024'), issuer: root }), root.cert],
      want: ['rsa-too-small'],
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      expect(chainAdvice(await row.make()).map((f) => f.code)).toEqual(row.want);
    });
  }
});
