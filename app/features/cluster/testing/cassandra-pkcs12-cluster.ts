/**
 * Test support for the Cluster view's Cassandra PKCS#12 tests: a cluster made by the production
 * setup (the worker operation's flow) with the form's PKCS#12 choice, and keytool's verdict on the
 * stores a bundle of it holds.
 */
import { expect } from 'vitest';
import type { BundleFile } from '../../../layouts/types.ts';
import { writeBundleFiles } from '../../../layouts/testing/openssl-bundle.ts';
import { judgeCassandraStores } from '../../../test/judges/keytool-stores.ts';
import { setUpCluster } from '../../../worker/cluster-setup.ts';
import type { ClusterArgs, ClusterResult } from '../../../worker/pki-contract.ts';

/** Cluster "ring": `nodes` at 10.0.0.N with NAME.db.internal, client cqlsh, PKCS#12 under `storePassword`. */
export function pkcs12Cluster(
  nodes: readonly string[],
  storePassword: string,
  args: Partial<ClusterArgs> = {},
): Promise<ClusterResult> {
  return setUpCluster(
    {
      cluster: 'ring',
      nodes: nodes.map((n, i) => `${n} 10.0.0.${i + 1} ${n}.db.internal`).join('\n'),
      clients: ['cqlsh'],
      target: 'cassandra',
      keyAlgorithm: 'p256',
      caDays: 30,
      leafDays: 10,
      cassandraFormat: 'pkcs12',
      storePassword,
      ...args,
    },
    { signal: new AbortController().signal, progress: () => undefined },
  );
}

/**
 * keytool opens every node's keystore.p12 (one PrivateKeyEntry) and truststore.p12 (trusted CA
 * entries) from `files` with `storePassword`; the first node's also refuse a wrong password, and its
 * key opens with the store password (what Cassandra's keystore_password does).
 */
export function expectStoresOpen(files: readonly BundleFile[], nodes: readonly string[], storePassword: string): void {
  const verdicts = judgeCassandraStores(writeBundleFiles(files), nodes, storePassword);
  for (const v of verdicts) {
    expect(v.listStatus, v.output).toBe(0);
    if (v.wrongPasswordStatus !== -1)
      expect(v.wrongPasswordStatus, `${v.path} opened with a wrong password`).not.toBe(0);
    if (v.path.endsWith('keystore.p12')) {
      expect(v.entries, v.output).toEqual({ privateKey: 1, trustedCert: 0 });
      if (v.keyOpensStatus !== undefined) expect(v.keyOpensStatus, v.output).toBe(0);
    } else expect(v.entries.trustedCert, v.output).toBeGreaterThan(0);
  }
  expect(verdicts.filter((v) => v.keyOpensStatus === 0)).toHaveLength(1);
}
