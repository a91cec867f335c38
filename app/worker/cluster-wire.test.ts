// The Cluster result's wire form: the page reads back, through the client, exactly what the
// worker's leaves and facts say (fixtures are real batches and a real cluster), the decoders'
// source text alone decodes as the module does (the bench installs it so), and an answer that
// does not decode is an internal error, not a crash.
import { runInNewContext } from 'node:vm';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueBatch, type BatchItem } from '../pki/batch.ts';
import { createRootCa, type CaResult } from '../pki/ca.ts';
import type { ItemMeta } from '../store/types.ts';
import { workerCaller } from './client.ts';
import { setUpClusterWire } from './cluster-setup.ts';
import {
  decodeClusterWire,
  decodeLeafColumns,
  leafColumns,
  type ClusterWire,
  type LeafColumns,
} from './cluster-wire.ts';
import { PAGE_DECODERS, pageDecodersSource } from './page-results.ts';
import type { ClusterArgs } from './pki-contract.ts';
import { transfersOf, type OpContext } from './protocol.ts';
import { X509Certificate } from '@peculiar/x509';
import { ecSpkiFromPkcs8 } from '../pki/leaf-template.ts';
import { pemDecodeAll, pemEncode } from '../pki/pem.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { serveOps } from './serve.ts';
import { portEndpoint } from './testing/channel-worker.ts';

const ctx: OpContext = { signal: new AbortController().signal, progress: () => undefined };

/** Each leaf as the page had it before the wire form: its fields, its facts, its SANs in its facts. */
function plainLeaves(items: readonly BatchItem[], metaOf: (item: BatchItem, i: number) => ItemMeta) {
  return items.map((l, i) => ({
    name: l.name,
    certPem: l.certPem,
    keyPem: l.keyPem,
    meta: metaOf(l, i),
    notes: l.notes,
  }));
}

describe('cluster wire form', () => {
  let ca: CaResult;
  let items: BatchItem[];
  beforeAll(async () => {
    ca = await createRootCa({ subject: { commonName: 'Wire Root' }, days: 365 });
    items = (await issueBatch('n1 10.0.0.1 n1.db\nn2\nn3 2001:db8::3 n3.db', ca, { days: 30 })).items;
  });

  const model: ItemMeta = { subject: 'CN=x', issuer: 'CN=Wire Root', serial: '00', keyAlgorithm: 'ECDSA P-256' };
  const rows: {
    name: string;
    facts: () => LeafColumns['facts'];
    sansOf?: (i: number) => BatchItem['sans'];
    want: (item: BatchItem, i: number) => ItemMeta;
  }[] = [
    {
      name: 'a model: each leaf gets its own subject, serial and SANs, in the model key order',
      facts: () => ({ model: { ...model, profile: 'node', sans: [] } }),
      want: (l) => ({ ...model, subject: `CN=${l.name}`, serial: l.serial, profile: 'node', sans: l.sans }),
    },
    {
      name: 'a model and leaves without SANs: no sans key at all',
      facts: () => ({ model: { ...model, sans: [{ kind: 'dns', value: 'x' }] } }),
      sansOf: () => [],
      want: (l) => ({ ...model, subject: `CN=${l.name}`, serial: l.serial }),
    },
    {
      name: 'each leaf its own facts: sent and read as they are',
      facts: () => ({ each: items.map((l, i) => ({ subject: `each ${i}`, serial: l.serial.toUpperCase() })) }),
      want: (l, i) => ({ subject: `each ${i}`, serial: l.serial.toUpperCase() }),
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const leaves = items.map((l, i) => ({ ...l, sans: row.sansOf?.(i) ?? l.sans }));
      const decoded = decodeLeafColumns(structuredClone(leafColumns(leaves, row.facts())));
      expect(decoded).toStrictEqual(plainLeaves(leaves, row.want));
      expect(Object.keys(decoded[0]?.meta ?? {})).toEqual(Object.keys(row.want(leaves[0]!, 0)));
    });
  }

  const leaf = (name: string, sans: number) => ({
    name,
    certPem: `C-${name}`,
    keyPem: `K-${name}`,
    serial: '0a',
    sans: Array.from({ length: sans }, (_, i) => ({ kind: 'dns' as const, value: `${name}-${i}` })),
    notes: [],
  });
  const misaligned: { name: string; columns: () => LeafColumns; error: RegExp }[] = [
    {
      name: 'facts for fewer leaves than names',
      columns: () => leafColumns([leaf('a', 1), leaf('b', 1)], { each: [{ subject: 'CN=a' }] }),
      error: /^columns of 2, 2, 2, 2, 2, 1 entries for 2 leaves$/,
    },
    {
      name: 'a PEM column one short',
      columns: () => ({ ...leafColumns([leaf('a', 0), leaf('b', 0)], { model: {} }), keyPems: ['K-a'] }),
      error: /^columns of 2, 1, 2, 2, 2 entries for 2 leaves$/,
    },
    {
      name: 'SAN counts that add up to fewer SANs than sent',
      columns: () => ({ ...leafColumns([leaf('a', 2), leaf('b', 1)], { model: {} }), sanCounts: [1, 1] }),
      error: /^the leaves count 2 SANs, the columns hold 3$/,
    },
    {
      name: 'SAN kinds without their values',
      columns: () => {
        const c = leafColumns([leaf('a', 2)], { model: {} });
        return { ...c, sanValues: c.sanValues.slice(1) };
      },
      error: /^2 SAN kinds for 1 values$/,
    },
    {
      name: 'a PEM whose bytes were sent away (an empty view)',
      columns: () => ({ ...leafColumns([leaf('a', 0)], { model: {} }), certPems: [new Uint8Array(0)] }),
      error: /^a PEM arrived empty$/,
    },
    {
      name: 'no facts at all',
      columns: () => ({ ...leafColumns([leaf('a', 0)], { model: {} }), facts: {} as LeafColumns['facts'] }),
      error: /^the leaves carry no facts$/,
    },
  ];
  for (const row of misaligned)
    it(`columns that do not line up throw: ${row.name}`, () => {
      expect(() => decodeLeafColumns(row.columns())).toThrow(row.error);
    });

  it('no leaves: an empty side', () => {
    expect(decodeLeafColumns(leafColumns([], { each: [] }))).toEqual([]);
  });

  it("the decoders' source text alone decodes a real cluster as the module does", async () => {
    const wire = await setUpClusterWire(
      {
        cluster: 'wire',
        nodes: 'a 10.0.0.1\nb b.example\nc 10.0.0.3 c.example\nd',
        clients: ['app'],
        target: 'generic',
        keyAlgorithm: 'p256',
        caDays: 30,
        leafDays: 10,
      },
      ctx,
    );
    expect('model' in wire.nodes.facts).toBe(true);
    // Evaluated in an empty context of its own: the text brings even the __name helper tsx adds.
    // A page's globals that the text uses: TextDecoder, for PEMs sent as ASCII bytes.
    const standalone = runInNewContext(pageDecodersSource(), { TextDecoder }) as Record<
      string,
      (w: unknown) => unknown
    >;
    expect(Object.keys(standalone)).toEqual(Object.keys(PAGE_DECODERS));
    const decoded = decodeClusterWire(structuredClone(wire));
    expect(JSON.stringify(standalone.setUpCluster?.(structuredClone(wire)))).toBe(JSON.stringify(decoded));
    expect(decoded.nodes.map((n) => [n.name, n.meta.subject, n.meta.sans?.length])).toEqual([
      ['a', 'CN=a', 2],
      ['b', 'CN=b', 2],
      ['c', 'CN=c', 3],
      ['d', 'CN=d', 1],
    ]);
    expect(decoded.clients[0]?.meta).toMatchObject({ subject: 'CN=app', issuer: 'CN=wire CA', profile: 'client' });
    expect(decoded.clients[0]?.meta.sans).toBeUndefined();
  });
});

describe('PEMs sent as ASCII bytes', () => {
  const args: ClusterArgs = {
    cluster: 'ascii',
    nodes: Array.from({ length: 30 }, (_, i) => `n${i} 10.0.${i}.1 n${i}.example`).join('\n'),
    clients: ['app', 'ops'],
    target: 'generic',
    keyAlgorithm: 'p256',
    caDays: 30,
    leafDays: 10,
  };

  it('the worker sends every leaf PEM as bytes, moves their slabs, and the page reads the same PEMs', async () => {
    const wire = await setUpClusterWire(args, ctx);
    const pems = [wire.nodes, wire.clients].flatMap((c) => [...c.certPems, ...c.keyPems]);
    const views = pems.filter((v) => v instanceof Uint8Array);
    expect(views).toHaveLength(64);
    const buffers = transfersOf(wire)!;
    expect(new Set(views.map((v) => v.buffer))).toEqual(new Set(buffers));
    // The slabs are few (nodes and clients each write their own), not one per PEM.
    expect(buffers.length).toBeLessThan(10);
    // As the page gets it: the slabs transferred, then decoded.
    const sent = structuredClone(wire, { transfer: buffers as ArrayBuffer[] });
    expect(views.every((v) => v.byteLength === 0)).toBe(true);
    const result = decodeClusterWire(sent);
    expect(result.nodes.map((n) => n.name)).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}`));
    for (const leaf of [...result.nodes, ...result.clients]) {
      const cert = new X509Certificate(leaf.certPem);
      expect(cert.subject).toBe(`CN=${leaf.name}`);
      expect(cert.serialNumber.toLowerCase()).toBe(leaf.meta.serial ?? '');
      expect(leaf.certPem).toBe(pemEncode('CERTIFICATE', cert.rawData));
      const key = pemDecodeAll(leaf.keyPem ?? '').blocks[0]!;
      expect(leaf.keyPem).toBe(pemEncode('PRIVATE KEY', key.der));
      // The key file holds the certificate's key.
      expect(ecSpkiFromPkcs8(new Uint8Array(key.der))).toEqual(new Uint8Array(cert.publicKey.rawData));
    }
    const first = result.nodes[0]!;
    const v = await opensslVerify({ rootPem: result.ca.certPem, certPem: first.certPem, purpose: 'sslserver' });
    expect(v.ok, v.output).toBe(true);
  });
});

describe('the client decodes a compact answer', () => {
  const ports: MessagePort[] = [];
  afterEach(() => {
    for (const p of ports.splice(0)) p.close();
  });
  function endpoint(port: MessagePort) {
    ports.push(port);
    return portEndpoint(port);
  }
  /** A caller whose worker answers setUpCluster with `answer`. */
  function callerAnswering(answer: unknown) {
    const { port1, port2 } = new MessageChannel();
    serveOps(endpoint(port1), { setUpCluster: () => Promise.resolve(answer) });
    return workerCaller(() => endpoint(port2));
  }
  const args: ClusterArgs = {
    cluster: 'c',
    nodes: 'n',
    clients: [],
    target: 'generic',
    keyAlgorithm: 'p256',
    caDays: 1,
    leafDays: 1,
  };

  it('a wire answer resolves as the ClusterResult it describes', async () => {
    const wire: ClusterWire = {
      ca: { certPem: 'CA', keyPem: 'K', chainPem: '', meta: {}, notes: [] },
      leafChainPem: 'CA',
      nodes: leafColumns(
        [{ name: 'n', certPem: 'C', keyPem: 'K', serial: '0a', sans: [{ kind: 'dns', value: 'n' }], notes: [] }],
        { model: { issuer: 'CN=c CA' } },
      ),
      clients: leafColumns([], { each: [] }),
      target: 'generic',
      layout: 'generic',
      warnings: [],
    };
    await expect(callerAnswering(wire)('setUpCluster', args)).resolves.toStrictEqual(decodeClusterWire(wire));
    const result = await callerAnswering(wire)('setUpCluster', args);
    expect(result.nodes[0]?.meta).toEqual({
      issuer: 'CN=c CA',
      subject: 'CN=n',
      serial: '0a',
      sans: [{ kind: 'dns', value: 'n' }],
    });
  });

  it('an answer that is not the wire form rejects as an internal error, naming why', async () => {
    await expect(callerAnswering({ nodes: [] })('setUpCluster', args)).rejects.toMatchObject({
      code: 'internal',
      field: '',
      message: expect.stringMatching(/^The worker's answer could not be read \(.+\)\.$/) as unknown,
    });
  });
});
