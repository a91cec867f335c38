/** ML-DSA refused before any key for targets that cannot use it, in the flow the CLI's bundle and the Cluster view share. */
import { describe, expect, it } from 'vitest';
import type { LayoutId } from '../layouts/layout-ids.ts';
import { checkClusterPlan } from './cluster.ts';

describe('the cluster flow (CLI bundle and the Cluster view) refuses before any key', () => {
  const rows: { name: string; layout: LayoutId; cassandraFormat?: 'pem' | 'pkcs12'; want: RegExp | null }[] = [
    { name: 'ScyllaDB', layout: 'scylla', want: /GnuTLS/ },
    { name: 'Cassandra PEM', layout: 'cassandra', want: /RSA and EC keys only|Java 17/ },
    { name: 'Cassandra PKCS#12', layout: 'cassandra', cassandraFormat: 'pkcs12', want: /Java 17/ },
    { name: 'casty (Python ssl, OpenSSL >= 3.5)', layout: 'casty', want: null },
    { name: 'Kubernetes', layout: 'kubernetes', want: null },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const plan = {
        cluster: 'pq',
        nodes: 'node-1 10.0.0.1',
        clients: ['app'],
        layout: row.layout,
        algorithm: 'mldsa65' as const,
        leafDays: 30,
        layoutOptions: row.cassandraFormat ? { cassandraFormat: row.cassandraFormat, storePassword: 'store pw' } : {},
      };
      if (row.want) expect(() => checkClusterPlan(plan)).toThrow(row.want);
      else expect(checkClusterPlan(plan)).toEqual({ nodes: 1, clients: 1 });
    });
  }
});
