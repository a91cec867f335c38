/**
 * ML-DSA chains, batches, keys and CSRs made by certbench in Node (the library engine), judged by
 * python `cryptography` 48: every signature over each tbsCertificate and CSR verifies with the
 * issuer's (or requester's) key, every private key loads and belongs to its certificate. And the
 * reverse: python's keys are read by certbench, certified by it, and python's signatures verify
 * here. Everything is made first and judged by one python process (ML-DSA in pure JS is slow).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import {
  pythonMlDsaKeys,
  pythonMlDsaVerdicts,
  type PythonMlDsaInput,
  type PythonMlDsaVerdict,
} from '../../test/judges/python-ml-dsa.ts';
import type { KeyAlgorithmId } from '../algorithms.ts';
import { issueBatch } from '../batch.ts';
import { createIntermediateCa, createRootCa, type CaResult } from '../ca.ts';
import { defaultCrypto, mlDsaEngine } from '../crypto.ts';
import { createCsr, readCsr, signCsr } from '../csr.ts';
import { issueLeaf } from '../issue.ts';
import { importPrivateKey, pkcs8AlgorithmId, publicKeyFromPrivate } from '../keys.ts';
import { pemDecodeAll } from '../pem.ts';
import type { LeafProfile } from '../profiles.ts';

const derOf = (pem: string) => (pemDecodeAll(pem).blocks[0] as { der: ArrayBuffer }).der;

/** The parameters of each ML-DSA AlgorithmIdentifier of a certificate (RFC 9881 §2: absent). */
function mlDsaAlgorithmParameters(pem: string): (ArrayBuffer | null | undefined)[] {
  const c = AsnConvert.parse(derOf(pem), Certificate);
  const ids = [c.signatureAlgorithm, c.tbsCertificate.signature, c.tbsCertificate.subjectPublicKeyInfo.algorithm];
  return ids.filter((a) => a.algorithm.startsWith('2.16.840.1.101.3.4.3.')).map((a) => a.parameters);
}

function keyUsage(pem: string): number {
  return new X509Certificate(pem).getExtension(KeyUsagesExtension)?.usages ?? -1;
}

interface ChainRow {
  name: string;
  root: KeyAlgorithmId;
  intermediate?: KeyAlgorithmId;
  leaves: { profile: LeafProfile; algorithm: KeyAlgorithmId }[];
}

const CHAINS: ChainRow[] = [
  {
    name: 'ML-DSA-44 root, ML-DSA-65 intermediate, ML-DSA-87 and -44 leaves',
    root: 'mldsa44',
    intermediate: 'mldsa65',
    leaves: [
      { profile: 'server', algorithm: 'mldsa87' },
      { profile: 'client', algorithm: 'mldsa44' },
    ],
  },
  {
    name: 'mixed: ML-DSA-65 root over an ECDSA leaf',
    root: 'mldsa65',
    leaves: [{ profile: 'node', algorithm: 'p256' }],
  },
  {
    name: 'mixed: ECDSA root over an ML-DSA-65 leaf',
    root: 'p256',
    leaves: [{ profile: 'node', algorithm: 'mldsa65' }],
  },
];

const CSRS: { name: string; algorithm: KeyAlgorithmId; chain: number }[] = [
  { name: 'ML-DSA-44 request signed by an ML-DSA-65 CA', algorithm: 'mldsa44', chain: 1 },
  { name: 'ECDSA request signed by an ML-DSA-65 intermediate', algorithm: 'p256', chain: 0 },
];

/** Everything to judge, named `<row>/<part>`; verdicts come back in input order. */
const input: PythonMlDsaInput = { certificates: [], csrs: [], keys: [] };
const made: {
  row: ChainRow;
  root: CaResult;
  issuer: CaResult;
  leaves: { pem: string; algorithm: KeyAlgorithmId }[];
}[] = [];
let verdicts: PythonMlDsaVerdict[] = [];
const verdictsOf = (prefix: string) => verdicts.filter((v) => v.name.startsWith(`${prefix}/`));

beforeAll(async () => {
  for (const row of CHAINS) {
    const root = await createRootCa({ subject: { commonName: `${row.root} root` }, algorithm: row.root });
    const issuer = row.intermediate
      ? await createIntermediateCa(
          { subject: { commonName: `${row.intermediate} intermediate` }, algorithm: row.intermediate },
          root,
        )
      : root;
    const issuerName = `${row.name}/${row.intermediate ? 'intermediate' : 'root'}`;
    input.certificates.push({ name: `${row.name}/root`, pem: root.certPem, issuer: `${row.name}/root` });
    input.keys.push({ name: `${row.name}/root key`, pem: root.keyPem, certificate: `${row.name}/root` });
    if (row.intermediate) {
      input.certificates.push({ name: issuerName, pem: issuer.certPem, issuer: `${row.name}/root` });
      input.keys.push({ name: `${issuerName} key`, pem: issuer.keyPem, certificate: issuerName });
    }
    const leaves = [];
    for (const [i, l] of row.leaves.entries()) {
      // The first leaf's key is encrypted: python opens the PBES2 PKCS#8 too.
      const leaf = await issueLeaf(
        {
          profile: l.profile,
          commonName: `leaf-${i}.example`,
          algorithm: l.algorithm,
          keyPassphrase: i === 0 ? 'pq secret' : undefined,
        },
        issuer,
      );
      input.certificates.push({ name: `${row.name}/leaf ${i}`, pem: leaf.certPem, issuer: issuerName });
      input.keys.push({
        name: `${row.name}/leaf ${i} key`,
        pem: leaf.keyPem,
        certificate: `${row.name}/leaf ${i}`,
        password: i === 0 ? 'pq secret' : undefined,
      });
      leaves.push({ pem: leaf.certPem, algorithm: l.algorithm });
    }
    made.push({ row, root, issuer, leaves });
  }

  // The fast DER template path (batches), ML-DSA over ML-DSA.
  const ca = made[1]!.root;
  const batch = await issueBatch('node-1 10.0.0.1\nnode-2 10.0.0.2 node-2.example', ca, {
    algorithm: 'mldsa44',
    days: 30,
  });
  for (const item of batch.items) {
    input.certificates.push({ name: `batch/${item.name}`, pem: item.certPem, issuer: `${CHAINS[1]!.name}/root` });
    input.keys.push({ name: `batch/${item.name} key`, pem: item.keyPem, certificate: `batch/${item.name}` });
  }

  for (const row of CSRS) {
    const csr = await createCsr({ commonName: 'req.example', sans: 'req.example', algorithm: row.algorithm });
    const info = await readCsr(csr.csrPem);
    expect(info.signatureValid).toBe(true);
    expect(info.keyFamily).toBe(row.algorithm.startsWith('mldsa') ? 'ml-dsa' : 'ec');
    const chain = made[row.chain]!;
    const issued = await signCsr(csr.csrPem, chain.issuer, { profile: 'server' });
    const issuerName = `${chain.row.name}/${chain.row.intermediate ? 'intermediate' : 'root'}`;
    input.csrs.push({ name: `${row.name}/csr`, pem: csr.csrPem });
    input.certificates.push({ name: `${row.name}/signed`, pem: issued.certPem, issuer: issuerName });
    input.keys.push({ name: `${row.name}/key`, pem: csr.keyPem, certificate: `${row.name}/signed` });
  }

  verdicts = await pythonMlDsaVerdicts(input);
  expect(verdicts).toHaveLength(input.certificates.length + input.csrs.length + input.keys.length);
}, 120_000);

describe('certbench ML-DSA chains, judged by python cryptography 48', () => {
  it('runs the library engine in Node 20 (no ML-DSA in its WebCrypto)', async () => {
    expect(await mlDsaEngine(defaultCrypto())).toBe('library');
  });

  for (const [index, row] of CHAINS.entries()) {
    it(row.name, () => {
      const rowVerdicts = verdictsOf(row.name);
      expect(rowVerdicts.filter((v) => !v.ok)).toEqual([]);
      expect(rowVerdicts).toHaveLength((row.intermediate ? 4 : 2) + 2 * row.leaves.length);
      // RFC 9881 §2 and §5: no algorithm parameters; KeyUsage digitalSignature, CAs keyCertSign + cRLSign too, never an encipherment bit.
      const m = made[index]!;
      const cas = [
        { pem: m.root.certPem, alg: row.root },
        ...(row.intermediate ? [{ pem: m.issuer.certPem, alg: row.intermediate }] : []),
      ];
      for (const c of cas)
        if (c.alg.startsWith('mldsa'))
          expect(keyUsage(c.pem)).toBe(
            KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature,
          );
      for (const l of m.leaves)
        if (l.algorithm.startsWith('mldsa')) expect(keyUsage(l.pem)).toBe(KeyUsageFlags.digitalSignature);
      for (const pem of [...cas.map((c) => c.pem), ...m.leaves.map((l) => l.pem)])
        for (const p of mlDsaAlgorithmParameters(pem)) expect(p).toBeUndefined();
    });
  }

  it('a batch (the DER template path): ML-DSA-44 nodes under an ML-DSA-65 CA', () => {
    const rowVerdicts = verdictsOf('batch');
    expect(rowVerdicts).toHaveLength(4);
    expect(rowVerdicts.filter((v) => !v.ok)).toEqual([]);
    expect(rowVerdicts.filter((v) => v.what === 'certificate').map((v) => v.detail)).toEqual([
      'MLDSA44 signed by MLDSA65 2.16.840.1.101.3.4.3.18',
      'MLDSA44 signed by MLDSA65 2.16.840.1.101.3.4.3.18',
    ]);
  });

  for (const row of CSRS) {
    it(row.name, () => {
      const rowVerdicts = verdictsOf(row.name);
      expect(rowVerdicts.filter((v) => !v.ok)).toEqual([]);
      expect(rowVerdicts.find((v) => v.what === 'csr')?.detail).toMatch(
        row.algorithm.startsWith('mldsa')
          ? /^MLDSA44 2\.16\.840\.1\.101\.3\.4\.3\.17$/
          : /^EC 1\.2\.840\.10045\.4\.3\.2$/,
      );
    });
  }
});

describe('keys made by python cryptography are read by certbench', () => {
  it('ML-DSA-44, -65 and -87: algorithm, public key, signatures both ways; the -65 key certifies a leaf python verifies', async () => {
    const keys = await pythonMlDsaKeys(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87']);
    const crypto = defaultCrypto();
    for (const k of keys) {
      const pkcs8 = derOf(k.pkcs8Pem);
      expect(pkcs8AlgorithmId(pkcs8)).toBe(`mldsa${k.name.slice(-2)}`);
      expect(Convert.ToHex(await publicKeyFromPrivate(pkcs8))).toBe(Convert.ToHex(derOf(k.spkiPem)));
      expect((await importPrivateKey(pkcs8)).privateKey.algorithm.name).toBe(k.name);
      const publicKey = await crypto.subtle.importKey('spki', derOf(k.spkiPem), { name: k.name }, true, ['verify']);
      expect(
        await crypto.subtle.verify(
          { name: k.name },
          publicKey,
          Convert.FromHex(k.signature),
          Convert.FromHex(k.message),
        ),
      ).toBe(true);
      expect(
        await crypto.subtle.verify({ name: k.name }, publicKey, Convert.FromHex(k.signature), new Uint8Array([1])),
      ).toBe(false);
    }
    const k65 = keys.find((k) => k.name === 'ML-DSA-65')!;
    const ca = await createRootCa({
      subject: { commonName: 'python ML-DSA-65' },
      keyPem: k65.pkcs8Pem,
      algorithm: 'mldsa65',
    });
    const leaf = await issueLeaf({ profile: 'server', commonName: 'py.example', algorithm: 'mldsa44' }, ca);
    const judged = await pythonMlDsaVerdicts({
      certificates: [
        { name: 'ca', pem: ca.certPem, issuer: 'ca' },
        { name: 'leaf', pem: leaf.certPem, issuer: 'ca' },
      ],
      csrs: [],
      keys: [{ name: 'ca key', pem: ca.keyPem, certificate: 'ca', spkiPem: k65.spkiPem }],
    });
    expect(judged.filter((v) => !v.ok)).toEqual([]);
  });
});
