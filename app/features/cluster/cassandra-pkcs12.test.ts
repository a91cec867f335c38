/**
 * Cassandra with PKCS#12 from the Cluster form (issue 12: the snippet pointed at stores the zip
 * lacked, under a password never asked): the worker operation with the form's choice, the bundle
 * the Download button builds, judged by keytool, and the cassandra.yaml of every node naming
 * exactly the files in that bundle.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClusterArgs } from '../../worker/pki-contract.ts';
import { clusterResultBundle } from './cluster-result.tsx';
import { buildBundle } from '../../layouts/build-bundle.ts';
import { renderSnippets } from '../../flows/bundle-snippets.ts';
import { snippetById } from '../../snippets/index.ts';
import { targetById } from '../../targets/index.ts';
import { targetSnippets } from '../../targets/snippets.ts';
import { DEFAULT_ROOTS } from '../../snippets/context.ts';
import { expectStoresOpen, pkcs12Cluster } from './testing/cassandra-pkcs12-cluster.ts';

const PASSWORD = 'ring-store-1';

const rows: { name: string; args: Partial<ClusterArgs>; nodes: string[] }[] = [
  { name: 'ECDSA P-256, two nodes', args: { keyAlgorithm: 'p256' }, nodes: ['cass1', 'cass2'] },
  // The PEM reader refuses Ed25519; PKCS#12 (read by Java's KeyStore) takes it.
  { name: 'Ed25519, one node', args: { keyAlgorithm: 'ed25519' }, nodes: ['cass1'] },
];

describe('Cluster view, Cassandra with PKCS#12', () => {
  for (const row of rows)
    it(
      row.name,
      async () => {
        const result = await pkcs12Cluster(row.nodes, PASSWORD, row.args);
        expect(result.target).toBe('cassandra');
        const options = { cassandraFormat: 'pkcs12' as const, storePassword: PASSWORD };
        // The snippets the result's panel offers: only the form chosen, no cassandra.yaml for PEM
        // files the zip does not hold.
        const offered = targetSnippets(targetById(result.target), options).map((s) => s.id);
        expect(offered).toContain('cassandra-yaml-pkcs12');
        expect(offered).not.toContain('cassandra-yaml-pem');
        const bundle = clusterResultBundle('ring', result);
        const built = await buildBundle({ bundle, layout: result.layout, options });
        const paths = built.files.map((f) => f.path);
        for (const n of row.nodes)
          expect(paths).toEqual(expect.arrayContaining([`${n}/keystore.p12`, `${n}/truststore.p12`]));
        expect(paths.some((p) => p.endsWith('keystore.pem'))).toBe(false);

        // Each node's cassandra.yaml names that node's files, and only files in the zip.
        const root = `${DEFAULT_ROOTS.cassandra}/`;
        for (const n of row.nodes) {
          const [shown] = renderSnippets(bundle, 'cassandra', [snippetById('cassandra-yaml-pkcs12')], options, {
            nodeName: n,
          });
          const yaml = parse(shown?.code ?? '') as Record<string, Record<string, unknown>>;
          for (const section of ['server_encryption_options', 'client_encryption_options']) {
            const o = yaml[section] ?? {};
            expect(o.store_type).toBe('PKCS12');
            expect([o.keystore, o.truststore]).toEqual([`${root}${n}/keystore.p12`, `${root}${n}/truststore.p12`]);
            for (const file of [o.keystore, o.truststore]) expect(paths).toContain(String(file).slice(root.length));
          }
        }

        expectStoresOpen(built.files, row.nodes, PASSWORD);
      },
      120_000,
    );
});
