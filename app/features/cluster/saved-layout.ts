/**
 * How a saved cluster bundle is built again: its own layout and, for Cassandra, the file form it
 * was made with (PEM files or PKCS#12 stores). The PKCS#12 store password is not in the workspace
 * (certbench never keeps it at rest), so it is asked for again and passed in. Small and free of the
 * layouts, so the Cluster view's first page can decide whether to ask before loading anything.
 */
import { isLayoutId, type LayoutId } from '../../layouts/layout-ids.ts';
import type { LayoutOptions } from '../../layouts/types.ts';
import type { WorkspaceItem } from '../../store/index.ts';
import { cassandraStoreError } from '../issuing/cassandra-store-password.ts';

/** The layout the bundle was made for ('generic' when its record names none). */
export function savedLayout(bundle: WorkspaceItem): LayoutId {
  return bundle.meta.layout && isLayoutId(bundle.meta.layout) ? bundle.meta.layout : 'generic';
}

/** Does downloading `bundle` again need its store password typed again? */
export function needsStorePassword(bundle: WorkspaceItem): boolean {
  return savedLayout(bundle) === 'cassandra' && bundle.meta.cassandraFormat === 'pkcs12';
}

/**
 * The layout options that rebuild `bundle` as it was made, or the sentence saying what is missing
 * (`storePassword` is required exactly when needsStorePassword says so, and follows Java's rule).
 */
export function savedLayoutOptions(
  bundle: WorkspaceItem,
  storePassword?: string,
): { options: LayoutOptions } | { error: string } {
  if (savedLayout(bundle) !== 'cassandra') return { options: {} };
  if (!needsStorePassword(bundle)) return { options: { cassandraFormat: 'pem' } };
  const error = cassandraStoreError({ format: 'pkcs12', storePassword: storePassword ?? '' });
  return error ? { error } : { options: { cassandraFormat: 'pkcs12', storePassword: storePassword ?? '' } };
}
