/**
 * The tree of a certificate whose report came without it (a report of many certificates:
 * InspectRequest.treesOnRequestFrom), made in the worker when its card is drawn. Each item is
 * asked for once: a card closed and opened again finds its tree, and a failed request is
 * forgotten so the next opening asks again.
 */
import { useEffect, useState } from 'react';
import type { InspectedItem, ReportNode } from '../../flows/inspect-report.ts';
import { callWorker, errorMessage } from '../../worker/client.ts';

const asked = new WeakMap<InspectedItem, Promise<ReportNode>>();

/** The item's tree: its own, or the worker's for `at` (the report's instant), asked for once. */
export function certificateTreeOf(item: InspectedItem, at: string): Promise<ReportNode> {
  if (item.tree) return Promise.resolve(item.tree);
  let tree = asked.get(item);
  if (!tree) {
    tree = item.pem
      ? callWorker('inspectTree', { pem: item.pem, source: item.source, at })
      : Promise.reject(new Error(`${item.source} has no PEM to read its details from`));
    asked.set(item, tree);
    tree.catch(() => asked.delete(item));
  }
  return tree;
}

export type TreeState = { tree: ReportNode } | { failure: string } | { waiting: true };

/** The tree of `item` for drawing: at once when the report holds it, else once the worker has made it. */
export function useCertificateTree(item: InspectedItem, at: string): TreeState {
  const [made, setMade] = useState<{ item: InspectedItem; state: TreeState } | undefined>(undefined);
  useEffect(() => {
    if (item.tree) return;
    let current = true;
    certificateTreeOf(item, at).then(
      (tree) => current && setMade({ item, state: { tree } }),
      (e: unknown) => current && setMade({ item, state: { failure: errorMessage(e) } }),
    );
    return () => {
      current = false;
    };
  }, [item, at]);
  if (item.tree) return { tree: item.tree };
  return made?.item === item ? made.state : { waiting: true };
}
