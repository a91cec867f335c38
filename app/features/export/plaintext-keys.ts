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

/**
 * True when the zip will carry at least one plaintext private key: a key file the target cannot read
 * encrypted (or no passphrase was given), or a text file that embeds a key (a Kubernetes Secret).
 * Keys inside PKCS#12 keystores are under the store password. Judged per role, from the plan of
 * `bundle` (a sample of one node and one client until the real one is known): Cassandra's PKCS#12
 * form keeps node keys in keystores, but its cqlsh clients still get PEM keys (bug: Export said such
 * a zip held no plaintext key).
 */
export function plaintextKeysExpected(layout: Layout, options: LayoutOptions, bundle: Bundle = SAMPLE): boolean {
  return layout.plan(bundle, options).some(({ content }) => {
    if (content.kind === 'text') return content.plaintextKey === true;
    if (content.kind !== 'key' && content.kind !== 'key-and-chain') return false;
    return options.keyPassphrase === undefined || !readsEncryptedKeys(layout, content.of.role, options);
  });
}
