import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as x509 from '@peculiar/x509';
import { relate, type RelationItem, type Relations } from './index.ts';
import { makeCa, makeCert, newKey, resign, type Issuer } from '../validate/test-kit.ts';

const KU = x509.KeyUsageFlags;
let root: Issuer;
let inter: Issuer;
let otherRoot: Issuer;
let leafKeys: CryptoKeyPair;
let leaf: x509.X509Certificate;
let renewed: x509.X509Certificate;
let forged: x509.X509Certificate;
let csr: x509.Pkcs10CertificateRequest;
let spki: Uint8Array;
let strangerSpki: Uint8Array;

beforeAll(async () => {
  root = await makeCa('CN=Rel Root');
  inter = await makeCa('CN=Rel Intermediate', root);
  otherRoot = await makeCa('CN=Rel Root'); // same name, other key: must not be taken for the issuer
  leafKeys = await newKey();
  const spec = { subject: 'CN=rel.example', keys: leafKeys, issuer: inter, ca: false, keyUsage: KU.digitalSignature, san: [{ type: 'dns' as const, value: 'rel.example' }] };
  leaf = await makeCert(spec);
  renewed = await makeCert({ ...spec, serial: '02' });
  forged = await resign(leaf, (await newKey()).privateKey, (a) => { a.tbsCertificate.serialNumber = new Uint8Array([9]).buffer; });
  csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=rel.example', keys: leafKeys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } });
  spki = new Uint8Array(await crypto.subtle.exportKey('spki', leafKeys.publicKey));
  strangerSpki = new Uint8Array(await crypto.subtle.exportKey('spki', (await newKey()).publicKey));
});

const cert = (c: x509.X509Certificate): RelationItem => ({ kind: 'certificate', der: c.rawData });

interface Row { name: string; items: () => RelationItem[]; check: (r: Relations) => void }
const rows: Row[] = [
  { name: 'leaf, intermediate and root in shuffled order form one chain', items: () => [cert(root.cert), cert(leaf), cert(inter.cert)],
    check: (r) => expect(r.chains).toEqual([[1, 2, 0]]) },
  { name: 'a same-named root with another key is not the issuer', items: () => [cert(otherRoot.cert), cert(inter.cert), cert(root.cert)],
    check: (r) => {
      expect(r.issuedBy).toContainEqual({ subject: 1, issuer: 2 });
      expect(r.issuedBy).not.toContainEqual({ subject: 1, issuer: 0 });
    } },
  { name: 'a bad signature is no issuance', items: () => [cert(forged), cert(inter.cert)],
    check: (r) => expect(r.issuedBy).toEqual([]) },
  { name: 'self-signed root issues itself', items: () => [cert(root.cert)],
    check: (r) => expect(r.issuedBy).toEqual([{ subject: 0, issuer: 0 }]) },
  { name: 'key matches certificate and CSR, not a stranger', items: () => [{ kind: 'key', spki }, cert(leaf), { kind: 'csr', der: csr.rawData }, { kind: 'key', spki: strangerSpki }, cert(root.cert)],
    check: (r) => expect(r.keyMatches).toEqual([{ key: 0, item: 1 }, { key: 0, item: 2 }]) },
  { name: 'the same certificate twice is a duplicate', items: () => [cert(leaf), cert(inter.cert), cert(leaf)],
    check: (r) => expect(r.duplicates).toEqual([[0, 2]]) },
  { name: 'a renewal shares the key but is no duplicate', items: () => [cert(leaf), cert(renewed)],
    check: (r) => {
      expect(r.duplicates).toEqual([]);
      expect(r.sameKey).toEqual([[0, 1]]);
    } },
  { name: 'ids are SHA-256 of the DER', items: () => [cert(leaf)],
    check: (r) => expect(r.ids[0]).toBe(sha256(leaf.rawData)) },
  { name: 'junk is unreadable, not an exception', items: () => [{ kind: 'certificate', der: new Uint8Array([1, 2, 3]) }, cert(leaf)],
    check: (r) => expect(r.unreadable).toEqual([0]) },
];

function sha256(der: ArrayBuffer): string {
  return execFileSync('openssl', ['dgst', '-sha256', '-r'], { input: new Uint8Array(der), encoding: 'utf8' }).split(' ')[0] ?? '';
}

describe('relate', () => {
  for (const row of rows) it(row.name, async () => row.check(await relate(row.items())));

  it('issuedBy agrees with Python cryptography verify_directly_issued_by', async () => {
    const all = [root.cert, inter.cert, otherRoot.cert, leaf, renewed, forged];
    const r = await relate(all.map(cert));
    const script = `
import sys, json
from cryptography import x509
certs = [x509.load_pem_x509_certificate(p.encode()) for p in json.load(sys.stdin)]
pairs = []
for i, s in enumerate(certs):
    for j, c in enumerate(certs):
        try:
            s.verify_directly_issued_by(c); pairs.append([i, j])
        except Exception:
            pass
print(json.dumps(pairs))`;
    let out: string;
    try {
      out = execFileSync('python3', ['-c', script], { input: JSON.stringify(all.map((c) => c.toString('pem'))), encoding: 'utf8' });
    } catch (e) {
      throw new Error('python3 with cryptography is needed (apt-get install python3-cryptography)', { cause: e });
    }
    const judge = JSON.parse(out) as number[][];
    expect(r.issuedBy.map((e) => [e.subject, e.issuer])).toEqual(judge);
  });
});
