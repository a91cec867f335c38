/** The inventory's words for an item's kind, shared by the table and the tree. */
import type { WorkspaceItem } from '../../store/index.ts';

const KIND_LABEL: Record<string, string> = {
  ca: 'CA',
  certificate: 'Certificate',
  key: 'Key',
  csr: 'CSR',
  bundle: 'Bundle',
};

/** "Certificate (node)", "CA", "Bundle": the kind, with the profile when there is one. */
export function kindText(item: WorkspaceItem): string {
  const kind = KIND_LABEL[item.kind] ?? item.kind;
  return item.meta.profile ? `${kind} (${item.meta.profile})` : kind;
}
