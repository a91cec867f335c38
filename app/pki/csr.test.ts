import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate, SubjectAlternativeNameExtension, ExtendedKeyUsageExtension } from '@peculiar/x509';
import { createCsr, readCsr, signCsr } from './csr.ts';
import { createRootCa, type CaResult } from './ca.ts';
import { PkiError } from './errors.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH } from './profiles.ts';
import { opensslMakeCsr, opensslReqVerify, opensslVerify, opensslCheckIp } from '../test/judges/openssl.ts';
import type { KeyAlgorithmId } from './algorithms.ts';

let ca: CaResult;
beforeAll(async () => {
  ca = await createRootCa({ subject: { commonName: 'CSR Root' } });
});

function sansOf(pem: string): string[] {
  return (
    new X509Certificate(pem)
      .getExtension(SubjectAlternativeNameExtension)
      ?.names.items.map((n) => `${n.type}:${n.value}`) ?? []
  );
}

/** The same DER with its last byte (inside the signature) changed. */
function tamper(pem: string): string {
  const block = pemDecodeAll(pem).blocks[0];
  if (!block) throw new Error('no PEM');
  const der = new Uint8Array(block.der);
  der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
  return pemEncode('CERTIFICATE REQUEST', der);
}

describe('CSRs made here pass openssl req -verify and read back', () => {
  const algs: KeyAlgorithmId[] = ['p256', 'p384', 'p521', 'rsa2048', 'ed25519'];
  for (const algorithm of algs) {
    it(algorithm, async () => {
      const { csrPem, keyPem } = await createCsr({
        commonName: 'worker-1',
        sans: 'worker-1.example 10.1.0.1',
        algorithm,
        subject: { organization: 'crank' },
      });
      expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      const v = await opensslReqVerify(csrPem);
      expect(v.ok, v.output).toBe(true);
      const info = await readCsr(csrPem);
      expect(info).toMatchObject({
        subjectFields: { commonName: 'worker-1', organization: 'crank' },
        sans: [
          { kind: 'dns', value: 'worker-1.example' },
          { kind: 'ip', value: '10.1.0.1' },
        ],
        signatureValid: true,
        keyFamily: algorithm.startsWith('rsa') ? 'rsa' : algorithm === 'ed25519' ? 'ed25519' : 'ec',
      });
    });
  }
});

/** What Issue, Sign CSR and the CLI say when a node or server profile adds the CN to the SANs (issue 12). */
const ADDED =
  'Added DNS:w1.example (the common name) to the subject alternative names: TLS clients match the SANs, not the CN.';

describe('signing requests under a profile', () => {
  const rows = [
    {
      name: 'node keeps requested SANs, adds the CN',
      input: { profile: 'node' as const, sans: undefined },
      want: { sans: ['dns:w1.example', 'ip:10.1.0.1'], eku: [EKU_SERVER_AUTH, EKU_CLIENT_AUTH], notes: [ADDED] },
    },
    {
      name: 'server with SANs replaced',
      input: { profile: 'server' as const, sans: 'api.example, 10.2.0.2' },
      want: { sans: ['dns:w1.example', 'dns:api.example', 'ip:10.2.0.2'], eku: [EKU_SERVER_AUTH], notes: [ADDED] },
    },
    {
      name: 'server whose SANs already name the CN: nothing added, nothing said',
      input: { profile: 'server' as const, sans: 'w1.example' },
      want: { sans: ['dns:w1.example'], eku: [EKU_SERVER_AUTH], notes: [] },
    },
    {
      name: 'client keeps SANs as requested, CN not added',
      input: { profile: 'client' as const, sans: undefined },
      want: { sans: ['ip:10.1.0.1'], eku: [EKU_CLIENT_AUTH], notes: [] },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { csrPem } = await createCsr({ commonName: 'w1.example', sans: '10.1.0.1' });
      const issued = await signCsr(csrPem, ca, { profile: row.input.profile, sans: row.input.sans, days: 10 });
      expect(sansOf(issued.certPem)).toEqual(row.want.sans);
      // The same rule and the same sentence as Issue (issueLeaf) and the CLI: what was added is said.
      expect(issued.notes).toEqual(row.want.notes);
      expect(new X509Certificate(issued.certPem).getExtension(ExtendedKeyUsageExtension)?.usages).toEqual(row.want.eku);
      const v = await opensslVerify({
        rootPem: ca.certPem,
        certPem: issued.certPem,
        purpose: row.input.profile === 'server' ? 'sslserver' : 'sslclient',
      });
      expect(v.ok, v.output).toBe(true);
    });
  }
});

describe('CSRs made by openssl are signed here', () => {
  const keys = ['p256', 'p384', 'rsa2048', 'ed25519'] as const;
  for (const key of keys) {
    it(key, async () => {
      const { csrPem } = await opensslMakeCsr({ cn: 'db-3', san: 'DNS:db-3.example,IP:10.3.0.3', key });
      const issued = await signCsr(csrPem, ca, { profile: 'node', days: 10 });
      expect(sansOf(issued.certPem)).toEqual(['dns:db-3', 'dns:db-3.example', 'ip:10.3.0.3']);
      for (const purpose of ['sslserver', 'sslclient'] as const) {
        const v = await opensslVerify({ rootPem: ca.certPem, certPem: issued.certPem, purpose });
        expect(v.ok, v.output).toBe(true);
      }
      expect(await opensslCheckIp(issued.certPem, '10.3.0.3')).toBe(true);
    });
  }
});

describe('requested names certbench does not issue', () => {
  it('are dropped with a note, the rest kept', async () => {
    const { csrPem } = await opensslMakeCsr({
      cn: 'svc',
      san: 'DNS:svc.example,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:svc@corp.example',
    });
    const info = await readCsr(csrPem);
    expect(info.sans).toEqual([{ kind: 'dns', value: 'svc.example' }]);
    expect(info.unsupportedSans.length).toBe(1);
    const issued = await signCsr(csrPem, ca, { profile: 'server', days: 5 });
    expect(sansOf(issued.certPem)).toEqual(['dns:svc', 'dns:svc.example']);
    expect(issued.notes.join(' ')).toMatch(/Dropped requested names/);
  });
});

describe('bad requests get typed errors on "csr"', () => {
  const rows: { name: string; input: () => Promise<string | Uint8Array>; want: { code: string; message: RegExp } }[] = [
    {
      name: 'broken signature',
      input: async () => tamper((await createCsr({ commonName: 'x', sans: 'x.example' })).csrPem),
      want: { code: 'bad-signature', message: /does not verify/ },
    },
    {
      name: 'a certificate, not a request',
      input: () => Promise.resolve(ca.certPem),
      want: { code: 'invalid-csr', message: /no "CERTIFICATE REQUEST" block/ },
    },
    {
      name: 'plain text',
      input: () => Promise.resolve('hello, I am not a CSR'),
      want: { code: 'invalid-csr', message: /not a certificate request/ },
    },
    {
      name: 'DER that is not PKCS#10',
      input: () => Promise.resolve(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])),
      want: { code: 'invalid-csr', message: /not PKCS#10/ },
    },
    {
      name: 'CSR label around certificate bytes',
      input: () => Promise.resolve(ca.certPem.replace(/CERTIFICATE/g, 'CERTIFICATE REQUEST')),
      want: { code: 'invalid-csr', message: /not PKCS#10/ },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const input = await row.input();
      const e = await signCsr(input, ca, { profile: 'client' }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(PkiError);
      expect({ code: (e as PkiError).code, field: (e as PkiError).field }).toEqual({
        code: row.want.code,
        field: 'csr',
      });
      expect((e as PkiError).message).toMatch(row.want.message);
    });
  }
});
