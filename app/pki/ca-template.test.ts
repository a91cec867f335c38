// The root CA fast path is the general path, byte for byte: a root createRootIssuer made on the fast
// path has the TBSCertificate the generator writes for the same key, serial, name, window and path
// length (with an Ed25519 key, whose signature is deterministic, the same certificate); the proof
// refuses a writer that differs in any field, and the root that proves a shape is the general
// path's; openssl verify -x509_strict, Python's ssl with VERIFY_X509_STRICT and Node's tls accept
// the root and leaves under it; and a shape is proven once per module life, by its first root.
import { BasicConstraintsExtension } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithmId } from './algorithms.ts';
import { childrenOf, readTlv, tlvView } from './asn1/tlv.ts';
import { createRootIssuer } from './ca.ts';
import { generalCaCertificate } from './ca-general.ts';
import { rootTbs, type RootTbsWriter } from './ca-tbs.ts';
import {
  forgetRootProofs,
  proveRootShape,
  provenRootShapeCount,
  rootShapeState,
  type RootInputs,
  type RootShape,
} from './ca-template-proof.ts';
import type { CaParams } from './ca-types.ts';
import { issueLeaf } from './issue.ts';
import { generateKeyPair, publicKeyFromPrivate } from './keys.ts';
import { ecSpkiFromPkcs8 } from './leaf-template.ts';
import { checkSubject, subjectName, type SubjectFields } from './names.ts';
import { pemDecodeAll } from './pem.ts';
import { randomSerialBytes } from './serial.ts';
import { validityWindow } from './validity.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { nodeTlsHandshake } from '../test/judges/node-tls.ts';
import { pythonSslHandshake } from '../test/judges/python-ssl.ts';
import { countingCrypto } from '../test/counting-crypto.ts';

const der = (pem: string) => new Uint8Array(pemDecodeAll(pem).blocks[0]?.der ?? new ArrayBuffer(0));

function tbsHex(certDer: Uint8Array): string {
  const [tbs] = childrenOf(certDer, readTlv(certDer, 0));
  if (!tbs) throw new Error('no TBS');
  return Convert.ToHex(tlvView(certDer, tbs));
}

/** The general path's certificate for what a fast root was made of: its key, serial, name, window and path length. */
async function generalTwin(params: CaParams, made: Awaited<ReturnType<typeof createRootIssuer>>) {
  const pkcs8 = pemDecodeAll(made.ca.keyPem).blocks[0]?.der;
  if (!pkcs8) throw new Error('no key');
  const twin = await generalCaCertificate(
    {
      key: {
        privateKey: made.issuer.privateKey,
        // WebCrypto's own SPKI of the key, not the fast path's reading of it.
        spki: await publicKeyFromPrivate(pkcs8),
        algorithm: made.issuer.algorithm,
        pkcs8Pem: made.ca.keyPem,
      },
      serialHex: made.ca.serial,
      subject: subjectName(params.subject),
      window: { notBefore: new Date(made.ca.notBefore), notAfter: new Date(made.ca.notAfter), notes: [] },
      pathLength: params.pathLength,
      signer: {},
    },
    crypto,
  );
  return new Uint8Array(twin.der);
}

/**
 * A root made on the fast path: the first root of a shape is the general path's own (it proves the
 * shape), so one is made first when the shape has no proof yet.
 */
async function fastRootIssuer(params: CaParams) {
  const shape = { algorithm: params.algorithm ?? 'p256', pathLength: params.pathLength };
  if ((await rootShapeState(shape)) === 'none')
    await createRootIssuer({ ...params, subject: { commonName: 'Proving CA' } });
  expect(await rootShapeState(shape), 'the shape passed its proof').toBe('proven');
  return createRootIssuer(params);
}

const KEY_TYPES: KeyAlgorithmId[] = ['p256', 'p384', 'p521', 'rsa2048', 'rsa3072', 'ed25519'];

/** What the CA forms and `certbench ca create` take: days, path length, start, subject fields. */
const OPTIONS: { name: string; params: Omit<CaParams, 'algorithm'> }[] = [
  { name: 'a Cluster root (CN, 3650 days)', params: { subject: { commonName: 'prod-db CA' }, days: 3650 } },
  {
    name: 'every subject field, UTF-8 and DN syntax characters',
    params: {
      subject: {
        commonName: '#Root, "CA" + a\\b=c',
        organization: 'Société 🔐',
        organizationalUnit: 'db_ops',
        country: 'de',
        state: 'Bayern',
        locality: 'München',
      },
      days: 30,
    },
  },
  { name: 'one day, path length 0', params: { subject: { commonName: 'Short CA' }, days: 1, pathLength: 0 } },
  {
    name: '100 years from a fixed start (GeneralizedTime after 2049), path length 16',
    params: { subject: { commonName: 'Long CA' }, days: 36_500, notBefore: '2026-03-01T12:34:56Z', pathLength: 16 },
  },
];

describe('fast root TBS = general root TBS', () => {
  for (const algorithm of KEY_TYPES)
    for (const option of OPTIONS) {
      // RSA 3072 keys are slow to make: the Cluster root and the richest name are enough for it.
      if (algorithm === 'rsa3072' && option !== OPTIONS[0] && option !== OPTIONS[1]) continue;
      it(`${algorithm}: ${option.name}`, async () => {
        const params: CaParams = { ...option.params, algorithm };
        const made = await fastRootIssuer(params);
        const fast = der(made.ca.certPem);
        const general = await generalTwin(params, made);
        expect(tbsHex(fast)).toBe(tbsHex(general));
        // Ed25519 signs deterministically: the whole certificate is the general path's.
        if (algorithm === 'ed25519') expect(Convert.ToHex(fast)).toBe(Convert.ToHex(general));
      }, 30_000);
    }
});

describe('the proof refuses a writer that differs from the general path', () => {
  let inputs: RootInputs;
  beforeAll(async () => {
    const pair = await generateKeyPair('p256');
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    inputs = {
      checked: checkSubject({ commonName: 'Mutant CA', organization: 'Ünïcode Org', country: 'DE' }),
      serial: randomSerialBytes(),
      window: validityWindow({ days: 30 }),
      key: { ...pair, pkcs8, spki: ecSpkiFromPkcs8(pkcs8) ?? new Uint8Array() },
    };
  });
  const flipLast = (b: Uint8Array) => {
    const out = b.slice();
    out[out.length - 1] = (out[out.length - 1] ?? 0) ^ 1;
    return out;
  };
  const nonCriticalBc = new Uint8Array(new BasicConstraintsExtension(true, undefined, false).rawData);
  const mutants: { name: string; write: RootTbsWriter }[] = [
    { name: 'a different name', write: (p, i) => rootTbs(p, { ...i, name: flipLast(i.name) }) },
    { name: 'a different serial', write: (p, i) => rootTbs(p, { ...i, serial: flipLast(i.serial) }) },
    {
      name: 'a validity one second off',
      write: (p, i) => rootTbs(p, { ...i, notAfter: new Date(i.notAfter.getTime() + 1000) }),
    },
    { name: 'another subject key id', write: (p, i) => rootTbs(p, { ...i, ski: flipLast(i.ski) }) },
    { name: 'another public key', write: (p, i) => rootTbs(p, { ...i, spki: flipLast(i.spki) }) },
    {
      name: 'BasicConstraints not critical',
      write: (p, i) => rootTbs({ ...p, extensions: p.extensions.map((e, n) => (n === 0 ? nonCriticalBc : e)) }, i),
    },
    {
      name: 'extensions in another order',
      write: (p, i) => rootTbs({ ...p, extensions: [...p.extensions].reverse() }, i),
    },
    { name: 'an extension left out', write: (p, i) => rootTbs({ ...p, extensions: p.extensions.slice(1) }, i) },
  ];
  const shape: RootShape = { algorithm: 'p256', pathLength: undefined };

  it('the fast writer itself is proven (the rows below are not refused for another reason)', async () => {
    const { made, pieces } = await proveRootShape(shape, inputs, crypto, rootTbs);
    expect(pieces?.extensions).toContain('ski');
    expect(made.result.serial).toBe(Convert.ToHex(inputs.serial));
  });
  for (const mutant of mutants)
    it(mutant.name, async () => {
      const { made, pieces } = await proveRootShape(shape, inputs, crypto, mutant.write);
      expect(pieces).toBeUndefined();
      // The root itself is the general path's, whatever the writer did.
      const v = await opensslVerify({ rootPem: made.result.certPem, certPem: made.result.certPem });
      expect(v.ok, v.output).toBe(true);
    });
});

describe('fast roots before the judges', () => {
  for (const algorithm of ['p256', 'p384', 'rsa2048', 'ed25519'] as const)
    it(`a ${algorithm} root: openssl verify -x509_strict, python ssl VERIFY_X509_STRICT and node tls mTLS`, async () => {
      const made = await fastRootIssuer({ subject: { commonName: `Judged ${algorithm} CA` }, algorithm });
      const root = await opensslVerify({ rootPem: made.ca.certPem, certPem: made.ca.certPem });
      expect(root.ok, root.output).toBe(true);
      const node = await issueLeaf({ profile: 'node', commonName: 'db-1', sans: 'localhost 127.0.0.1' }, made.issuer);
      const client = await issueLeaf({ profile: 'client', commonName: 'app' }, made.issuer);
      for (const purpose of ['sslserver', 'sslclient'] as const) {
        const v = await opensslVerify({ rootPem: made.ca.certPem, certPem: node.certPem, purpose });
        expect(v.ok, v.output).toBe(true);
      }
      const parties = {
        server: { certPem: node.certPem, keyPem: node.keyPem, caPem: made.ca.certPem },
        client: { certPem: client.certPem, keyPem: client.keyPem, caPem: made.ca.certPem },
        serverName: 'localhost',
      };
      expect(await pythonSslHandshake(parties)).toMatchObject({ ok: true, peerCommonName: 'app' });
      expect(await nodeTlsHandshake(parties)).toMatchObject({ ok: true, peerCommonName: 'app' });
    });
});

describe('a root shape is proven once per module life', () => {
  const subject: SubjectFields = { commonName: 'Counted CA' };
  /** The WebCrypto calls of one root made through a fresh counting crypto. */
  async function callsOfOneRoot(params: Omit<CaParams, 'subject'>) {
    const counting = countingCrypto();
    await createRootIssuer({ subject, ...params }, counting.crypto);
    return {
      generateKey: counting.calls('generateKey'),
      sign: counting.calls('sign'),
      exportKey: counting.calls('exportKey'),
      digest: counting.calls('digest'),
    };
  }

  it('P-256: the first root is the general path (it proves the shape), later ones the fast path', async () => {
    forgetRootProofs();
    // The general path's calls (its SPKI export and SKI digest) and nothing more: no probe key, no second signature.
    expect(await callsOfOneRoot({ algorithm: 'p256' })).toEqual({ generateKey: 1, sign: 1, exportKey: 2, digest: 1 });
    expect(await rootShapeState({ algorithm: 'p256', pathLength: undefined })).toBe('proven');
    // Generate, one PKCS#8 export (the SPKI read from it), sign: no digest, no SPKI export.
    for (let i = 0; i < 3; i++)
      expect(await callsOfOneRoot({ algorithm: 'p256' })).toEqual({ generateKey: 1, sign: 1, exportKey: 1, digest: 0 });
    expect(provenRootShapeCount()).toBe(1);
  });

  it('a path length or another key algorithm is another shape, proven once each', async () => {
    forgetRootProofs();
    await callsOfOneRoot({ algorithm: 'p256' });
    // The general path's SKI digest marks the root that proved its shape.
    expect((await callsOfOneRoot({ algorithm: 'p256', pathLength: 1 })).digest).toBe(1);
    expect((await callsOfOneRoot({ algorithm: 'p256', pathLength: 1 })).digest).toBe(0);
    expect((await callsOfOneRoot({ algorithm: 'ed25519' })).digest).toBe(1);
    // Ed25519: the PKCS#8 and SPKI exports (leaf-maker.ts keyDer), then the signature.
    expect(await callsOfOneRoot({ algorithm: 'ed25519' })).toEqual({
      generateKey: 1,
      sign: 1,
      exportKey: 2,
      digest: 0,
    });
    expect(provenRootShapeCount()).toBe(3);
  });

  it('roots made at once wait for one proof', async () => {
    forgetRootProofs();
    const counting = countingCrypto();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        createRootIssuer({ subject: { commonName: `Together ${i}` }, algorithm: 'p384' }, counting.crypto),
      ),
    );
    expect(counting.calls('generateKey')).toBe(4);
    expect(counting.calls('sign')).toBe(4);
    expect(counting.calls('digest'), 'one root on the general path').toBe(1);
  });

  it('an existing key and ML-DSA take the general path, with no proof', async () => {
    forgetRootProofs();
    const first = await createRootIssuer({ subject, algorithm: 'p256' });
    await createRootIssuer({ subject, keyPem: first.ca.keyPem });
    await createRootIssuer({ subject, algorithm: 'mldsa44' });
    expect(provenRootShapeCount()).toBe(1);
  });
});
