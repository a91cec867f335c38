/** Generic: flat files named after each node and client, the way most tools and guides expect them. */
import type { Layout } from './types.ts';
import { planFromPaths } from './plan-from-paths.ts';

export const genericLayout: Layout = {
  id: 'generic',
  label: 'Generic PEM files',
  describe:
    'Everything in one folder: ca.crt, and per node or client NAME.crt (the certificate), NAME.key (its ' +
    'private key) and NAME.fullchain.pem (certificate and intermediates, what a server presents). ' +
    'Keys are encrypted PKCS#8 when you set a passphrase.',
  readsEncryptedKeys: true,
  paths: (outline) => {
    const entity = (name: string) => ({
      name,
      cert: `${name}.crt`,
      key: `${name}.key`,
      fullchain: `${name}.fullchain.pem`,
      ca: 'ca.crt',
    });
    return {
      ca: 'ca.crt',
      nodes: outline.nodes.map((n) => entity(n.name)),
      clients: outline.clients.map((c) => entity(c.name)),
    };
  },
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options), 'leaf');
  },
};
