/**
 * The public surface end to end: what the issuing core makes, the reader reads, the judge
 * validates for its host and role, and the linter passes, all through app/pki/index.ts.
 */
import { describe, expect, it } from 'vitest';
import * as pki from './index.ts';

describe('pki public surface', () => {
  it('issues, reads back, validates and lints a node certificate under an intermediate', async () => {
    const root = await pki.createRootCa({ subject: { commonName: 'Surface Root' } });
    const inter = await pki.createIntermediateCa({ subject: { commonName: 'Surface Issuing' } }, root);
    const leaf = await pki.issueLeaf(
      { profile: 'node', commonName: 'node-1', sans: 'node-1.cluster.local, 10.0.0.11' },
      inter,
    );

    const items = await pki.readInput({ name: 'bundle.pem', text: leaf.chainPem + root.certPem + leaf.keyPem });
    expect(items.map((i) => i.kind)).toEqual(['certificate', 'certificate', 'certificate', 'private-key']);

    const [leafItem, interItem, rootItem] = items;
    if (leafItem?.kind !== 'certificate' || interItem?.kind !== 'certificate' || rootItem?.kind !== 'certificate')
      throw new Error('unexpected items');
    const summary = pki.summarize(leafItem);
    if (summary.kind !== 'certificate') throw new Error('not a certificate summary');
    expect(summary.subject).toBe('CN=node-1');
    expect(summary.subjectAltNames).toEqual(
      expect.arrayContaining([
        { type: 'dns', value: 'node-1.cluster.local' },
        { type: 'ip', value: '10.0.0.11' },
      ]),
    );
    expect(summary.findings.filter((f) => f.severity === 'error')).toEqual([]);

    for (const purpose of ['server', 'client'] as const) {
      const result = await pki.validatePath({
        leaf: leafItem.der,
        intermediates: [interItem.der],
        anchors: [rootItem.der],
        purpose,
        host: '10.0.0.11',
      });
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.valid).toBe(true);
    }
    const wrongHost = await pki.validatePath({
      leaf: leafItem.der,
      intermediates: [interItem.der],
      anchors: [rootItem.der],
      purpose: 'server',
      host: '10.0.0.12',
    });
    expect(wrongHost.valid).toBe(false);

    const related: pki.RelationItem[] = [];
    for (const i of items) {
      if (i.kind === 'certificate') related.push({ kind: 'certificate', der: i.der });
      if (i.kind === 'private-key' && i.publicKeyDer) related.push({ kind: 'key', spki: i.publicKeyDer });
    }
    const relations = await pki.relate(related);
    expect(relations.keyMatches.length).toBe(1);
  });
});
