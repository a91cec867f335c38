/** The ordered registry of bundle layouts: the UI and `certbench bundle --layout` list them in this order. */
import type { Layout } from './types.ts';
import { PkiError } from '../pki/light/index.ts';
import { castyLayout } from './casty.ts';
import { haystackLayout } from './haystack.ts';
import { crankLayout } from './crank.ts';
import { scyllaLayout } from './scylla.ts';
import { cassandraLayout } from './cassandra.ts';
import { kubernetesLayout } from './kubernetes.ts';
import { genericLayout } from './generic.ts';

export const LAYOUTS: readonly Layout[] = [
  castyLayout,
  haystackLayout,
  crankLayout,
  scyllaLayout,
  cassandraLayout,
  kubernetesLayout,
  genericLayout,
];

/** The layout with this id, or a PkiError naming the ones there are. */
export function layoutById(id: string): Layout {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) {
    throw new PkiError(
      'invalid-argument',
      'layout',
      `Unknown layout "${id}"; choose one of ${LAYOUTS.map((l) => l.id).join(', ')}.`,
    );
  }
  return layout;
}

export { isLayoutId } from './layout-ids.ts';
