// explain() and summarize() over certificates openssl makes with every extension the issue
// names. Each row finds a node by its label path and checks its value against what
// `openssl x509 -text` prints for the same certificate (the judge), or against a fixed want.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInput } from '../read/read-input.ts';
import { judge, python } from '../read/test-judges.ts';
import type { CertificateItem, Item } from '../read/types.ts';
import { explain } from './explain.ts';
import { summarize } from './summary.ts';
import { treeToText, type TreeNode } from './tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'certbench-explain-'));
const EXT = [
  'basicConstraints=critical,CA:TRUE,pathlen:1',
  'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
  'extendedKeyUsage=serverAuth,clientAuth,1.2.3.4.5',
  'subjectAltName=DNS:node1.example,DNS:xn--bcher-kva.example,IP:10.0.0.1,IP:2001:db8::1,email:ops@example.com,URI:spiffe://cluster/node1,RID:1.2.3.4',
  'crlDistributionPoints=URI:http://crl.example/ca.crl',
  'authorityInfoAccess=OCSP;URI:http://ocsp.example,caIssuers;URI:http://ca.example/ca.crt',
  'certificatePolicies=2.23.140.1.2.1,1.3.6.1.4.1.99999.1',
  'nameConstraints=critical,permitted;DNS:.example,permitted;IP:10.0.0.0/255.0.0.0,excluded;email:.bad.example',
  '1.2.3.4.5.6=DER:0403010203',
];
const MAKE = `
set -e
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out full.crt -subj "/C=DE/O=Acme, Inc./CN=Test CA" -days 30 ${EXT.map((e) => `-addext "${e}"`).join(' ')}
openssl x509 -in full.crt -text -noout > full.txt
openssl req -new -key ca.key -subj "/CN=csr.example" -addext "subjectAltName=DNS:csr.example" -out ca.csr
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout bad.key -out bad-san.crt -subj "/CN=bad" -days 1 -addext "2.5.29.17=DER:0401ff" -addext "2.5.29.15=DER:03020780"
`;

// OpenSSL 3.0 cannot set arbitrary dates without a CA database; Python cryptography can.
const CRL_PY = `
import datetime, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
key = ec.generate_private_key(ec.SECP256R1())
utc = datetime.timezone.utc
now = datetime.datetime(2025, 1, 1, tzinfo=utc)
b = x509.CertificateRevocationListBuilder().issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'Test CA')]))
b = b.last_update(now).next_update(now + datetime.timedelta(days=7)).add_extension(x509.CRLNumber(7), False)
r = x509.RevokedCertificateBuilder().serial_number(0x1234).revocation_date(now).add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), False)
b = b.add_revoked_certificate(r.build())
b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0xabcdef).revocation_date(now).build())
sys.stdout.buffer.write(b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
`;

const OLD_PY = `
import datetime, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'old')])
utc = datetime.timezone.utc
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
  .serial_number(1).not_valid_before(datetime.datetime(2020, 1, 1, tzinfo=utc))
  .not_valid_after(datetime.datetime(2021, 1, 1, tzinfo=utc)).sign(key, hashes.SHA256()))
sys.stdout.buffer.write(cert.public_bytes(serialization.Encoding.PEM))
`;

function find(tree: TreeNode, path: string[]): TreeNode | undefined {
  let at: TreeNode | undefined = tree;
  for (const label of path) at = at?.children?.find((c) => c.label === label);
  return at;
}

async function cert(name: string): Promise<CertificateItem> {
  const [item] = await readInput({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
  if (item?.kind !== 'certificate') throw new Error(`no certificate in ${name}`);
  return item;
}

beforeAll(() => {
  judge('sh', ['-c', MAKE], undefined, dir);
  writeFileSync(join(dir, 'old.crt'), python(OLD_PY));
  writeFileSync(join(dir, 'revoked.crl'), python(CRL_PY));
});

async function items(...names: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for (const name of names)
    out.push(...(await readInput({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
  return out;
}

describe('CSRs, keys and CRLs', () => {
  const rows: { name: string; files: string[]; pick: number; want: RegExp }[] = [
    {
      name: 'a CSR shows subject, requested SAN and a valid signature',
      files: ['ca.csr'],
      pick: 0,
      want: /Subject: CN=csr\.example[\s\S]*Signature: valid[\s\S]*Requested extensions: 1\n {4}Subject alternative names: 1 name\n {6}DNS: csr\.example/,
    },
    {
      name: 'a key names the certificate and CSR it belongs to',
      files: ['full.crt', 'ca.csr', 'ca.key'],
      pick: 2,
      want: /Key: RSA 2048[\s\S]*Matches: certificate full\.crt, request ca\.csr/,
    },
    {
      name: 'a key with nothing loaded says how to check it',
      files: ['bad.key', 'full.crt'],
      pick: 0,
      want: /Key: ECDSA P-384[\s\S]*Matches: no loaded certificate or request/,
    },
    {
      name: 'a CRL shows issuer, dates, CRL number and revoked serials with reasons',
      files: ['revoked.crl'],
      pick: 0,
      want: /Issuer: CN=Test CA[\s\S]*This update: 2025-01-01T00:00:00Z\n {2}Next update: 2025-01-08T00:00:00Z[\s\S]*Revoked certificates: 2\n {4}1234: 2025-01-01T00:00:00Z\n {6}CRL reason: keyCompromise\n {4}abcdef: 2025-01-01T00:00:00Z[\s\S]*CRL number: 7/,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const loaded = await items(...row.files);
      const item = loaded[row.pick];
      if (!item) throw new Error('missing item');
      expect(treeToText(explain(item, { others: loaded }))).toMatch(row.want);
    });
  }

  it('a CSR whose signature was tampered with says INVALID', async () => {
    const [csr] = await items('ca.csr');
    if (csr?.kind !== 'csr') throw new Error('no CSR');
    const der = new Uint8Array(csr.der).slice();
    der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0xff;
    const [bad] = await readInput({ bytes: der });
    expect(bad?.kind === 'csr' && bad.signatureValid).toBe(false);
    expect(treeToText(explain(bad ?? csr))).toContain('Signature: INVALID');
  });
});

describe('explain a certificate with every extension', () => {
  let tree: TreeNode;
  let openssl: string;
  beforeAll(async () => {
    tree = explain(await cert('full.crt'), { now: new Date() });
    openssl = readFileSync(join(dir, 'full.txt'), 'utf8');
  });

  const rows: { name: string; path: string[]; want: RegExp; opensslHas?: string }[] = [
    { name: 'subject', path: ['Subject'], want: /^CN=Test CA,O=Acme\\, Inc\.,C=DE$/ },
    { name: 'validity', path: ['Validity'], want: /^(29|30) days left$/ },
    { name: 'public key', path: ['Public key'], want: /^RSA 2048$/, opensslHas: 'Public-Key: (2048 bit)' },
    {
      name: 'signature algorithm',
      path: ['Signature algorithm'],
      want: /^sha256WithRSAEncryption/,
      opensslHas: 'sha256WithRSAEncryption',
    },
    {
      name: 'basic constraints',
      path: ['Extensions', 'Basic constraints'],
      want: /^CA, path length 1$/,
      opensslHas: 'CA:TRUE, pathlen:1',
    },
    {
      name: 'key usage',
      path: ['Extensions', 'Key usage'],
      want: /^digitalSignature, keyCertSign, cRLSign$/,
      opensslHas: 'Digital Signature, Certificate Sign, CRL Sign',
    },
    {
      name: 'extended key usage',
      path: ['Extensions', 'Extended key usage'],
      want: /^serverAuth, clientAuth, 1\.2\.3\.4\.5$/,
      opensslHas: 'TLS Web Server Authentication, TLS Web Client Authentication, 1.2.3.4.5',
    },
    { name: 'SAN count', path: ['Extensions', 'Subject alternative names'], want: /^7 names$/ },
    {
      name: 'CRL distribution point',
      path: ['Extensions', 'CRL distribution points'],
      want: /^http:\/\/crl\.example\/ca\.crl$/,
      opensslHas: 'URI:http://crl.example/ca.crl',
    },
    {
      name: 'AIA OCSP',
      path: ['Extensions', 'Authority information access', 'OCSP'],
      want: /^http:\/\/ocsp\.example$/,
      opensslHas: 'OCSP - URI:http://ocsp.example',
    },
    {
      name: 'AIA CA issuers',
      path: ['Extensions', 'Authority information access', 'CA issuers'],
      want: /^http:\/\/ca\.example\/ca\.crt$/,
      opensslHas: 'CA Issuers - URI:http://ca.example/ca.crt',
    },
    {
      name: 'unknown extension shown raw',
      path: ['Extensions', 'Extension 1.2.3.4.5.6', 'Value (DER hex)'],
      want: /^04:03:01:02:03$/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(find(tree, row.path)?.value).toMatch(row.want);
      if (row.opensslHas) expect(openssl).toContain(row.opensslHas);
    });
  }

  it('SAN entries, with the IDN as U-label note, IPv6 compressed, as openssl lists them', () => {
    const sans = find(tree, ['Extensions', 'Subject alternative names'])?.children ?? [];
    expect(sans.map((n) => `${n.label}:${n.value ?? ''}${n.note ? ` (${n.note})` : ''}`)).toEqual([
      'DNS:node1.example',
      'DNS:xn--bcher-kva.example (IDN: bücher.example)',
      'IP address:10.0.0.1',
      'IP address:2001:db8::1',
      'Email:ops@example.com',
      'URI:spiffe://cluster/node1',
      'Registered ID:1.2.3.4',
    ]);
    expect(openssl).toContain(
      'DNS:node1.example, DNS:xn--bcher-kva.example, IP Address:10.0.0.1, IP Address:2001:DB8:0:0:0:0:0:1, email:ops@example.com, URI:spiffe://cluster/node1, Registered ID:1.2.3.4',
    );
  });

  it('policies and name constraints', () => {
    const text = treeToText(tree);
    expect(text).toContain('Policy: CA/B domain validated (2.23.140.1.2.1)');
    expect(text).toContain('Policy: 1.3.6.1.4.1.99999.1');
    const nc = find(tree, ['Extensions', 'Name constraints']);
    expect(treeToText(nc ?? { label: '' })).toMatch(
      /Critical: yes[\s\S]*Permitted[\s\S]*DNS: \.example[\s\S]*IP address: 10\.0\.0\.0\/8[\s\S]*Excluded[\s\S]*Email: \.bad\.example/,
    );
    expect(openssl).toContain('IP:10.0.0.0/255.0.0.0');
  });

  it('fingerprints agree with openssl x509 -fingerprint', async () => {
    const item = await cert('full.crt');
    const sha256 = judge('openssl', ['x509', '-in', join(dir, 'full.crt'), '-noout', '-fingerprint', '-sha256']);
    const sha1 = judge('openssl', ['x509', '-in', join(dir, 'full.crt'), '-noout', '-fingerprint', '-sha1']);
    expect(find(tree, ['Fingerprints', 'SHA-256'])?.value).toBe(item.fingerprints.sha256);
    expect(sha256.split('=')[1]?.trim().replace(/:/g, '').toLowerCase()).toBe(item.fingerprints.sha256);
    expect(sha1.split('=')[1]?.trim().replace(/:/g, '').toLowerCase()).toBe(item.fingerprints.sha1);
  });

  it('summary fields', async () => {
    const s = summarize(await cert('full.crt'), { lint: false });
    expect(s).toMatchObject({
      isCA: true,
      pathLength: 1,
      keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
      extendedKeyUsage: ['serverAuth', 'clientAuth', '1.2.3.4.5'],
      publicKey: { algorithm: 'RSA', size: 2048 },
      signatureAlgorithm: 'sha256WithRSAEncryption',
    });
    if (s.kind !== 'certificate') throw new Error('not a certificate summary');
    expect(s.subjectAltNames).toContainEqual({ type: 'ip', value: '2001:db8::1' });
  });
});

describe('degraded and dated certificates', () => {
  const rows: {
    name: string;
    file: string;
    now: Date;
    check: (tree: TreeNode, summary: Record<string, unknown>) => void;
  }[] = [
    {
      name: 'a SAN that does not decode degrades to raw with a note; the rest still shows',
      file: 'bad-san.crt',
      now: new Date(),
      check: (tree, summary) => {
        const san = find(tree, ['Extensions', 'Subject alternative names']);
        expect(san?.note).toMatch(/does not decode/);
        expect(find(san ?? { label: '' }, ['Value (DER hex)'])?.value).toBe('04:01:ff');
        expect(find(tree, ['Extensions', 'Key usage'])?.value).toBe('digitalSignature');
        expect(find(tree, ['Public key'])?.value).toBe('ECDSA P-384');
        expect(summary.findings).toContainEqual(expect.objectContaining({ code: 'undecodable-extension' }));
      },
    },
    {
      name: 'an expired certificate says so in the tree and in the findings',
      file: 'old.crt',
      now: new Date(Date.UTC(2022, 0, 1)),
      check: (tree, summary) => {
        expect(find(tree, ['Validity'])?.value).toBe('expired 365 days ago');
        expect(summary.findings).toContainEqual(expect.objectContaining({ code: 'expired', severity: 'error' }));
      },
    },
    {
      name: 'a certificate not yet valid says so',
      file: 'old.crt',
      now: new Date(Date.UTC(2019, 11, 31)),
      check: (tree, summary) => {
        expect(find(tree, ['Validity'])?.value).toBe('not valid for another 1 days');
        expect(summary.findings).toContainEqual(expect.objectContaining({ code: 'not-yet-valid' }));
      },
    },
    {
      name: 'validity bounds are inclusive',
      file: 'old.crt',
      now: new Date(Date.UTC(2021, 0, 1)),
      check: (_tree, summary) => {
        expect((summary.findings as { code: string }[]).map((f) => f.code)).not.toContain('expired');
      },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const item = await cert(row.file);
      row.check(explain(item, { now: row.now }), { ...summarize(item, { now: row.now }) });
    });
  }

  it('error items explain as an error node', () => {
    const item: Item = { kind: 'error', source: 'x.pem', code: 'invalid-pem', message: 'No PEM block found.' };
    expect(explain(item)).toEqual({ label: 'Error', value: 'No PEM block found.', note: 'x.pem (invalid-pem)' });
    expect(summarize(item)).toEqual({
      kind: 'error',
      source: 'x.pem',
      code: 'invalid-pem',
      message: 'No PEM block found.',
    });
  });
});
