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
let forgedRoot: x509.X509Certificate;
let crossRoot: Issuer;
let cross: x509.X509Certificate;

beforeAll(async () => {
  root = await makeCa('CN=Rel Root');
  inter = await makeCa('CN=Rel Intermediate', root);
  otherRoot = await makeCa('CN=Rel Root'); // same name, other key: must not be taken for the issuer
  leafKeys = await newKey();
  const spec = {
    subject: 'CN=rel.example',
    keys: leafKeys,
    issuer: inter,
    ca: false,
    keyUsage: KU.digitalSignature,
    san: [{ type: 'dns' as const, value: 'rel.example' }],
  };
  leaf = await makeCert(spec);
  renewed = await makeCert({ ...spec, serial: '02' });
  forged = await resign(leaf, (await newKey()).privateKey, (a) => {
    a.tbsCertificate.serialNumber = new Uint8Array([9]).buffer;
  });
  csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: 'CN=rel.example',
    keys: leafKeys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  spki = new Uint8Array(await crypto.subtle.exportKey('spki', leafKeys.publicKey));
  strangerSpki = new Uint8Array(await crypto.subtle.exportKey('spki', (await newKey()).publicKey));
  // The root's names, SKI and key, self-signed by some other key.
  forgedRoot = await resign(root.cert, (await newKey()).privateKey, (a) => {
    a.tbsCertificate.serialNumber = new Uint8Array([7]).buffer;
  });
  // The intermediate's name and key certified a second time, by another root.
  crossRoot = await makeCa('CN=Rel Cross Root');
  cross = await makeCert({
    subject: 'CN=Rel Intermediate',
    keys: inter.keys,
    issuer: crossRoot,
    ca: true,
    keyUsage: KU.keyCertSign,
    serial: '03',
  });
});

const cert = (c: x509.X509Certificate): RelationItem => ({ kind: 'certificate', der: c.rawData });

interface Row {
  name: string;
  items: () => RelationItem[];
  check: (r: Relations) => void;
}
const rows: Row[] = [
  {
    name: 'leaf, intermediate and root in shuffled order form one chain',
    items: () => [cert(root.cert), cert(leaf), cert(inter.cert)],
    check: (r) => expect(r.chains).toEqual([[1, 2, 0]]),
  },
  {
    name: 'a same-named root with another key is not the issuer',
    items: () => [cert(otherRoot.cert), cert(inter.cert), cert(root.cert)],
    check: (r) => {
      expect(r.issuedBy).toContainEqual({ subject: 1, issuer: 2 });
      expect(r.issuedBy).not.toContainEqual({ subject: 1, issuer: 0 });
    },
  },
  {
    name: 'a bad signature is no issuance',
    items: () => [cert(forged), cert(inter.cert)],
    check: (r) => expect(r.issuedBy).toEqual([]),
  },
  {
    name: 'self-signed root issues itself',
    items: () => [cert(root.cert)],
    check: (r) => expect(r.issuedBy).toEqual([{ subject: 0, issuer: 0 }]),
  },
  {
    name: 'a self-issued certificate whose self-signature was made by another key is no root',
    items: () => [cert(forgedRoot)],
    check: (r) => {
      expect(r.issuedBy).toEqual([]);
      expect(r.chains).toEqual([[0]]);
    },
  },
  {
    name: 'a forged self-signature is refused next to the genuine root with the same names and key',
    items: () => [cert(root.cert), cert(forgedRoot)],
    check: (r) => {
      expect(r.issuedBy).toContainEqual({ subject: 0, issuer: 0 });
      expect(r.issuedBy.filter((e) => e.subject === 1)).toEqual([]);
    },
  },
  {
    name: 'a cross-signed intermediate: the leaf has both certificates of its issuer key above it',
    items: () => [cert(leaf), cert(inter.cert), cert(cross), cert(root.cert), cert(crossRoot.cert)],
    check: (r) => {
      for (const e of [
        { subject: 0, issuer: 1 },
        { subject: 0, issuer: 2 },
        { subject: 1, issuer: 3 },
        { subject: 2, issuer: 4 },
      ])
        expect(r.issuedBy).toContainEqual(e);
      expect(r.issuedBy).not.toContainEqual({ subject: 1, issuer: 4 });
      expect(r.issuedBy).not.toContainEqual({ subject: 2, issuer: 3 });
      expect(r.chains).toEqual([[0, 1, 3]]);
    },
  },
  {
    name: 'DER given as a view into a larger buffer is read from the view only',
    items: () => [{ kind: 'certificate', der: embedded(leaf.rawData) }],
    check: (r) => {
      expect(r.ids).toEqual([sha256(leaf.rawData)]);
      expect(r.unreadable).toEqual([]);
    },
  },
  {
    name: 'key matches certificate and CSR, not a stranger',
    items: () => [
      { kind: 'key', spki },
      cert(leaf),
      { kind: 'csr', der: csr.rawData },
      { kind: 'key', spki: strangerSpki },
      cert(root.cert),
    ],
    check: (r) =>
      expect(r.keyMatches).toEqual([
        { key: 0, item: 1 },
        { key: 0, item: 2 },
      ]),
  },
  {
    name: 'the same certificate twice is a duplicate',
    items: () => [cert(leaf), cert(inter.cert), cert(leaf)],
    check: (r) => expect(r.duplicates).toEqual([[0, 2]]),
  },
  {
    name: 'a renewal shares the key but is no duplicate',
    items: () => [cert(leaf), cert(renewed)],
    check: (r) => {
      expect(r.duplicates).toEqual([]);
      expect(r.sameKey).toEqual([[0, 1]]);
    },
  },
  {
    name: 'ids are SHA-256 of the DER',
    items: () => [cert(leaf)],
    check: (r) => expect(r.ids[0]).toBe(sha256(leaf.rawData)),
  },
  {
    name: "a certificate's id given by the caller (the reader's fingerprint) is used as is, not hashed again",
    items: () => [{ kind: 'certificate', der: leaf.rawData, sha256: 'given' }, cert(leaf)],
    check: (r) => expect(r.ids).toEqual(['given', sha256(leaf.rawData)]),
  },
  {
    name: 'junk is unreadable, not an exception',
    items: () => [{ kind: 'certificate', der: new Uint8Array([1, 2, 3]) }, cert(leaf)],
    check: (r) => expect(r.unreadable).toEqual([0]),
  },
];

/** `der` inside junk, as a Uint8Array view that does not start at offset 0. */
function embedded(der: ArrayBuffer): Uint8Array {
  const all = new Uint8Array(der.byteLength + 10).fill(0xee);
  all.set(new Uint8Array(der), 5);
  return all.subarray(5, 5 + der.byteLength);
}

function sha256(der: ArrayBuffer): string {
  return (
    execFileSync('openssl', ['dgst', '-sha256', '-r'], { input: new Uint8Array(der), encoding: 'utf8' }).split(
      ' ',
    )[0] ?? ''
  );
}

describe('relate', () => {
  for (const row of rows) it(row.name, async () => row.check(await relate(row.items())));

  it('issuedBy agrees with Python cryptography verify_directly_issued_by', async () => {
    const all = [root.cert, inter.cert, otherRoot.cert, leaf, renewed, forged, forgedRoot, cross, crossRoot.cert];
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
      out = execFileSync('python3', ['-c', script], {
        input: JSON.stringify(all.map((c) => c.toString('pem'))),
        encoding: 'utf8',
      });
    } catch (e) {
      throw new Error('python3 with cryptography is needed (apt-get install python3-cryptography)', { cause: e });
    }
    const judge = JSON.parse(out) as number[][];
    expect(r.issuedBy.map((e) => [e.subject, e.issuer])).toEqual(judge);
  });
});
