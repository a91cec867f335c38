/**
 * The page's key lock wraps and unwraps its private key in the worker: PBES2 is the core's, and
 * the core (with @peculiar/x509) never loads on the page. Set once, when the lock control loads.
 */
import { setLockKeyWrapping } from '../../store/index.ts';
import { callWorker } from '../../worker/client.ts';

export function wrapLockKeysInWorker(): void {
  setLockKeyWrapping({
    wrap: (args) => callWorker('wrapLockKey', args),
    unwrap: (args) => callWorker('unwrapLockKey', args),
  });
}
