/**
 * Where a private key would be offered (Export) but the key lock keeps it sealed: says so and
 * offers to unlock, after which the view shows the key's forms as usual (app/store/key-access.ts).
 */
import { keysUnlocked } from '../store/index.ts';

export function LockedKeyNote({ name, purpose }: { name: string; purpose: string }) {
  return (
    <p className="locked-key-note">
      The private key of {name} is locked with the workspace passphrase.{' '}
      <button type="button" onClick={() => void keysUnlocked(purpose)}>
        Unlock the keys…
      </button>
    </p>
  );
}
