/** ScyllaDB: per node scylla.crt, scylla.key and ca.pem (what scylla.yaml points at), plus cqlsh folders. */
import type { Layout } from './types.ts';
import { joinPath, planFromPaths } from './plan-from-paths.ts';
import { cqlshClientPaths } from './cqlsh-client-paths.ts';

export const scyllaLayout: Layout = {
  id: 'scylla',
  label: 'ScyllaDB',
  describe:
    'ca.pem at the top; per node NODE/scylla.crt, NODE/scylla.key and NODE/ca.pem (copy the folder to ' +
    '/etc/scylla/certs on that node); per client a cqlsh/NAME/ folder with client.crt, client.key and ca.pem ' +
    'for cqlshrc. scylla.yaml and cqlshrc take no key password, so keys are plaintext.',
  readsEncryptedKeys: false,
  paths: (outline) => ({
    ca: 'ca.pem',
    nodes: outline.nodes.map((n) => ({
      name: n.name,
      cert: joinPath(n.name, 'scylla.crt'),
      key: joinPath(n.name, 'scylla.key'),
      ca: joinPath(n.name, 'ca.pem'),
    })),
    clients: outline.clients.map(cqlshClientPaths),
  }),
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options));
  },
};
