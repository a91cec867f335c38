/**
 * The inspect report's relations: what each item gives the relations module to compare, and what
 * it finds (chains, key matches, duplicates) drawn as trees, each certificate marked with its key
 * and the chain above it.
 */
import type { Item, RelationItem, Relations } from '../pki/index.ts';
import type { InspectedItem, ReportNode } from './inspect-types.ts';

/** Chains drawn per report; a thousand-node bundle would otherwise draw a thousand trees. */
export const MAX_CHAIN_TREES = 20;

/** What the relations module compares: certificates and CSRs by DER, keys by their public half. */
export function relationItem(item: Item): RelationItem | undefined {
  // The reader's fingerprint is the relation id: the same SHA-256, not computed twice.
  if (item.kind === 'certificate') return { kind: item.kind, der: item.der, sha256: item.fingerprints.sha256 };
  if (item.kind === 'csr') return { kind: item.kind, der: item.der };
  if (item.kind === 'private-key' && item.publicKeyDer) return { kind: 'key', spki: item.publicKeyDer };
  return undefined;
}

/**
 * From the relations of `related` (the report's items in the order given to relate): mark each
 * certificate with its key and the chain above it (for saving), and draw chains longer than one
 * certificate, key matches and duplicates as trees.
 */
export function relationTrees(r: Relations, related: InspectedItem[]): ReportNode[] {
  const at = (i: number) => related[i];
  const title = (i: number) => at(i)?.title ?? `item ${i + 1}`;
  const selfSigned = new Set(r.issuedBy.filter((e) => e.subject === e.issuer).map((e) => e.subject));
  const trees: ReportNode[] = [];

  for (const m of r.keyMatches) {
    const owner = at(m.item);
    if (owner && !owner.keyId) owner.keyId = at(m.key)?.id;
  }
  const chains = r.chains.filter((c) => c.length > 1 || !selfSigned.has(c[0] ?? -1));
  chains.forEach((chain, n) => {
    const [leaf, ...above] = chain;
    const leafItem = leaf === undefined ? undefined : at(leaf);
    const issuers = above
      .filter((i) => !selfSigned.has(i))
      .map((i) => at(i)?.pem ?? '')
      .join('');
    if (leafItem && issuers) leafItem.chainPem = issuers;
    if (n >= MAX_CHAIN_TREES) return;
    const top = chain[chain.length - 1] ?? -1;
    trees.push({
      label: 'Chain',
      value: leaf === undefined ? '' : title(leaf),
      note: selfSigned.has(top) ? 'ends at a self-signed root' : 'the issuer of the top certificate is not loaded',
      children: chain.map((i, depth) => ({ label: depth === 0 ? 'Certificate' : 'Issued by', value: title(i) })),
    });
  });
  if (chains.length > MAX_CHAIN_TREES)
    trees.push({
      label: 'More chains',
      value: String(chains.length - MAX_CHAIN_TREES),
      note: "each leaf's own section names its issuer",
    });
  if (r.keyMatches.length) {
    trees.push({
      label: 'Private keys',
      children: r.keyMatches.map((m) => ({ label: title(m.key), value: `belongs to ${title(m.item)}` })),
    });
  }
  // Name each matched key after what it belongs to: "ECDSA P-256 (CN=node1)" says more than the algorithm.
  for (const m of r.keyMatches) {
    const key = at(m.key);
    const owner = at(m.item);
    if (key && owner && at(m.item)?.kind === 'certificate' && !key.title.includes('('))
      key.title = `${key.title} (${owner.title})`;
  }
  if (r.duplicates.length) {
    trees.push({
      label: 'Duplicates',
      children: r.duplicates.map((g) => ({
        label: `${g.length} copies`,
        value: title(g[0] ?? 0),
        children: g.map((i) => ({ label: 'From', value: at(i)?.source ?? '' })),
      })),
    });
  }
  return trees;
}
