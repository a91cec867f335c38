/** Does a key belong to a certificate? Compared by SubjectPublicKeyInfo, the only thing both carry. */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from '../findings.ts';
import { diagnosis } from './catalog.ts';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** null when `spki` (the public half of the key, DER) is the certificate's key; a 'key-mismatch' finding otherwise. */
export function diagnoseKeyMatch(cert: X509Certificate, spki: ArrayBuffer | Uint8Array): Finding | null {
  return sameBytes(new Uint8Array(cert.publicKey.rawData), new Uint8Array(spki))
    ? null
    : diagnosis('key-mismatch', { cert: cert.subject });
}
