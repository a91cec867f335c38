// Derived facts are the facts read from each certificate: compared leaf by leaf with
// certificateMeta (a full @peculiar/x509 read) over key types, and with a batch the derivation
// must refuse (it falls back to full reads).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAlgorithmId } from '../pki/algorithms.ts';
import { issueBatch, type BatchItem } from '../pki/batch.ts';
import { createRootCa, type CaResult } from '../pki/ca.ts';
import { batchLeafFacts } from './batch-meta.ts';
import { decodeLeafColumns, leafColumns } from './cluster-wire.ts';
import { certificateMeta } from './issuing-meta.ts';

const NODES = [
  'n1 10.0.0.1 n1.db.example',
  'n2 2001:db8::2',
  'node-3.example',
  'n4 10.0.0.4 10.0.1.4 a.example b.example',
  'n_5 n5.example',
].join('\n');

/** Each leaf's facts as the page reads them: batchLeafFacts through the wire and back. */
const batchLeafMeta = (items: readonly BatchItem[], profile: 'node') =>
  decodeLeafColumns(leafColumns(items, batchLeafFacts(items, profile))).map((l) => l.meta);

const full = (items: readonly BatchItem[]) => items.map((i) => certificateMeta(i.certPem, { profile: 'node' }, i.sans));

describe('batchLeafMeta', () => {
  let ca: CaResult;
  beforeAll(async () => {
    ca = await createRootCa({ subject: { commonName: 'Meta Root', organization: 'Ünïcode, Inc.' }, days: 365 });
  });

  const algorithms: KeyAlgorithmId[] = ['p256', 'p384', 'rsa2048', 'ed25519'];
  for (const algorithm of algorithms) {
    it(`${algorithm} leaves: derived facts equal a full read of every certificate`, async () => {
      const { items } = await issueBatch(NODES, ca, { algorithm, days: 30 });
      expect(batchLeafMeta(items, 'node')).toEqual(full(items));
    });
  }

  it('leaves that are not one batch (a name that is not the CN) are read in full', async () => {
    const { items } = await issueBatch(NODES, ca, { days: 30 });
    const renamed = items.map((i, n) => (n === items.length - 1 ? { ...i, name: 'someone-else' } : i));
    const metas = batchLeafMeta(renamed, 'node');
    expect(metas).toEqual(full(items));
    expect(metas.at(-1)?.subject).toBe('CN=n_5');
  });
});
