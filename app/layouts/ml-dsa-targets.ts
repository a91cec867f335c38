/**
 * Targets that cannot use ML-DSA certificates, said before a key is made (as Cassandra's PEM
 * reader refuses Ed25519): Cassandra runs on Java 17, whose JSSE has no ML-DSA (JDK 24 added it,
 * JEP 497), in either keystore form; ScyllaDB's TLS is GnuTLS, whose build in ScyllaDB has no
 * ML-DSA. The Python and Node targets work with OpenSSL >= 3.5 / Node.js >= 24: their snippets say so.
 */
import { type KeyAlgorithm, mlDsaMinimum, PkiError } from '../pki/light/index.ts';
import type { LayoutId } from './layout-ids.ts';

const REFUSED: Partial<Record<LayoutId, string>> = {
  cassandra: `Cassandra runs on Java 17, which cannot use ML-DSA certificates (${mlDsaMinimum('java')} can, and Cassandra's PEMBasedSslContextFactory reads RSA and EC keys only).`,
  scylla: "ScyllaDB's TLS is GnuTLS, and ScyllaDB's build of it cannot use ML-DSA certificates.",
};

/** The reason `layout` cannot use keys of `family`, or undefined when it can. */
export function mlDsaRefusal(layout: LayoutId, family: KeyAlgorithm['family']): string | undefined {
  return family === 'ml-dsa' ? REFUSED[layout] : undefined;
}

/** Throw the refusal on `field` (e.g. 'keyAlgorithm', 'alg'), naming what to choose instead. */
export function assertLayoutTakesKey(layout: LayoutId, family: KeyAlgorithm['family'], field: string): void {
  const why = mlDsaRefusal(layout, family);
  if (why)
    throw new PkiError(
      'unsupported-algorithm',
      field,
      `${why} Choose ECDSA (P-256) keys for this target, or keep ML-DSA for a test PKI of your own.`,
    );
}
