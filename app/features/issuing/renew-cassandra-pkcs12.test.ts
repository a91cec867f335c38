/**
 * Issue 11 (closing note, "untested"): renewing a Cassandra cluster made with PKCS#12 stores keeps
 * its form. The cluster is made by the worker's setup and saved as the Cluster view saves it; the
 * Cluster list's "Renew cluster" (renewBundle) and "Download again" (downloadBundleAgain) run as in
 * the page, over the real worker protocol and operations (only the Worker is a MessageChannel, and
 * the browser's file save is caught). keytool judges the stores of the zip: they are PKCS#12, open
 * with the store password typed again, and hold the renewed certificates, not the old ones.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BundleFile } from '../../layouts/types.ts';
import { writeBundleFiles } from '../../layouts/testing/openssl-bundle.ts';
import { appStore, selectItemList, type WorkspaceItem } from '../../store/index.ts';
import { requireTool, run } from '../../test/judges/tools.ts';
import { downloadBundleAgain } from '../cluster/bundle-download.ts';
import { needsStorePassword } from '../cluster/saved-layout.ts';
import { saveCluster } from '../cluster/save-cluster.ts';
import { expectStoresOpen, pkcs12Cluster } from '../cluster/testing/cassandra-pkcs12-cluster.ts';
import { renewBundle } from './lifecycle-actions.ts';
import { closeInProcessClients } from '../../worker/testing/channel-worker.ts';

const saved = vi.hoisted(() => [] as { name: string; contents: string | Uint8Array }[]);
vi.mock('../../lib/download.ts', async (original) => ({
  ...(await original<typeof import('../../lib/download.ts')>()),
  download: (name: string, contents: string | Uint8Array) => void saved.push({ name, contents }),
}));

// The page's worker client over a MessageChannel served by the worker's own operations.
vi.mock('../../worker/client.ts', async (original) =>
  (await import('../../worker/testing/channel-worker.ts')).inProcessClient(
    await original<typeof import('../../worker/client.ts')>(),
  ),
);

afterAll(closeInProcessClients);

const PASSWORD = 'ring-store-2';
const NODES = ['cass1', 'cass2'];

function bundles(): WorkspaceItem[] {
  return selectItemList(appStore.getState()).filter((i) => i.kind === 'bundle');
}

/** The zip "Download again" saved, as bundle files. */
function savedZip(): BundleFile[] {
  const zip = saved.at(-1)?.contents;
  if (!(zip instanceof Uint8Array)) throw new Error('no zip was saved');
  return Object.entries(unzipSync(zip)).map(([path, bytes]) => ({
    path,
    contents: path.endsWith('.p12') ? bytes : strFromU8(bytes),
    secret: false,
  }));
}

/** The base64 body of a PEM certificate, as `keytool -list -rfc` prints it (76 columns: compare unwrapped). */
function body(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

describe('Renew cluster keeps a Cassandra PKCS#12 cluster PKCS#12', () => {
  it('the renewed bundle remembers the form; Download again builds PKCS#12 stores of the renewed certificates', async () => {
    requireTool('keytool');
    const made = await pkcs12Cluster(NODES, PASSWORD);
    saveCluster(appStore.getState(), 'ring', 'cassandra', made, 'pkcs12');
    const [old] = bundles();
    if (!old) throw new Error('the cluster was not saved');

    const renewed = await renewBundle(old.id);
    expect(renewed.meta).toMatchObject({ layout: 'cassandra', cassandraFormat: 'pkcs12' });
    expect(needsStorePassword(renewed)).toBe(true);
    expect(appStore.getState().items[old.id]?.meta.supersededBy).toBe(renewed.id);
    // What is stored holds the form, never the password.
    expect(JSON.stringify(appStore.getState().items)).not.toContain(PASSWORD);

    await expect(downloadBundleAgain(renewed.id)).rejects.toThrow(/store password/i);
    const said = await downloadBundleAgain(renewed.id, PASSWORD);
    expect(said).toMatch(/PKCS#12 stores under the password you typed/);
    expect(saved.at(-1)?.name).toBe(`${renewed.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-cassandra.zip`);

    const files = savedZip();
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(NODES.flatMap((n) => [`${n}/keystore.p12`, `${n}/truststore.p12`])));
    expect(paths.filter((p) => /keystore\.pem$/.test(p))).toEqual([]);
    expectStoresOpen(files, NODES, PASSWORD);

    // Each keystore holds its node's renewed certificate, not the one it replaced.
    const dir = writeBundleFiles(files);
    const items = appStore.getState().items;
    for (const node of NODES) {
      const listed = run('keytool', [
        '-list',
        '-rfc',
        '-storetype',
        'PKCS12',
        '-keystore',
        `${dir}/${node}/keystore.p12`,
        '-storepass',
        PASSWORD,
      ]);
      expect(listed.status, listed.stderr).toBe(0);
      const text = listed.stdout.replace(/\s+/g, '');
      const mine = (renewed.meta.members ?? []).flatMap((id) => (items[id]?.name === node ? [items[id]] : []));
      const previous = (old.meta.members ?? []).flatMap((id) => (items[id]?.name === node ? [items[id]] : []));
      expect(mine).toHaveLength(1);
      expect(previous).toHaveLength(1);
      expect(text).toContain(body(mine[0]?.pem ?? 'missing'));
      expect(text).not.toContain(body(previous[0]?.pem ?? 'missing'));
    }
  }, 180_000);
});
