// Every leaf of a cluster carries the issuers a TLS peer needs above it (the signing CA's
// intermediates, never the root), under each kind of signer, and openssl verifies each leaf from
// the root alone with that chain as untrusted intermediates.
import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createRootCa, type CaResult } from '../pki/index.ts';
import { opensslVerify } from '../test/judges/openssl.ts';
import { issueCluster, type ClusterCa, type ClusterPlan } from './cluster.ts';

const plan: ClusterPlan = {
  cluster: 'chain',
  nodes: 'n1 10.0.0.1\nn2 10.0.0.2\nn3 n3.chain.example',
  clients: ['app', 'ops'],
  layout: 'generic',
  algorithm: 'p256',
  leafDays: 30,
};

const blocks = (pem: string) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];

interface Signers {
  root: CaResult;
  mid: CaResult;
  low: CaResult;
}

const rows: {
  name: string;
  input: (s: Signers) => ClusterCa;
  /** The certificates the cluster's intermediatesPem (every leaf's chain above it) holds, in order. */
  want: (s: Signers) => string[];
}[] = [
  { name: 'a new root', input: () => ({ newRoot: { days: 60 } }), want: () => [] },
  { name: 'an existing root', input: (s) => ({ existing: s.root }), want: () => [] },
  { name: 'an intermediate', input: (s) => ({ existing: s.mid }), want: (s) => blocks(s.mid.certPem) },
  {
    name: 'an intermediate under an intermediate',
    input: (s) => ({ existing: s.low }),
    want: (s) => [...blocks(s.low.certPem), ...blocks(s.mid.certPem)],
  },
];

describe('cluster leaves carry the chain above them', () => {
  for (const row of rows) {
    it(`under ${row.name}: intermediates as expected, openssl verifies nodes (sslserver) and clients (sslclient)`, async () => {
      const root = await createRootCa({ subject: { commonName: 'Chain Root' }, days: 365 });
      const mid = await createIntermediateCa({ subject: { commonName: 'Chain Mid' }, pathLength: 1, days: 200 }, root);
      const low = await createIntermediateCa({ subject: { commonName: 'Chain Low' }, days: 100 }, mid);
      const signers = { root, mid, low };
      const issued = await issueCluster(plan, row.input(signers));
      const rootPem = issued.ca.isNewRoot ? issued.ca.certPem : root.certPem;
      const leaves = [
        ...issued.nodes.map((l) => ({ leaf: l, purpose: 'sslserver' as const })),
        ...issued.clients.map((l) => ({ leaf: l, purpose: 'sslclient' as const })),
      ];
      expect(leaves).toHaveLength(5);
      expect(blocks(issued.intermediatesPem)).toEqual(row.want(signers));
      for (const { leaf, purpose } of leaves) {
        const v = await opensslVerify({
          rootPem,
          untrustedPem: issued.intermediatesPem,
          certPem: leaf.certPem,
          purpose,
        });
        expect(v.ok, `${leaf.name}: ${v.output}`).toBe(true);
      }
    });
  }
});
