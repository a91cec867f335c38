/**
 * A SubjectPublicKeyInfo as a Map key (bytesKey: equal keys mean equal bytes), made once per
 * view. Relations index each certificate's key by it and the signature verifier keys its
 * imported keys by it, on the same view of the one certificate model (cached per DER buffer),
 * so a bundle's keys are turned into strings once, not twice. Views given here must not change
 * afterwards, as for the models.
 */
import { bytesKey } from '../bytes-key.ts';

const made = new WeakMap<Uint8Array, string>();

export function spkiKey(spki: Uint8Array): string {
  let key = made.get(spki);
  if (key === undefined) {
    key = bytesKey(spki);
    made.set(spki, key);
  }
  return key;
}
