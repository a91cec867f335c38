/**
 * ML-DSA chains, keys and CSRs made by certbench in Node (the library engine), judged by python
 * `cryptography` 48: every signature over each tbsCertificate and CSR verifies with the issuer's
 * key, every private key loads and belongs to its certificate. And the reverse: python's keys are
 * read by certbench, certified by it, and python's signatures verify here.
 */
import { describe, expect, it } from 'vitest';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { pythonMlDsaKeys, pythonMlDsaVerdicts, type PythonMlDsaInput } from '../../test/judges/python-ml-dsa.ts';
import type { KeyAlgorithmId } from '../algorithms.ts';
import { createIntermediateCa, createRootCa, type CaResult } from '../ca.ts';
import { mlDsaEngine, defaultCrypto } from '../crypto.ts';
import { createCsr, readCsr, signCsr } from '../csr.ts';
import { issueLeaf } from '../issue.ts';
import { issueBatch } from '../batch.ts';
import { importPrivateKey, pkcs8AlgorithmId, publicKeyFromPrivate } from '../keys.ts';
import { pemDecodeAll } from '../pem.ts';
import type { LeafProfile } from '../profiles.ts';

const derOf = (pem: string) => (pemDecodeAll(pem).blocks[0] as { der: ArrayBuffer }).der;

/** Each signature algorithm and SPKI algorithm identifier of a certificate has no parameters when it is ML-DSA (RFC 9881 §2). */
function algorithmParameters(pem: string): (ArrayBuffer | null | undefined)[] {
  const c = AsnConvert.parse(derOf(pem), Certificate);
  const ids = [c.signatureAlgorithm, c.tbsCertificate.signature, c.tbsCertificate.subjectPublicKeyInfo.algorithm];
  return ids.filter((a) => a.algorithm.startsWith('2.16.840.1.101.3.4.3.')).map((a) => a.parameters);
}

function keyUsage(pem: string): number {
  return new X509Certificate(pem).getExtension(KeyUsagesExtension)?.usages ?? -1;
}

const CA_USAGE = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign;

interface ChainRow {
  name: string;
  root: KeyAlgorithmId;
  intermediate?: KeyAlgorithmId;
  leaves: { profile: LeafProfile; algorithm: KeyAlgorithmId }[];
}

const CHAINS: ChainRow[] = [
  { name: 'ML-DSA-44 root, ML-DSA-65 intermediate, ML-DSA-87 leaves', root: 'mldsa44', intermediate: 'mldsa65', leaves: [{ profile: 'server', algorithm: 'mldsa87' }, { profile: 'client', algorithm: 'mldsa44' }] },
  { name: 'ML-DSA-65 root over node, server and client leaves', root: 'mldsa65', leaves: [{ profile: 'node', algorithm: 'mldsa65' }, { profile: 'server', algorithm: 'mldsa65' }, { profile: 'client', algorithm: 'mldsa65' }] },
  { name: 'mixed: ML-DSA-65 root over ECDSA leaves', root: 'mldsa65', leaves: [{ profile: 'node', algorithm: 'p256' }, { profile: 'client', algorithm: 'p384' }] },
  { name: 'mixed: ECDSA P-256 root over ML-DSA leaves', root: 'p256', leaves: [{ profile: 'node', algorithm: 'mldsa65' }, { profile: 'client', algorithm: 'mldsa44' }] },
  { name: 'mixed: ML-DSA-87 root, RSA intermediate, ML-DSA-44 leaf', root: 'mldsa87', intermediate: 'rsa2048', leaves: [{ profile: 'server', algorithm: 'mldsa44' }] },
];

async function makeChain(row: ChainRow) {
  const root = await createRootCa({ subject: { commonName: `${row.root} root` }, algorithm: row.root });
  const issuer: CaResult = row.intermediate ? await createIntermediateCa({ subject: { commonName: `${row.intermediate} intermediate` }, algorithm: row.intermediate }, root) : root;
  const leaves = [];
  for (const [i, l] of row.leaves.entries()) {
    leaves.push({ ...l, ...(await issueLeaf({ profile: l.profile, commonName: `leaf-${i}.example`, algorithm: l.algorithm, keyPassphrase: i === 0 ? 'pq secret' : undefined }, issuer)) });
  }
  return { root, issuer, leaves };
}

describe('certbench ML-DSA chains, judged by python cryptography 48', () => {
  it('runs the library engine in Node 20 (no ML-DSA in its WebCrypto)', async () => {
    expect(await mlDsaEngine(defaultCrypto())).toBe('library');
  });

  for (const row of CHAINS) {
    it(row.name, async () => {
      const { root, issuer, leaves } = await makeChain(row);
      const input: PythonMlDsaInput = { certificates: [{ name: 'root', pem: root.certPem, issuer: 'root' }], csrs: [], keys: [{ name: 'root key', pem: root.keyPem, certificate: 'root' }] };
      if (issuer !== root) {
        input.certificates.push({ name: 'intermediate', pem: issuer.certPem, issuer: 'root' });
        input.keys.push({ name: 'intermediate key', pem: issuer.keyPem, certificate: 'intermediate' });
      }
      const issuerName = issuer === root ? 'root' : 'intermediate';
      leaves.forEach((l, i) => {
        input.certificates.push({ name: `leaf ${i}`, pem: l.certPem, issuer: issuerName });
        input.keys.push({ name: `leaf ${i} key`, pem: l.keyPem, certificate: `leaf ${i}`, password: i === 0 ? 'pq secret' : undefined });
      });
      const verdicts = await pythonMlDsaVerdicts(input);
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
      expect(verdicts).toHaveLength(input.certificates.length + input.keys.length);

      // RFC 9881 §2 and §5: no algorithm parameters; KeyUsage digitalSignature, CAs keyCertSign + cRLSign, never an encipherment bit.
      const mlDsaCerts = [root, ...(issuer === root ? [] : [issuer])].map((c, i) => ({ pem: c.certPem, ca: true, alg: i === 0 ? row.root : row.intermediate }));
      mlDsaCerts.push(...leaves.map((l) => ({ pem: l.certPem, ca: false, alg: l.algorithm })));
      for (const c of mlDsaCerts) {
        for (const p of algorithmParameters(c.pem)) expect(p).toBeUndefined();
        if (!c.alg?.startsWith('mldsa')) continue;
        expect(keyUsage(c.pem)).toBe(c.ca ? CA_USAGE | KeyUsageFlags.digitalSignature : KeyUsageFlags.digitalSignature);
      }
    });
  }
});

describe('batches (the DER template path) with ML-DSA, judged by python cryptography 48', () => {
  const rows: { name: string; ca: KeyAlgorithmId; leaves: KeyAlgorithmId }[] = [
    { name: 'ML-DSA-65 CA, ML-DSA-44 nodes', ca: 'mldsa65', leaves: 'mldsa44' },
    { name: 'ML-DSA-87 CA, ECDSA nodes', ca: 'mldsa87', leaves: 'p256' },
    { name: 'ECDSA CA, ML-DSA-65 nodes', ca: 'p384', leaves: 'mldsa65' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const ca = await createRootCa({ subject: { commonName: 'batch CA' }, algorithm: row.ca });
      const batch = await issueBatch('node-1 10.0.0.1\nnode-2 10.0.0.2 node-2.example\nnode-3 10.0.0.3', ca, { algorithm: row.leaves, days: 30 });
      const verdicts = await pythonMlDsaVerdicts({
        certificates: [{ name: 'ca', pem: ca.certPem, issuer: 'ca' }, ...batch.items.map((i) => ({ name: i.name, pem: i.certPem, issuer: 'ca' }))],
        csrs: [],
        keys: batch.items.map((i) => ({ name: `${i.name} key`, pem: i.keyPem, certificate: i.name })),
      });
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
      expect(verdicts).toHaveLength(7);
      for (const i of batch.items) for (const p of algorithmParameters(i.certPem)) expect(p).toBeUndefined();
    });
  }
});

describe('ML-DSA CSRs, judged by python cryptography 48', () => {
  const rows: { name: string; algorithm: KeyAlgorithmId; ca: KeyAlgorithmId }[] = [
    { name: 'ML-DSA-44 request signed by an ML-DSA-65 CA', algorithm: 'mldsa44', ca: 'mldsa65' },
    { name: 'ML-DSA-65 request signed by an ECDSA CA', algorithm: 'mldsa65', ca: 'p256' },
    { name: 'ML-DSA-87 request signed by an ML-DSA-87 CA', algorithm: 'mldsa87', ca: 'mldsa87' },
    { name: 'ECDSA request signed by an ML-DSA-44 CA', algorithm: 'p256', ca: 'mldsa44' },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const ca = await createRootCa({ subject: { commonName: 'CSR CA' }, algorithm: row.ca });
      const csr = await createCsr({ commonName: 'req.example', sans: 'req.example', algorithm: row.algorithm });
      const info = await readCsr(csr.csrPem);
      expect(info.signatureValid).toBe(true);
      expect(info.keyFamily).toBe(row.algorithm.startsWith('mldsa') ? 'ml-dsa' : 'ec');
      const issued = await signCsr(csr.csrPem, ca, { profile: 'server' });
      const verdicts = await pythonMlDsaVerdicts({
        certificates: [{ name: 'ca', pem: ca.certPem, issuer: 'ca' }, { name: 'leaf', pem: issued.certPem, issuer: 'ca' }],
        csrs: [{ name: 'csr', pem: csr.csrPem }],
        keys: [{ name: 'key', pem: csr.keyPem, certificate: 'leaf' }],
      });
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
      expect(verdicts.find((v) => v.what === 'csr')?.detail).toMatch(row.algorithm.startsWith('mldsa') ? /^MLDSA\d\d 2\.16\.840\.1\.101\.3\.4\.3\.1[789]$/ : /^EC 1\.2\.840\.10045\.4\.3\.2$/);
    });
  }
});

describe('keys made by python cryptography are read by certbench', () => {
  it('ML-DSA-44, -65 and -87: algorithm, public key, signatures both ways, and a certificate python verifies', async () => {
    const keys = await pythonMlDsaKeys(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']);
    const crypto = defaultCrypto();
    for (const k of keys) {
      const pkcs8 = derOf(k.pkcs8Pem);
      const id = pkcs8AlgorithmId(pkcs8);
      expect(id).toBe(`mldsa${k.name.slice(-2)}`);
      expect(Convert.ToHex(await publicKeyFromPrivate(pkcs8))).toBe(Convert.ToHex(derOf(k.spkiPem)));
      const publicKey = await crypto.subtle.importKey('spki', derOf(k.spkiPem), { name: k.name }, true, ['verify']);
      expect(await crypto.subtle.verify({ name: k.name }, publicKey, Convert.FromHex(k.signature), Convert.FromHex(k.message))).toBe(true);
      expect(await crypto.subtle.verify({ name: k.name }, publicKey, Convert.FromHex(k.signature), new Uint8Array([1]))).toBe(false);

      // python's key as a CA: certbench certifies with it, python checks the result.
      const { privateKey } = await importPrivateKey(pkcs8);
      expect(privateKey.algorithm.name).toBe(k.name);
      const ca = await createRootCa({ subject: { commonName: `python ${k.name}` }, keyPem: k.pkcs8Pem, algorithm: id });
      const leaf = await issueLeaf({ profile: 'server', commonName: 'py.example', algorithm: 'mldsa44' }, ca);
      const verdicts = await pythonMlDsaVerdicts({
        certificates: [{ name: 'ca', pem: ca.certPem, issuer: 'ca' }, { name: 'leaf', pem: leaf.certPem, issuer: 'ca' }],
        csrs: [],
        keys: [{ name: 'ca key', pem: ca.keyPem, certificate: 'ca', spkiPem: k.spkiPem }],
      });
      expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    }
  });
});
