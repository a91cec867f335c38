/**
 * crank: every worker reads client.crt, client.key and ca.crt from its CERT_DIR. crank's promise is
 * that a worker's key never leaves the worker (it makes the key and a CSR; the CA signs the CSR), so
 * a crank bundle holds only what the CA side gives out: certificates and ca.crt, never client.key.
 * The key's path is still part of the layout: snippets point at it on the worker.
 */
import type { BundleOutline, EntityPaths, Layout } from './types.ts';
import { joinPath, planFromPaths } from './plan-from-paths.ts';

function certDir(outline: BundleOutline, name: string): EntityPaths {
  // A single worker's bundle is its CERT_DIR; several workers get one CERT_DIR folder each.
  const dir = outline.nodes.length + outline.clients.length === 1 ? '' : name;
  return { name, cert: joinPath(dir, 'client.crt'), key: joinPath(dir, 'client.key'), ca: joinPath(dir, 'ca.crt') };
}

export const crankLayout: Layout = {
  id: 'crank',
  label: 'crank',
  describe:
    'One CERT_DIR per worker holding client.crt and ca.crt (crank uses the same pair to serve and to call). ' +
    "No private keys: crank makes each worker's client.key on the worker and sends the CA only a request, so " +
    'sign requests with `certbench csr sign` or Sign CSR in the browser, and give back these files. A bundle ' +
    'for one worker is that CERT_DIR; with several, each NAME/ folder is one CERT_DIR and ca.crt is also at the top.',
  readsEncryptedKeys: false,
  paths: (outline) => ({
    ca: 'ca.crt',
    nodes: outline.nodes.map((n) => certDir(outline, n.name)),
    clients: outline.clients.map((c) => certDir(outline, c.name)),
  }),
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options)).filter((f) => f.content.kind !== 'key');
  },
};
