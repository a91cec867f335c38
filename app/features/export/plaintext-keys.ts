/**
 * Whether a bundle will hold unencrypted private keys, known before it is built, so the user is
 * told before the download (and can choose a layout or passphrase that avoids it).
 */
import { readsEncryptedKeys } from '../../layouts/key-policy.ts';
import type { Layout, LayoutOptions } from '../../layouts/types.ts';

/** True when the layout can encrypt keys for every role it writes. */
export function encryptsKeys(layout: Layout, options: LayoutOptions): boolean {
  return readsEncryptedKeys(layout, 'node', options) && readsEncryptedKeys(layout, 'client', options);
}

/** True when the zip will carry at least one plaintext private key. */
export function plaintextKeysExpected(layout: Layout, options: LayoutOptions): boolean {
  // Cassandra's PKCS#12 form keeps keys only inside password-protected keystores.
  if (layout.id === 'cassandra' && options.cassandraFormat === 'pkcs12') return false;
  return options.keyPassphrase === undefined || !encryptsKeys(layout, options);
}
