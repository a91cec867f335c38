// Truststores judged by OpenSSL 3, Java 17 keytool and Python's cryptography.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTruststore, type TruststoreInput } from './truststore.ts';
import { PASSWORD_NOT_FOR_JAVA } from './result.ts';
import { makeTestPki, type TestPki } from './testing/fixtures.ts';
import { keytoolList, opensslPkcs12Extract, opensslPkcs12Info, pythonLoadPkcs12 } from './testing/judges.ts';
import { pemDecodeAll } from '../pem.ts';
import { friendlyNameAttribute, trustedKeyUsageAttribute } from './attributes.ts';
import { certificateBag } from './bags.ts';
import { encryptedSafeContents } from './authenticated-safe.ts';
import { assemblePfx } from './pfx.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

interface Row {
  name: string;
  input: () => TruststoreInput;
  want: { aliases: string[]; java: boolean; encrypted: boolean };
}

const rows: Row[] = [
  {
    name: 'one root, alias from its CN',
    input: () => ({ cas: pki.rootPem, password: 'changeit' }),
    want: { aliases: ['certbench-test-root'], java: true, encrypted: true },
  },
  {
    name: 'two CAs in one PEM text, user aliases',
    input: () => ({ cas: pki.rootPem + pki.otherCaPem, password: 'changeit', aliases: ['root', 'other'] }),
    want: { aliases: ['root', 'other'], java: true, encrypted: true },
  },
  {
    name: 'root and intermediate as two inputs, certificates left unencrypted',
    input: () => ({ cas: [pki.rootPem, pki.intermediatePem], password: 'changeit', encryptCertificates: false }),
    want: { aliases: ['certbench-test-root', 'certbench-test-intermediate'], java: true, encrypted: false },
  },
  {
    name: 'the same CN twice gets distinct aliases (Java would merge them)',
    input: () => ({ cas: [pki.rootPem, pki.otherCaPem], password: 'changeit', aliases: ['CA', 'ca'] }),
    want: { aliases: ['CA', 'ca-2'], java: true, encrypted: true },
  },
  {
    name: 'the same CA given twice is one entry',
    input: () => ({ cas: [pki.rootPem, pki.intermediatePem, pki.rootPem], password: 'changeit' }),
    want: { aliases: ['certbench-test-root', 'certbench-test-intermediate'], java: true, encrypted: true },
  },
  {
    name: 'non-ASCII password: openssl and Python open it, Java 17 cannot (warned)',
    input: () => ({ cas: pki.rootPem, password: 'Trüst-Störe-密码' }),
    want: { aliases: ['certbench-test-root'], java: false, encrypted: true },
  },
];

describe('buildTruststore judged by openssl, keytool and Python', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const input = row.input();
      const result = await buildTruststore(input);
      expect(result.aliases).toEqual(row.want.aliases);
      expect(result.findings).toEqual(row.want.java ? [] : [PASSWORD_NOT_FOR_JAVA]);

      const info = await opensslPkcs12Info(result.der, input.password);
      expect(info.ok, info.output).toBe(true);
      expect(info.output).toMatch(/MAC: sha256, Iteration 10000/);
      expect(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC/.test(info.output)).toBe(row.want.encrypted);
      expect(info.output).not.toMatch(/Keybag/);
      const certs = pemDecodeAll(await opensslPkcs12Extract(result.der, input.password, 'certs')).blocks;
      expect(certs).toHaveLength(row.want.aliases.length);

      const py = await pythonLoadPkcs12(result.der, input.password);
      expect(py).toEqual({ keyAlias: null, otherAliases: row.want.aliases, hasKey: false });

      const listing = await keytoolList(result.der, input.password);
      if (!row.want.java) {
        expect(listing.output).toMatch(/Password is not ASCII/);
        return;
      }
      expect(listing.ok, listing.output).toBe(true);
      // Java lower-cases aliases; every CA is a trustedCertEntry thanks to the trusted-key-usage attribute.
      expect(listing.entries.map((e) => [e.alias, e.type]).sort()).toEqual(
        row.want.aliases.map((a) => [a.toLowerCase(), 'trustedCertEntry']).sort(),
      );
      expect(listing.output).toMatch(new RegExp(`Your keystore contains ${row.want.aliases.length} entr`));
    });
  }
});

describe('the trusted-key-usage attribute', () => {
  const cases = [
    { name: 'with it, keytool lists a trustedCertEntry', input: true, want: 1 },
    { name: 'without it, keytool sees 0 entries (why truststores carry it)', input: false, want: 0 },
  ];
  for (const row of cases) {
    it(row.name, async () => {
      const der = new Uint8Array(pemDecodeAll(pki.rootPem).blocks[0]!.der);
      const attributes = [friendlyNameAttribute('root'), ...(row.input ? [trustedKeyUsageAttribute()] : [])];
      const p12 = await assemblePfx(
        [await encryptedSafeContents([certificateBag(der, attributes)], 'changeit', 10_000)],
        'changeit',
        10_000,
      );
      const listing = await keytoolList(p12, 'changeit');
      expect(listing.ok, listing.output).toBe(true);
      expect(listing.entries).toHaveLength(row.want);
      expect(listing.output).toMatch(new RegExp(`Your keystore contains ${row.want} entr`));
    });
  }
});
