/** haystack (hs_py): the file names `generate_test_certificates` writes. */
import type { BundleOutline, Layout } from './types.ts';
import { joinPath, planFromPaths } from './plan-from-paths.ts';

/** One server and at most one client fit one folder, exactly like generate_test_certificates. */
function isFlat(outline: BundleOutline): boolean {
  return outline.nodes.length <= 1 && outline.clients.length <= 1;
}

export const haystackLayout: Layout = {
  id: 'haystack',
  label: 'haystack (hs_py)',
  describe:
    'As generate_test_certificates writes them: ca.pem, server.pem, server.key, client.pem, client.key. ' +
    'With one server and one client all five sit side by side; with several, ca.pem stays at the top and ' +
    'each server or client gets its own NAME/ folder with its server.* or client.* files. ' +
    'TLSConfig takes key_password, so keys are encrypted when you set a passphrase.',
  readsEncryptedKeys: true,
  paths(outline) {
    const flat = isFlat(outline);
    return {
      ca: 'ca.pem',
      nodes: outline.nodes.map((n) => {
        const dir = flat ? '' : n.name;
        return { name: n.name, cert: joinPath(dir, 'server.pem'), key: joinPath(dir, 'server.key'), ca: 'ca.pem' };
      }),
      clients: outline.clients.map((c) => {
        const dir = flat ? '' : c.name;
        return { name: c.name, cert: joinPath(dir, 'client.pem'), key: joinPath(dir, 'client.key'), ca: 'ca.pem' };
      }),
    };
  },
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options));
  },
};
