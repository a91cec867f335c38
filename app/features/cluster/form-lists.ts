/** The systems a cluster bundle can be made for, in the order the UI lists them, with their layout. */
import type { TargetId } from '../../worker/pki-contract.ts';

export interface Target {
  id: TargetId;
  label: string;
  /** The bundle layout (app/layouts) its files follow. */
  layout: string;
}

export const TARGETS: readonly Target[] = [
  { id: 'scylla', label: 'ScyllaDB', layout: 'scylla' },
  { id: 'cassandra', label: 'Cassandra', layout: 'cassandra' },
  { id: 'casty', label: 'casty', layout: 'casty' },
  { id: 'haystack', label: 'haystack', layout: 'haystack' },
  { id: 'crank', label: 'crank', layout: 'crank' },
  { id: 'node', label: 'Node.js', layout: 'generic' },
  { id: 'kubernetes', label: 'Kubernetes', layout: 'kubernetes' },
  { id: 'generic', label: 'generic', layout: 'generic' },
];

/** Client names from what was typed: one per line or comma separated, blanks dropped, duplicates once. */
export function parseClients(text: string): string[] {
  return [...new Set(text.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** The node lines that hold something. */
export function nodeLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}
