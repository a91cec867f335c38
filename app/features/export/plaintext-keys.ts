/**
 * Whether a bundle will hold unencrypted private keys, known before it is built, so the user is
 * told before the download (and can choose a layout or passphrase that avoids it).
 */
import { readsEncryptedKeys } from '../../layouts/key-policy.ts';
import type { Bundle, Layout, LayoutOptions } from '../../layouts/types.ts';

/** True when the layout can encrypt keys for every role it writes. */
export function encryptsKeys(layout: Layout, options: LayoutOptions): boolean {
  return readsEncryptedKeys(layout, 'node', options) && readsEncryptedKeys(layout, 'client', options);
}

/** One node and one client, names only: enough for a layout's plan to say which kinds of file it writes. */
const SAMPLE: Bundle = {
  cluster: 'sample',
  ca: { certPem: '' },
  nodes: [{ name: 'n', dns: ['n.local'], ips: [], certPem: '', keyPem: '', chainPem: '' }],
  clients: [{ name: 'c', commonName: 'c', certPem: '', keyPem: '', chainPem: '' }],
};

/** True when the layout writes private keys at all (a crank bundle holds certificates only: keys stay on the workers). */
function writesKeys(layout: Layout, options: LayoutOptions): boolean {
  return layout
    .plan(SAMPLE, options)
    .some(
      (f) =>
        f.content.kind === 'key' ||
        f.content.kind === 'key-and-chain' ||
        (f.content.kind === 'text' && f.content.plaintextKey === true),
    );
}

/** True when the zip will carry at least one plaintext private key. */
export function plaintextKeysExpected(layout: Layout, options: LayoutOptions): boolean {
  if (!writesKeys(layout, options)) return false;
  // Cassandra's PKCS#12 form keeps keys only inside password-protected keystores.
  if (layout.id === 'cassandra' && options.cassandraFormat === 'pkcs12') return false;
  return options.keyPassphrase === undefined || !encryptsKeys(layout, options);
}
