/**
 * Apache Cassandra: per node either the PEM form of PEMBasedSslContextFactory (private key, leaf and
 * intermediates in one keystore.pem, CA in ca.pem) or a PKCS#12 keystore.p12 + truststore.p12.
 * Clients (cqlsh, drivers) always get PEM files.
 */
import type { Layout, LayoutOptions } from './types.ts';
import { joinPath, planFromPaths } from './plan-from-paths.ts';
import { cqlshClientPaths } from './cqlsh-client-paths.ts';

export function cassandraFormat(options?: LayoutOptions): 'pem' | 'pkcs12' {
  return options?.cassandraFormat ?? 'pem';
}

export const cassandraLayout: Layout = {
  id: 'cassandra',
  label: 'Apache Cassandra',
  describe:
    'ca.pem at the top. PEM form (default): per node NODE/keystore.pem (PKCS#8 key, certificate and ' +
    'intermediates in one file, as PEMBasedSslContextFactory wants; RSA or EC keys only) and NODE/ca.pem. ' +
    'PKCS#12 form: per node NODE/keystore.p12 and NODE/truststore.p12 under the store password. ' +
    'Per client a cqlsh/NAME/ folder with client.crt, client.key and ca.pem. ' +
    "Keys in PEM files are plaintext: on Java 17 Cassandra's PEM reader cannot decrypt PBES2-encrypted keys, and cqlsh " +
    'takes no key password; use the PKCS#12 form to keep node keys encrypted at rest.',
  // PKCS#12 keystores are encrypted by the store password whatever this says.
  readsEncryptedKeys: false,
  paths(outline, options) {
    const pkcs12 = cassandraFormat(options) === 'pkcs12';
    return {
      ca: 'ca.pem',
      nodes: outline.nodes.map((n) => {
        if (pkcs12) {
          const keystore = joinPath(n.name, 'keystore.p12');
          return {
            name: n.name,
            cert: keystore,
            key: keystore,
            ca: 'ca.pem',
            keystore,
            truststore: joinPath(n.name, 'truststore.p12'),
          };
        }
        const keyAndChain = joinPath(n.name, 'keystore.pem');
        return { name: n.name, cert: keyAndChain, key: keyAndChain, ca: joinPath(n.name, 'ca.pem'), keyAndChain };
      }),
      clients: outline.clients.map(cqlshClientPaths),
    };
  },
  plan(bundle, options) {
    return planFromPaths(this.paths(bundle, options));
  },
};
