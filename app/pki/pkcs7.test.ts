// PKCS#7 certificates-only bundles judged by `openssl pkcs7 -print_certs` (and keytool for the DER form).
import { beforeAll, describe, expect, it } from 'vitest';
import { pkcs7Der, pkcs7Pem } from './pkcs7.ts';
import { pemDecodeAll } from './pem.ts';
import { PkiError } from './errors.ts';
import { makeTestPki, type TestPki } from './pkcs12/testing/fixtures.ts';
import { run, withFiles } from '../test/judges/index.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const derHex = (pem: string) => pemDecodeAll(pem).blocks.map((b) => Buffer.from(b.der).toString('hex'));

function opensslPrintCerts(data: string | Uint8Array, form: 'PEM' | 'DER'): Promise<string> {
  return withFiles({ 'b.p7': data }, (_d, p) => {
    const r = run('openssl', ['pkcs7', '-print_certs', '-inform', form, '-in', p('b.p7')]);
    if (r.status !== 0) throw new Error(`openssl pkcs7 failed: ${r.stderr}`);
    return r.stdout;
  });
}

const rows = [
  { name: 'one certificate', input: (p: TestPki) => [p.rootPem], want: (p: TestPki) => [p.rootPem] },
  {
    name: 'leaf and chain from one PEM text, order kept',
    input: (p: TestPki) => [p.leaves.rsa.certPem + p.intermediatePem + p.rootPem],
    want: (p: TestPki) => [p.leaves.rsa.certPem, p.intermediatePem, p.rootPem],
  },
  {
    name: 'Ed25519 leaf and an unrelated CA as two inputs',
    input: (p: TestPki) => [p.leaves.ed25519.certPem, p.otherCaPem],
    want: (p: TestPki) => [p.leaves.ed25519.certPem, p.otherCaPem],
  },
];

describe('pkcs7', () => {
  for (const row of rows) {
    it(`PEM: ${row.name}`, async () => {
      const pem = pkcs7Pem(row.input(pki));
      expect(pem).toMatch(/^-----BEGIN PKCS7-----\n/);
      const printed = await opensslPrintCerts(pem, 'PEM');
      expect(derHex(printed)).toEqual(row.want(pki).flatMap(derHex));
    });
    it(`DER: ${row.name}`, async () => {
      const printed = await opensslPrintCerts(pkcs7Der(row.input(pki)), 'DER');
      expect(derHex(printed)).toEqual(row.want(pki).flatMap(derHex));
    });
  }

  it('keytool -printcert reads the DER bundle', async () => {
    const der = pkcs7Der([pki.leaves.p256.certPem, pki.intermediatePem]);
    const out = await withFiles({ 'b.p7b': der }, (_d, p) =>
      run('keytool', ['-J-Duser.language=en', '-printcert', '-file', p('b.p7b')]),
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.match(/^Owner: /gm)).toHaveLength(2);
  });

  const bad = [
    { name: 'no certificate at all', input: [] as string[], want: { code: 'not-found', field: 'certificates' } },
    { name: 'a text without PEM', input: ['hello'], want: { code: 'invalid-pem', field: 'certificates' } },
  ];
  for (const row of bad) {
    it(`refuses ${row.name}`, () => {
      let err: unknown;
      try {
        pkcs7Pem(row.input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PkiError);
      expect({ code: (err as PkiError).code, field: (err as PkiError).field }).toEqual(row.want);
    });
  }
});
