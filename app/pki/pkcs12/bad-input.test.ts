// Bad input to the PKCS#12 writers: each a PkiError naming the field, and no bytes produced.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeystore, type KeystoreInput } from './keystore.ts';
import { buildTruststore, type TruststoreInput } from './truststore.ts';
import { makeTestPki, type TestPki } from './testing/fixtures.ts';
import { PkiError } from '../errors.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

type Call = { keystore: () => KeystoreInput } | { truststore: () => TruststoreInput };

interface Row {
  name: string;
  input: Call;
  want: { code: string; field: string; message: RegExp };
}

const ks = (patch: (p: TestPki) => Partial<KeystoreInput>): Call => ({
  keystore: () => ({
    key: pki.leaves.p256.keyPem,
    certificate: pki.leaves.p256.certPem,
    chain: pki.intermediatePem,
    password: 'changeit',
    ...patch(pki),
  }),
});
const ts = (patch: (p: TestPki) => Partial<TruststoreInput>): Call => ({
  truststore: () => ({ cas: pki.rootPem, password: 'changeit', ...patch(pki) }),
});

const rows: Row[] = [
  {
    name: 'key of another certificate',
    input: ks((p) => ({ key: p.leaves.rsa.keyPem })),
    want: {
      code: 'key-mismatch',
      field: 'key',
      message: /does not belong to the certificate for CN=node-p256\.example/,
    },
  },
  {
    name: 'key of the same type but another pair',
    input: ks((p) => ({ key: p.leaves.p384.keyPem, certificate: p.leaves.p256.certPem })),
    want: { code: 'key-mismatch', field: 'key', message: /public keys differ/ },
  },
  {
    name: 'empty keystore password',
    input: ks(() => ({ password: '' })),
    want: { code: 'invalid-argument', field: 'password', message: /cannot be empty/ },
  },
  {
    name: 'no key in the key input',
    input: ks((p) => ({ key: p.rootPem })),
    want: { code: 'not-found', field: 'key', message: /no private key/ },
  },
  {
    name: 'encrypted key without its password',
    input: ks((p) => ({ key: p.encryptedP256KeyPem })),
    want: { code: 'invalid-key', field: 'key', message: /encrypted; give its password/ },
  },
  {
    name: 'encrypted key with the wrong password',
    input: ks((p) => ({ key: p.encryptedP256KeyPem, keyPassword: 'nope' })),
    want: { code: 'wrong-password', field: 'keyPassword', message: /Wrong key password/ },
  },
  {
    name: 'encrypted key with an empty password',
    input: ks((p) => ({ key: p.encryptedP256KeyPem, keyPassword: '' })),
    want: { code: 'invalid-argument', field: 'keyPassword', message: /cannot be empty/ },
  },
  {
    name: 'legacy Proc-Type encrypted key without its password',
    input: ks((p) => ({ key: p.legacyEncryptedP256KeyPem })),
    want: {
      code: 'invalid-key',
      field: 'key',
      message: /traditional OpenSSL way \(Proc-Type: 4,ENCRYPTED\); give its password/,
    },
  },
  {
    name: 'legacy Proc-Type encrypted key with the wrong password',
    input: ks((p) => ({ key: p.legacyEncryptedP256KeyPem, keyPassword: 'nope' })),
    want: { code: 'wrong-password', field: 'keyPassword', message: /Wrong key password/ },
  },
  {
    name: 'two certificates where one belongs',
    input: ks((p) => ({ certificate: p.leaves.p256.certPem + p.intermediatePem })),
    want: { code: 'invalid-argument', field: 'certificate', message: /Expected one certificate, found 2/ },
  },
  {
    name: 'a chain certificate that does not link',
    input: ks((p) => ({ chain: [p.intermediatePem, p.otherCaPem] })),
    want: {
      code: 'invalid-argument',
      field: 'chain',
      message: /Unrelated CA is not part of the chain of CN=node-p256\.example: it issued none/,
    },
  },
  {
    name: 'a chain missing its intermediate',
    input: ks((p) => ({ chain: p.rootPem })),
    want: {
      code: 'invalid-argument',
      field: 'chain',
      message: /stops at CN=node-p256\.example, whose issuer CN=Certbench Test Intermediate was not given/,
    },
  },
  {
    name: 'damaged certificate PEM',
    input: ks(() => ({ certificate: '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n' })),
    want: { code: 'invalid-pem', field: 'certificate', message: /base64 is damaged/ },
  },
  {
    name: 'too few iterations',
    input: ks(() => ({ iterations: 2048 })),
    want: { code: 'invalid-argument', field: 'iterations', message: /10,000 to 5,000,000/ },
  },
  {
    name: 'alias of blanks',
    input: ks(() => ({ alias: '   ' })),
    want: { code: 'invalid-argument', field: 'alias', message: /cannot be empty/ },
  },
  {
    name: 'truststore without any CA',
    input: ts(() => ({ cas: [] })),
    want: { code: 'not-found', field: 'ca', message: /at least one CA/ },
  },
  {
    name: 'truststore from a text with no certificate',
    input: ts(() => ({ cas: '' })),
    want: { code: 'not-found', field: 'ca', message: /at least one CA/ },
  },
  {
    name: 'truststore with a leaf certificate',
    input: ts((p) => ({ cas: [p.rootPem, p.leaves.rsa.certPem] })),
    want: { code: 'issuer-not-ca', field: 'ca', message: /node-rsa\.example is not a CA certificate/ },
  },
  {
    name: 'empty truststore password',
    input: ts(() => ({ password: '' })),
    want: { code: 'invalid-argument', field: 'password', message: /cannot be empty/ },
  },
  {
    name: 'wrong number of aliases',
    input: ts((p) => ({ cas: [p.rootPem, p.otherCaPem], aliases: ['one'] })),
    want: { code: 'invalid-argument', field: 'aliases', message: /2 CAs, 1 aliases/ },
  },
];

describe('PKCS#12 writers refuse bad input', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const run =
        'keystore' in row.input ? buildKeystore(row.input.keystore()) : buildTruststore(row.input.truststore());
      const err = await run.then(
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
