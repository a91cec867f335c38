/**
 * "Download again" for a saved cluster: the zip built in the worker as the bundle was made
 * (saved-layout.ts), saved as `<name>-<layout>.zip`. Loaded on the first click: it brings the
 * layouts' registry, which the Cluster view's first page does without.
 */
import { bundleFromWorkspace } from '../../flows/bundle-from-workspace.ts';
import { download, fileSafe } from '../../lib/download.ts';
import { appStore, ensureKeysUnlocked } from '../../store/index.ts';
import { callWorker } from '../../worker/client.ts';
import { savedLayout, savedLayoutOptions } from './saved-layout.ts';

/**
 * Build the bundle's zip in the worker, as it was made, and save it; returns the sentence that
 * reports it. Locked keys are unlocked first (the user is asked; declining rejects), and the items
 * are read after that: the copies the list rendered hold no locked key.
 */
export async function downloadBundleAgain(bundleId: string, storePassword?: string): Promise<string> {
  const name = appStore.getState().items[bundleId]?.name ?? 'the cluster';
  await ensureKeysUnlocked(`Downloading ${name} again`);
  const items = appStore.getState().items;
  const bundle = items[bundleId];
  if (!bundle) throw new Error(`${name} is no longer in the workspace.`);
  const built = bundleFromWorkspace(items, bundle);
  if (!built) throw new Error(`The CA of ${bundle.name} is no longer in the workspace.`);
  const chosen = savedLayoutOptions(bundle, storePassword);
  if ('error' in chosen) throw new Error(chosen.error);
  const layout = savedLayout(bundle);
  const out = await callWorker('exportBundle', { bundle: built.bundle, layout, options: chosen.options });
  download(`${fileSafe(bundle.name)}-${layout}.zip`, out.zip, 'application/zip');
  const left = built.skipped.length ? ` Left out (no private key in the workspace): ${built.skipped.join(', ')}.` : '';
  const stores = chosen.options.cassandraFormat === 'pkcs12' ? ' (PKCS#12 stores under the password you typed)' : '';
  return `Downloaded ${bundle.name}: ${out.files.length} files${stores}.${left}`;
}
