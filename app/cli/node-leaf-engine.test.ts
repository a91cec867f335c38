// Node's engine makes what WebCrypto and the general path make: it passes the batch's proof for
// every EC key type under every issuer type; with a deterministic signature (RSA PKCS#1 v1.5,
// Ed25519 CA) its certificate is the general path's byte for byte; its keys are the ones in its
// certificates (openssl) and its certificates pass openssl verify -x509_strict. An engine that
// lies fails the proof and the batch falls back to WebCrypto.
import { pemText } from '../pki/pem-ascii.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { Convert } from 'pvtsutils';
import type { KeyAlgorithmId } from '../pki/algorithms.ts';
import { issueBatch } from '../pki/batch.ts';
import { createRootCa, type CaResult } from '../pki/ca.ts';
import { signLeaf } from '../pki/issue.ts';
import { loadIssuer, type LoadedIssuer } from '../pki/issuer.ts';
import { batchEngine, type LeafEngineFactory, type LeafEngineRequest } from '../pki/leaf-engine.ts';
import { createLeafTemplate, issueFromTemplate, spkiKeyId, type SyncLeafEngine } from '../pki/leaf-template.ts';
import { pemDecodeAll, pemEncode } from '../pki/pem.ts';
import { parseSans } from '../pki/san.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { requireTool, run, withFiles } from '../test/judges/tools.ts';
import { nodeLeafEngine } from './node-leaf-engine.ts';
import { slabViewAtOffset } from '../test/slab-view.ts';

const ISSUERS: KeyAlgorithmId[] = ['p256', 'p384', 'rsa2048', 'ed25519'];
const LEAVES: KeyAlgorithmId[] = ['p256', 'p384', 'p521'];
const cas = new Map<KeyAlgorithmId, { ca: CaResult; loaded: LoadedIssuer }>();

beforeAll(async () => {
  requireTool('openssl');
  for (const alg of ISSUERS) {
    const ca = await createRootCa({ subject: { commonName: `Engine CA ${alg}` }, algorithm: alg, days: 365 });
    cas.set(alg, { ca, loaded: await loadIssuer(ca) });
  }
}, 60_000);

const derOf = (pem: string) => new Uint8Array(pemDecodeAll(pem).blocks[0]?.der ?? new ArrayBuffer(0));

const rows = ISSUERS.flatMap((issuer) => LEAVES.map((leaf) => ({ issuer, leaf })));

describe('Node leaf engine', () => {
  for (const row of rows) {
    it(`${row.leaf} leaves under a ${row.issuer} CA: proven, openssl -x509_strict, key matches`, async () => {
      const entry = cas.get(row.issuer);
      if (!entry) throw new Error('fixture missing');
      const template = await createLeafTemplate(entry.loaded, 'node', row.leaf, crypto);
      const chosen = await batchEngine(template, entry.loaded, nodeLeafEngine, crypto);
      expect(chosen.name).toBe('platform');
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      const out = await issueFromTemplate(
        template,
        {
          serial: crypto.getRandomValues(new Uint8Array(16)).map((b, i) => (i ? b : (b & 0x7f) | 0x40)),
          notBefore,
          notAfter: new Date(notBefore.getTime() + 86_400_000),
          commonName: 'n1',
          sans: parseSans('n1 10.0.0.1 n1.example'),
        },
        chosen.engine,
      );
      for (const purpose of ['sslserver', 'sslclient'] as const) {
        const v = await opensslVerify({ rootPem: entry.ca.certPem, certPem: pemText(out.certPem), purpose });
        expect(v.ok, v.output).toBe(true);
      }
      await withFiles({ 'c.pem': pemText(out.certPem), 'k.pem': pemText(out.keyPem) }, (_dir, p) => {
        const fromCert = run('openssl', ['x509', '-noout', '-pubkey', '-in', p('c.pem')]).stdout;
        const fromKey = run('openssl', ['pkey', '-pubout', '-in', p('k.pem')]).stdout;
        expect(fromKey).toMatch(/BEGIN PUBLIC KEY/);
        expect(fromKey).toBe(fromCert);
      });
    });
  }

  for (const issuer of ['rsa2048', 'ed25519'] as const) {
    it(`under a ${issuer} CA (deterministic signature) the certificate is the general path's, byte for byte`, async () => {
      const entry = cas.get(issuer);
      if (!entry) throw new Error('fixture missing');
      const template = await createLeafTemplate(entry.loaded, 'node', 'p256', crypto);
      const engine = nodeLeafEngine({
        algorithm: 'p256',
        issuerKey: template.signer.key,
        signature: template.signer.algorithm as { name: string; hash?: string },
      });
      if (!engine) throw new Error('no engine for p256');
      const key = engine.newKey();
      const serial = new Uint8Array(16).fill(0x41);
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      const sans = parseSans('n1 10.0.0.1 2001:db8::1');
      const general = await signLeaf(
        {
          profile: 'node',
          subject: { commonName: 'n1' },
          sans,
          spki: key.spki.slice().buffer,
          days: 90,
          notBefore: notBefore.toISOString(),
          serialHex: Convert.ToHex(serial),
        },
        entry.loaded,
      );
      const tbs = template.tbs(
        { serial, notBefore, notAfter: new Date(general.notAfter), commonName: 'n1', sans, spki: key.spki },
        spkiKeyId(key.spki),
      );
      const fast = template.assemble(tbs, engine.sign(tbs));
      expect(Convert.ToHex(fast)).toBe(Convert.ToHex(derOf(general.certPem)));
    });
  }

  /** Node's engine for `r` with one step replaced by a lie. */
  const lying =
    (lie: (real: SyncLeafEngine, r: LeafEngineRequest) => Partial<SyncLeafEngine>): LeafEngineFactory =>
    (r) => {
      const real = nodeLeafEngine(r);
      return real && { ...real, ...lie(real, r) };
    };
  const liars: { name: string; lie: LeafEngineFactory }[] = [
    {
      name: 'an SPKI of another key',
      lie: lying((real) => ({ newKey: () => ({ ...real.newKey(), spki: real.newKey().spki }) })),
    },
    {
      name: 'a signature by another key',
      lie: lying((_real, r) => {
        const other = nodeLeafEngine({ ...r, issuerKey: cas.get('p256')?.loaded.privateKey ?? r.issuerKey });
        if (!other) throw new Error('no engine for the other key');
        return { sign: (tbs) => other.sign(tbs) };
      }),
    },
    {
      name: 'a key identifier of another key',
      lie: lying((real) => ({ newKey: () => ({ ...real.newKey(), keyId: real.newKey().keyId }) })),
    },
    {
      name: 'PEM without line breaks',
      lie: lying((real) => {
        const pem = real.pem;
        if (!pem) throw new Error('the real engine has no PEM encoder');
        return { pem: (label, der) => pem(label, der).replace(/\n(?!-----END)(?=.)/g, '') };
      }),
    },
  ];
  for (const row of liars) {
    it(`an engine giving ${row.name} fails the proof: the batch runs on WebCrypto`, async () => {
      const entry = cas.get('p384');
      if (!entry) throw new Error('fixture missing');
      const r = await issueBatch('n1 10.0.0.1\nn2 10.0.0.2', entry.ca, { days: 30, engine: row.lie });
      expect(r.engine).toBe('webcrypto');
      const v = await opensslVerify({
        rootPem: entry.ca.certPem,
        certPem: r.items[1]?.certPem ?? '',
        purpose: 'sslserver',
      });
      expect(v.ok, v.output).toBe(true);
    });
  }

  it('a batch on it stops when aborted, as on WebCrypto', async () => {
    const entry = cas.get('p256');
    if (!entry) throw new Error('fixture missing');
    const ctl = new AbortController();
    const nodes = 'n1 10.0.0.1\nn2 10.0.0.2\nn3 10.0.0.3';
    const r = issueBatch(nodes, entry.ca, { engine: nodeLeafEngine }, undefined, () => ctl.abort(), ctl.signal);
    await expect(r).rejects.toThrow(/Stopped after 1 of 3/);
  });

  it('issueBatch uses it for EC leaves and WebCrypto for the key types it does not make', async () => {
    const entry = cas.get('p256');
    if (!entry) throw new Error('fixture missing');
    expect((await issueBatch('n1 10.0.0.1', entry.ca, { engine: nodeLeafEngine })).engine).toBe('platform');
    expect((await issueBatch('n1 10.0.0.1', entry.ca, { algorithm: 'ed25519', engine: nodeLeafEngine })).engine).toBe(
      'webcrypto',
    );
    expect((await issueBatch('n1 10.0.0.1', entry.ca, {})).engine).toBe('webcrypto');
  });
});

// The engine's PEM reads the DER through its buffer (Buffer.from(der.buffer, offset, length)), and
// the batch hands it views into shared slabs (der-arena.ts): it must read the view alone.
describe("Node leaf engine's PEM", () => {
  it('encodes a slab view at an offset as a copy of its own', () => {
    const entry = cas.get('p256');
    if (!entry) throw new Error('fixture missing');
    const engine = nodeLeafEngine({
      algorithm: 'p256',
      issuerKey: entry.loaded.privateKey,
      signature: { name: 'ECDSA', hash: 'SHA-256' },
    });
    if (!engine?.pem) throw new Error('the Node engine has no PEM encoder');
    for (const n of [1, 2, 3, 48, 64, 65, 300, 1500]) {
      const view = slabViewAtOffset(n);
      expect(engine.pem('CERTIFICATE', view)).toBe(pemEncode('CERTIFICATE', view.slice()));
    }
  });
});
