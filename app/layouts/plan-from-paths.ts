/** The common case of a layout plan: every path a layout names becomes one file of the matching kind. */
import type { EntityPaths, EntityRef, FileContent, LayoutPaths, PlannedFile } from './types.ts';

/** Join path segments with '/', skipping empty ones (a flat layout has no folder). */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

function describeContent(content: FileContent): string {
  switch (content.kind) {
    case 'trust':
      return 'CA certificate(s) to trust';
    case 'leaf':
      return `${content.of.name}: certificate`;
    case 'fullchain':
      return `${content.of.name}: certificate followed by any intermediate CA certificates`;
    case 'key':
      return `${content.of.name}: private key (keep secret)`;
    case 'key-and-chain':
      return `${content.of.name}: private key, certificate and intermediates in one PEM (keep secret)`;
    case 'keystore':
      return `${content.of.name}: PKCS#12 keystore with the private key and its chain (keep secret)`;
    case 'truststore':
      return 'PKCS#12 truststore with the CA certificate(s)';
    case 'text':
      return 'text';
  }
}

/**
 * Files for the paths of one entity. `certKind` says whether `cert` holds the leaf alone or the
 * leaf and its intermediates (what TLS servers should present).
 */
function entityFiles(
  entity: EntityPaths,
  of: EntityRef,
  certKind: 'leaf' | 'fullchain',
): { path: string; content: FileContent }[] {
  const files: { path: string; content: FileContent }[] = [];
  if (entity.keyAndChain) files.push({ path: entity.keyAndChain, content: { kind: 'key-and-chain', of } });
  if (entity.keystore) files.push({ path: entity.keystore, content: { kind: 'keystore', of } });
  if (entity.truststore) files.push({ path: entity.truststore, content: { kind: 'truststore' } });
  // A Cassandra node's cert and key live inside its key-and-chain file or keystore.
  const bundled = new Set([entity.keyAndChain, entity.keystore]);
  if (!bundled.has(entity.cert)) files.push({ path: entity.cert, content: { kind: certKind, of } });
  if (!bundled.has(entity.key)) files.push({ path: entity.key, content: { kind: 'key', of } });
  if (entity.fullchain) files.push({ path: entity.fullchain, content: { kind: 'fullchain', of } });
  files.push({ path: entity.ca, content: { kind: 'trust' } });
  return files;
}

/**
 * Plan every file named in `paths`: the root CA first, then nodes, then clients. A path named twice
 * for the same content (the CA file several entities share) is planned once; a path named for two
 * different contents stays twice so `checkDistinctPaths` reports the clash.
 */
export function planFromPaths(paths: LayoutPaths, certKind: 'leaf' | 'fullchain' = 'fullchain'): PlannedFile[] {
  const all: { path: string; content: FileContent }[] = [];
  if (paths.ca) all.push({ path: paths.ca, content: { kind: 'trust' } });
  for (const n of paths.nodes) all.push(...entityFiles(n, { role: 'node', name: n.name }, certKind));
  for (const c of paths.clients) all.push(...entityFiles(c, { role: 'client', name: c.name }, certKind));
  const seen = new Set<string>();
  const planned: PlannedFile[] = [];
  for (const f of all) {
    const key = `${f.path}\n${JSON.stringify(f.content)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push({ ...f, about: describeContent(f.content) });
  }
  return planned;
}
