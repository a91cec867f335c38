/**
 * Which LockKeyWrapping (app/pki/sealing) the store's key lock uses to keep its private key under
 * the passphrase. Set by whoever runs the store: the page hands in the worker's
 * (app/features/lock/worker-wrapping.ts), tests the core's wrapLockKey and unwrapLockKey. No
 * default, so the page's build holds no path to PBKDF2 and the X.509 library.
 */
import type { LockKeyWrapping } from '../pki/sealing/index.ts';

let wrapping: LockKeyWrapping | undefined;

/** Use `w` for every later wrap and unwrap. */
export function setLockKeyWrapping(w: LockKeyWrapping): void {
  wrapping = w;
}

/** The wrapping set; throws, saying so, when none was. */
export function lockKeyWrapping(): LockKeyWrapping {
  if (!wrapping)
    throw new Error('The key lock cannot reach its passphrase encryption (setLockKeyWrapping was not called).');
  return wrapping;
}
