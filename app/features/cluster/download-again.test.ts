/**
 * Issue 11/12: a Cassandra cluster made with PKCS#12 stores downloads again as PKCS#12 (it came back
 * as PEM files, which the nodes' cassandra.yaml does not name), with the store password typed again:
 * the workspace remembers the form, never the password. keytool judges the stores built again.
 */
import { describe, expect, it } from 'vitest';
import { bundleFromWorkspace } from '../../flows/bundle-from-workspace.ts';
import { buildBundle } from '../../layouts/build-bundle.ts';
import { createAppStore } from '../../store/create-store.ts';
import { migrateItem, SCHEMA_VERSION } from '../../store/migrate.ts';
import { memoryRecordStore } from '../../store/record-store.ts';
import { selectItemList } from '../../store/selectors.ts';
import type { WorkspaceItem } from '../../store/index.ts';
import { needsStorePassword, savedLayoutOptions } from './saved-layout.ts';
import { saveCluster } from './save-cluster.ts';
import { expectStoresOpen, pkcs12Cluster } from './testing/cassandra-pkcs12-cluster.ts';

const PASSWORD = 'ring-store-2';

function bundleItem(meta: WorkspaceItem['meta']): WorkspaceItem {
  const at = '2026-12-01T00:00:00.000Z';
  return { id: 'b1', kind: 'bundle', name: 'ring (cassandra)', pem: '', createdAt: at, updatedAt: at, meta };
}

describe('the layout options a saved bundle is built again with', () => {
  const pkcs12 = bundleItem({ layout: 'cassandra', target: 'cassandra', cassandraFormat: 'pkcs12' });
  const rows: { name: string; bundle: WorkspaceItem; password?: string; want: unknown; asks: boolean }[] = [
    { name: 'ScyllaDB: none', bundle: bundleItem({ layout: 'scylla' }), want: { options: {} }, asks: false },
    {
      name: 'Cassandra PEM',
      bundle: bundleItem({ layout: 'cassandra', cassandraFormat: 'pem' }),
      want: { options: { cassandraFormat: 'pem' } },
      asks: false,
    },
    {
      name: 'Cassandra saved before the form was remembered: PEM, as it was made then',
      bundle: bundleItem({ layout: 'cassandra' }),
      want: { options: { cassandraFormat: 'pem' } },
      asks: false,
    },
    {
      name: 'Cassandra PKCS#12 without the password',
      bundle: pkcs12,
      want: { error: expect.stringMatching(/^Choose a store password/) as unknown },
      asks: true,
    },
    {
      name: 'Cassandra PKCS#12 under a password Java cannot read',
      bundle: pkcs12,
      password: 'pässwort',
      want: { error: expect.stringMatching(/^Use printable ASCII only/) as unknown },
      asks: true,
    },
    {
      name: 'Cassandra PKCS#12 with the password',
      bundle: pkcs12,
      password: PASSWORD,
      want: { options: { cassandraFormat: 'pkcs12', storePassword: PASSWORD } },
      asks: true,
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      expect(needsStorePassword(row.bundle)).toBe(row.asks);
      expect(savedLayoutOptions(row.bundle, row.password)).toEqual(row.want);
    });

  const stored = [
    { name: 'pkcs12 is kept', value: 'pkcs12', want: 'pkcs12' },
    { name: 'pem is kept', value: 'pem', want: 'pem' },
    { name: 'an unknown form is dropped', value: 'jks', want: undefined },
  ];
  for (const row of stored)
    it(`a stored Cassandra form: ${row.name}`, () => {
      const raw = JSON.parse(JSON.stringify(bundleItem({ layout: 'cassandra' }))) as Record<string, unknown>;
      const read = migrateItem({ ...raw, meta: { layout: 'cassandra', cassandraFormat: row.value } }, SCHEMA_VERSION);
      expect(read?.meta.cassandraFormat).toBe(row.want);
    });
});

describe('a Cassandra PKCS#12 cluster saved and downloaded again', () => {
  it('keeps the form, not the password, and builds stores that keytool opens with the password typed again', async () => {
    const made = await pkcs12Cluster(['cass1', 'cass2'], PASSWORD);
    const app = createAppStore({ records: memoryRecordStore(), channelName: `download-again-${process.pid}` });
    try {
      await app.hydration;
      saveCluster(app.store.getState(), 'ring', 'cassandra', made, 'pkcs12');
      const items = app.store.getState().items;
      const list = selectItemList(app.store.getState());
      const bundle = list.find((i) => i.kind === 'bundle');
      if (!bundle) throw new Error('no bundle saved');
      expect(bundle.meta).toMatchObject({ layout: 'cassandra', cassandraFormat: 'pkcs12' });
      // What IndexedDB and a workspace file would hold: the password appears nowhere.
      expect(JSON.stringify(list)).not.toContain(PASSWORD);

      const chosen = savedLayoutOptions(bundle, PASSWORD);
      if ('error' in chosen) throw new Error(chosen.error);
      const source = bundleFromWorkspace(items, bundle);
      if (!source) throw new Error('the bundle lost its CA');
      const built = await buildBundle({ bundle: source.bundle, layout: 'cassandra', options: chosen.options });
      const paths = built.files.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['cass1/keystore.p12', 'cass2/truststore.p12']));
      expect(paths.filter((p) => p.endsWith('keystore.pem'))).toEqual([]);

      expectStoresOpen(built.files, ['cass1', 'cass2'], PASSWORD);
    } finally {
      app.dispose();
    }
  }, 120_000);
});
