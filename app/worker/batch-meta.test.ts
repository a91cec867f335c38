// Derived facts are the facts read from each certificate: the batch's model, decoded as the page
// decodes it, is compared leaf by leaf with certificateMeta (the light read, itself held to
// @peculiar/x509's in issuing-meta.test.ts) over key types, profiles, issuers whose names need
// escaping or sit under another CA, a window clamped to the CA, and a whole cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithmId } from '../pki/algorithms.ts';
import { issueBatch, type BatchItem } from '../pki/batch.ts';
import { createIntermediateCa, createRootCa, type CaResult } from '../pki/ca.ts';
import type { LeafProfile } from '../pki/profiles.ts';
import { batchLeafFacts } from './batch-meta.ts';
import { setUpCluster } from './cluster-setup.ts';
import { decodeLeafColumns, leafColumns } from './cluster-wire.ts';
import { certificateMeta } from './issuing-meta.ts';

const NODES = [
  'n1 10.0.0.1 n1.db.example',
  'n2 2001:db8::2',
  'node-3.example',
  'n4 10.0.0.4 10.0.1.4 a.example b.example',
  'n_5 n5.example',
  'N6.Upper',
].join('\n');

const full = (items: readonly BatchItem[], profile: LeafProfile) =>
  items.map((i) => certificateMeta(i.certPem, { profile }, i.sans));

/** Each leaf's facts as the page reads them: batchLeafFacts through the wire and back. */
function derived(items: readonly BatchItem[], profile: LeafProfile, ca: CaResult, algorithm: KeyAlgorithmId) {
  const issuer = certificateMeta(ca.certPem).subject ?? '';
  const facts = batchLeafFacts(items, profile, { issuer, algorithm });
  return { facts, metas: decodeLeafColumns(leafColumns(items, facts)).map((l) => l.meta) };
}

describe('batchLeafFacts', () => {
  let root: CaResult;
  let mid: CaResult;
  beforeAll(async () => {
    root = await createRootCa({
      subject: { commonName: '#Meta Root, Inc + Co ', organization: 'Ünïcode "Quoted"; <Org>', country: 'DE' },
      days: 365,
    });
    mid = await createIntermediateCa({ subject: { commonName: 'Issuing CA', organization: 'Ops' }, days: 60 }, root);
  });

  const rows: { name: string; algorithm: KeyAlgorithmId; profile: LeafProfile; under?: 'mid'; days?: number }[] = [
    { name: 'p256 nodes', algorithm: 'p256', profile: 'node' },
    { name: 'p384 servers', algorithm: 'p384', profile: 'server' },
    { name: 'p521 nodes', algorithm: 'p521', profile: 'node' },
    { name: 'rsa2048 nodes', algorithm: 'rsa2048', profile: 'node' },
    { name: 'ed25519 nodes', algorithm: 'ed25519', profile: 'node' },
    { name: 'p256 nodes under an intermediate', algorithm: 'p256', profile: 'node', under: 'mid' },
    {
      name: 'a window clamped to the CA (400 days under 60)',
      algorithm: 'p256',
      profile: 'node',
      under: 'mid',
      days: 400,
    },
  ];
  for (const row of rows) {
    it(`${row.name}: derived facts equal a full read of every certificate`, async () => {
      const ca = row.under ? mid : root;
      const { items, notes } = await issueBatch(NODES, ca, {
        algorithm: row.algorithm,
        profile: row.profile,
        days: row.days ?? 30,
      });
      if (row.days) expect(notes.join(' ')).toMatch(/shortened/);
      const { facts, metas } = derived(items, row.profile, ca, row.algorithm);
      expect('model' in facts).toBe(true);
      expect(metas).toStrictEqual(full(items, row.profile));
    });
  }

  it('clients (no SANs under the client profile): no sans in their facts, as read', async () => {
    const { items } = await issueBatch('app\nworker_2', root, { profile: 'client', days: 30 });
    const { metas } = derived(items, 'client', root, 'p256');
    expect(metas).toStrictEqual(full(items, 'client'));
    expect(metas[0]).not.toHaveProperty('sans');
  });

  it('a key type certificateMeta does not label itself (ML-DSA-65): every certificate read in full', async () => {
    const { items } = await issueBatch('m1 10.0.0.1\nm2', root, { algorithm: 'mldsa65', days: 30 });
    const { facts, metas } = derived(items, 'node', root, 'mldsa65');
    expect('each' in facts).toBe(true);
    expect(metas).toStrictEqual(full(items, 'node'));
  });

  it('a whole cluster through the wire: every leaf has the facts of its certificate', async () => {
    const made = await setUpCluster(
      {
        cluster: 'Meta, "Cluster"',
        nodes: NODES,
        clients: ['app', 'ops.tool'],
        target: 'generic',
        keyAlgorithm: 'p384',
        caDays: 30,
        leafDays: 90,
      },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    for (const [side, profile] of [
      [made.nodes, 'node'],
      [made.clients, 'client'],
    ] as const)
      for (const leaf of side)
        expect(leaf.meta, leaf.name).toStrictEqual(certificateMeta(leaf.certPem, { profile }, leaf.meta.sans));
    expect(made.nodes[0]?.meta.notAfter).toBe(made.ca.meta.notAfter);
  });
});
