/**
 * The key lock's cryptography: private keys sealed at rest in IndexedDB, opened with a passphrase
 * for the session. Stateless; app/store/key-vault.ts holds the session's opened key. This surface
 * is the page's (WebCrypto's ECDH, HKDF and AES-GCM only, no X.509 library and no PBKDF2); the
 * passphrase wrap of the lock's private key (./lock-key-wrap.ts) is exported by app/pki/index.ts
 * and runs in the worker.
 *
 * Scheme (why not PBES2 per item: PBKDF2 at 600,000 iterations per item would make a 1,000-item
 * workspace take minutes to open and to save; why not one symmetric data key: a key made while the
 * workspace is locked, say a new root CA, must still be stored sealed without asking for the
 * passphrase, so sealing needs only a public key):
 * - The lock is an ECDH P-256 key pair. Its public key is stored as is; its private key (PKCS#8) is
 *   stored encrypted under the passphrase with PBES2 (PBKDF2-HMAC-SHA256, 600,000 iterations,
 *   AES-256-CBC: ../passphrase-encryption.ts, the workspace file's scheme). One PBKDF2 run per
 *   unlock, one per passphrase change; nothing else derives from the passphrase.
 * - A write seals its items under a fresh ephemeral ECDH key (./item-sealing.ts): ECDH, HKDF-SHA256
 *   to an AES-256-GCM key, the item id as additional data.
 */
export {
  parseLockHeader,
  parseSealedSecrets,
  type ItemSecrets,
  type KeyLockHeader,
  type SealedSecrets,
} from './stored-forms.ts';
export {
  createLock,
  openLock,
  rewrapLock,
  type LockKeyWrapping,
  type UnwrapLockKeyArgs,
  type WrapLockKeyArgs,
} from './lock-key-pair.ts';
export { batchSealer, secretsOpener } from './item-sealing.ts';
