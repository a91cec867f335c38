import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/create-store.ts';
import { memoryRecordStore } from '../../store/record-store.ts';
import { selectItemList } from '../../store/selectors.ts';
import type { ClusterResult } from '../../worker/pki-contract.ts';
import { clusterResultBundle } from './cluster-result.tsx';
import { saveCluster } from './save-cluster.ts';
import { TARGETS } from '../../targets/index.ts';
import { nodeLines, parseClients } from './form-lists.ts';

describe('cluster form helpers', () => {
  const clientRows = [
    { name: 'one per line', input: 'app\ncqlsh\n', want: ['app', 'cqlsh'] },
    { name: 'commas and blanks', input: ' app , ,cqlsh', want: ['app', 'cqlsh'] },
    { name: 'duplicates once', input: 'app\napp', want: ['app'] },
    { name: 'nothing', input: '  \n', want: [] },
  ];
  for (const row of clientRows) it(`clients: ${row.name}`, () => expect(parseClients(row.input)).toEqual(row.want));

  const nodeRows = [
    {
      name: 'comments and blanks are not nodes',
      input: '# rack 1\nn1 10.0.0.1\n\n  n2  ',
      want: ['n1 10.0.0.1', 'n2'],
    },
    { name: 'empty', input: '', want: [] },
  ];
  for (const row of nodeRows) it(`nodes: ${row.name}`, () => expect(nodeLines(row.input)).toEqual(row.want));

  it('every target the issue names is offered, in its order', () => {
    expect(TARGETS.map((t) => t.label)).toEqual([
      'ScyllaDB',
      'Cassandra',
      'casty',
      'haystack',
      'crank',
      'Node.js',
      'Kubernetes',
      'generic',
    ]);
  });
});

const result: ClusterResult = {
  ca: { certPem: 'CA', keyPem: 'CAKEY', chainPem: '', meta: { subject: 'CN=prod CA' }, notes: [] },
  leafChainPem: 'CA',
  nodes: [
    {
      name: 'n1',
      certPem: 'N1',
      keyPem: 'K1',
      meta: {
        sans: [
          { kind: 'dns', value: 'n1' },
          { kind: 'ip', value: '10.0.0.1' },
          { kind: 'dns', value: 'n1.db' },
        ],
      },
      notes: [],
    },
  ],
  clients: [{ name: 'app', certPem: 'C1', keyPem: 'KC', meta: {}, notes: [] }],
  target: 'scylla',
  layout: 'scylla',
  warnings: [],
};

describe('a finished cluster', () => {
  it('is saved as a CA, its certificates under it, and a bundle that lists them', async () => {
    const app = createAppStore({ records: memoryRecordStore(), channelName: `cluster-${process.pid}` });
    await app.hydration;
    saveCluster(app.store.getState(), 'prod', 'scylla', result);
    const items = selectItemList(app.store.getState());
    const ca = items.find((i) => i.kind === 'ca');
    const bundle = items.find((i) => i.kind === 'bundle');
    expect(ca).toMatchObject({ name: 'prod CA', pem: 'CA', keyPem: 'CAKEY' });
    expect(
      items
        .filter((i) => i.parentId === ca?.id)
        .map((i) => [i.kind, i.name, i.meta.profile])
        .sort(),
    ).toEqual([
      ['bundle', 'prod (scylla)', undefined],
      ['certificate', 'app', 'client'],
      ['certificate', 'n1', 'node'],
    ]);
    // Each leaf keeps the chain above it, sent once with the result.
    expect(items.filter((i) => i.kind === 'certificate').map((i) => i.chainPem)).toEqual(['CA', 'CA']);
    expect(bundle?.meta).toMatchObject({ layout: 'scylla', target: 'scylla' });
    expect(bundle?.meta.members?.[0]).toBe(ca?.id);
    expect(bundle?.meta.members).toHaveLength(3);
    app.dispose();
  });

  it('zips with node hosts split by kind from the SANs', () => {
    expect(clusterResultBundle('prod', result).nodes[0]).toMatchObject({
      name: 'n1',
      dns: ['n1', 'n1.db'],
      ips: ['10.0.0.1'],
    });
  });
});
