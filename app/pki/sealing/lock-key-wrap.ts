/**
 * The key lock's private key under the passphrase: PBES2 (PBKDF2-HMAC-SHA256, 600,000 iterations
 * by default, AES-256-CBC), the core's passphrase encryption, as the workspace file uses it. Runs
 * where the whole core may load: in the worker (app/worker/ops-workspace.ts) and in Node; the page
 * reaches it through the worker (app/features/lock/worker-wrapping.ts). Exported from
 * app/pki/index.ts, not from ./index.ts, so the page's import of the sealing brings no PBKDF2.
 */
import { PkiError, isPkiError } from '../errors.ts';
import { decryptBytes, encryptBytes, type PassphraseSealed } from '../passphrase-encryption.ts';
import type { UnwrapLockKeyArgs, WrapLockKeyArgs } from './lock-key-pair.ts';

/** True when `plain` is one whole DER SEQUENCE, as a PKCS#8 key is: a wrong passphrase's output is not. */
function isDerSequence(plain: Uint8Array): boolean {
  if (plain[0] !== 0x30 || plain.length < 2) return false;
  const first = plain[1] ?? 0;
  if (first < 0x80) return plain.length === 2 + first;
  const count = first & 0x7f;
  if (count < 1 || count > 2 || plain.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (plain[2 + i] ?? 0);
  return plain.length === 2 + count + length;
}

export function wrapLockKey({ pkcs8, passphrase, iterations }: WrapLockKeyArgs): Promise<PassphraseSealed> {
  return encryptBytes(pkcs8, passphrase, iterations ? { iterations } : {});
}

/** A wrong passphrase is a PkiError 'wrong-password' on field 'password', worded for the lock. */
export async function unwrapLockKey({ sealed, passphrase }: UnwrapLockKeyArgs): Promise<Uint8Array> {
  try {
    return await decryptBytes(sealed, passphrase, { field: 'password', accept: isDerSequence });
  } catch (e) {
    if (!isPkiError(e) || e.code !== 'wrong-password') throw e;
    throw new PkiError(
      'wrong-password',
      'password',
      'Wrong passphrase: it does not unlock the keys. Nothing changed.',
      {
        cause: e,
      },
    );
  }
}
