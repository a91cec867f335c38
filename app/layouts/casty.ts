/** casty: the files `casty cert create-ca / create-node / create-client` write. */
import type { Layout } from './types.ts';
import { joinPath, planFromPaths } from './plan-from-paths.ts';

export const castyLayout: Layout = {
  id: 'casty',
  label: 'casty',
  describe:
    'As `casty cert` writes them: ca.crt at the top, NODE/node.crt + NODE/node.key per node, ' +
    'NAME/client.crt + NAME/client.key per client. Config.from_paths has no key password, so keys are plaintext.',
  readsEncryptedKeys: false,
  paths: (outline) => ({
    ca: 'ca.crt',
    nodes: outline.nodes.map((n) => ({
      name: n.name,
      cert: joinPath(n.name, 'node.crt'),
      key: joinPath(n.name, 'node.key'),
      ca: 'ca.crt',
    })),
    clients: outline.clients.map((c) => ({
      name: c.name,
      cert: joinPath(c.name, 'client.crt'),
      key: joinPath(c.name, 'client.key'),
      ca: 'ca.crt',
    })),
  }),
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options));
  },
};
