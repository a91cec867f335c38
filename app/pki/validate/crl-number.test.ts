/** RFC 5280 §5.2.3: a CRL without a CRL number, or with a critical one, cannot be used (x509-limbo rfc5280::crl cases). */
import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { validatePath } from './index.ts';
import { makeCa, makeCert, newKey, signingAlgorithm, type Issuer } from './test-kit.ts';

const AT = new Date(Date.UTC(2026, 0, 1));
let root: Issuer;
let leaf: x509.X509Certificate;
beforeAll(async () => {
  root = await makeCa('CN=CRL Root');
  leaf = await makeCert({
    subject: 'CN=example.com',
    keys: await newKey(),
    issuer: root,
    ca: false,
    san: [{ type: 'dns', value: 'example.com' }],
  });
});

/** CRLNumber 5 as an extension: INTEGER 5. */
const crlNumber = (critical: boolean) => new x509.Extension('2.5.29.20', critical, new Uint8Array([2, 1, 5]));

async function crl(extensions: x509.Extension[]): Promise<ArrayBuffer> {
  const made = await x509.X509CrlGenerator.create({
    issuer: root.cert.subject,
    thisUpdate: new Date(AT.getTime() - 86_400_000),
    nextUpdate: new Date(AT.getTime() + 86_400_000),
    entries: [{ serialNumber: '7f01', revocationDate: new Date(AT.getTime() - 3_600_000) }],
    extensions,
    signingKey: root.keys.privateKey,
    signingAlgorithm: signingAlgorithm(root.keys.privateKey),
  });
  return made.rawData;
}

describe('CRL number', () => {
  const rows = [
    { name: 'a CRL with a non-critical CRL number is used', ext: () => [crlNumber(false)], want: true },
    { name: 'crlnumber-missing: a CRL without a CRL number is unusable', ext: () => [], want: false },
    {
      name: 'crlnumber-critical: a CRL with a critical CRL number is unusable',
      ext: () => [crlNumber(true)],
      want: false,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const result = await validatePath({ leaf, anchors: [root.cert], at: AT, crls: [await crl(row.ext())] });
      expect(result.valid, JSON.stringify(result.findings)).toBe(row.want);
      if (!row.want) expect(result.findings.map((f) => f.code)).toContain('revocation-unknown');
    });
  }
});
