/**
 * `signCsr` keeps the requested subject as the requester encoded it: requests made by openssl with
 * several RDNs (order, string types, multi-valued RDNs, attributes certbench has no field for) come
 * back with the same subject bytes, judged by openssl's typed multiline print and by Python
 * cryptography's DER of each Name. A given CN replaces only the CN values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootCa, type CaResult } from './ca.ts';
import { signCsr } from './csr.ts';
import { run } from '../test/judges/tools.ts';

let ca: CaResult;
beforeAll(async () => {
  ca = await createRootCa({ subject: { commonName: 'Subject Root' } });
});

/** A P-256 request from openssl for `subj` (openssl's -subj syntax), with extra `req` flags. */
function opensslRequest(subj: string, flags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-subject-'));
  const key = join(dir, 'k.pem');
  const csr = join(dir, 'r.csr');
  const r = run('openssl', [
    'req',
    '-new',
    '-nodes',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    subj,
    ...flags,
  ]);
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return run('openssl', ['req', '-in', csr]).stdout;
}

/** openssl's print of a subject with each RDN on a line and its ASN.1 string type. */
function typedSubject(kind: 'req' | 'x509', pem: string): string {
  const r = run('openssl', [kind, '-noout', '-subject', '-nameopt', 'multiline,show_type,utf8,-esc_msb'], {
    input: pem,
  });
  if (r.status !== 0) throw new Error(`openssl ${kind} failed: ${r.stderr}`);
  return r.stdout.replace(/^subject=/, '');
}

/** Python cryptography (independent DER encoder): the subject DER of the request and of the certificate, hex. */
function subjectDer(csrPem: string, certPem: string): { csr: string; cert: string } {
  const script = [
    'import json, sys',
    'from cryptography import x509',
    'csr_pem, cert_pem = sys.stdin.read().split("\\n=====\\n")',
    'csr = x509.load_pem_x509_csr(csr_pem.encode())',
    'cert = x509.load_pem_x509_certificate(cert_pem.encode())',
    'print(json.dumps({"csr": csr.subject.public_bytes().hex(), "cert": cert.subject.public_bytes().hex()}))',
  ].join('\n');
  const r = run('python3', ['-c', script], { input: `${csrPem}\n=====\n${certPem}` });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { csr: string; cert: string };
}

const defaultMask = (() => {
  // string_mask = default lets openssl choose PrintableString where the text allows it.
  const dir = mkdtempSync(join(tmpdir(), 'certbench-subject-conf-'));
  const file = join(dir, 'req.cnf');
  writeFileSync(file, '[req]\ndistinguished_name = dn\nstring_mask = default\n[dn]\n');
  return file;
})();

const rows: { name: string; subj: string; flags: string[] }[] = [
  { name: 'CN, O, OU stays CN, O, OU (bug: it came back O, OU, CN)', subj: '/CN=worker-1/O=Acme/OU=ops', flags: [] },
  {
    name: 'C, ST, L, O, OU, CN as PrintableStrings keep their type',
    subj: '/C=DE/ST=Berlin/L=Berlin/O=Acme/OU=Ops/CN=worker 1',
    flags: ['-config', defaultMask],
  },
  { name: 'UTF-8 values', subj: '/O=Bäckerei Müller/CN=Ofen 東京', flags: ['-utf8'] },
  { name: 'a multi-valued RDN', subj: '/O=Acme/CN=db-1+UID=4711', flags: ['-multivalue-rdn'] },
  {
    name: 'attributes certbench has no field for (DC, emailAddress, serialNumber)',
    subj: '/DC=org/DC=example/serialNumber=0042/CN=host-1/emailAddress=ops@example.org',
    flags: [],
  },
];

describe('csr sign: the issued subject is the requested one, byte for byte', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const csrPem = opensslRequest(row.subj, row.flags);
      const issued = await signCsr(csrPem, ca, { profile: 'client', days: 5 });
      expect(typedSubject('x509', issued.certPem)).toBe(typedSubject('req', csrPem));
      const der = subjectDer(csrPem, issued.certPem);
      expect(der.cert).toBe(der.csr);
    });
  }
});

describe('csr sign with a new CN: only the CN values change', () => {
  const cases: { name: string; subj: string; cn: string; want: string }[] = [
    {
      name: 'the CN keeps its place between O and OU',
      subj: '/O=Acme/CN=old/OU=ops',
      cn: 'new name',
      want: 'O=Acme, CN=new name, OU=ops',
    },
    {
      name: 'a subject without a CN gets one last',
      subj: '/O=Acme/OU=ops',
      cn: 'added',
      want: 'O=Acme, OU=ops, CN=added',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const issued = await signCsr(opensslRequest(c.subj, []), ca, { profile: 'client', commonName: c.cn, days: 5 });
      const r = run('openssl', ['x509', '-noout', '-subject', '-nameopt', 'oneline,-space_eq,sep_comma_plus_space'], {
        input: issued.certPem,
      });
      expect(r.stdout.trim()).toBe(`subject=${c.want}`);
      expect(typedSubject('x509', issued.certPem)).toContain(`commonName                = UTF8STRING:${c.cn}`);
    });
  }
});
