/**
 * PEM files that hold more than one thing:
 * - the full chain (leaf, then its issuers in issuing order), what nginx, HAProxy, Node's `cert`
 *   and ScyllaDB's `certificate` want;
 * - Cassandra's "key and chain in one file" for PEMBasedSslContextFactory: the PKCS#8 private
 *   key followed by the chain. Cassandra loads RSA and EC keys only.
 */
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import { pemEncode } from './pem.ts';
import { keyAlgorithm, pkcs8AlgorithmId } from './keys.ts';
import { orderChain } from './pkcs12/chain-order.ts';
import {
  assertKeyMatchesCertificate,
  certificateFrom,
  optionalCertificatesFrom,
  readPrivateKey,
  type PemOrDer,
} from './pkcs12/inputs.ts';

function certificatesPem(certs: { der: Uint8Array }[]): string {
  return certs.map((c) => pemEncode('CERTIFICATE', c.der)).join('');
}

/**
 * The leaf and its issuers as one PEM text, leaf first, issuers in issuing order whatever order
 * they were given in; copies dropped, and a certificate that is not part of the chain refused.
 * Whether the root belongs in it is the caller's choice: it is included if given.
 */
export function fullChainPem(certificate: PemOrDer, chain?: PemOrDer | readonly PemOrDer[]): string {
  const leaf = certificateFrom(certificate, 'certificate');
  return certificatesPem(orderChain(leaf, optionalCertificatesFrom(chain, 'chain')));
}

/**
 * The key goes in the clear, and the file must be guarded (mode 0600). Cassandra's PEMReader
 * decrypts an ENCRYPTED PRIVATE KEY through `SecretKeyFactory.getInstance(epki.getAlgName())`,
 * which on Java 17 has no "PBES2", so the only encrypted keys it reads are PBES1 ones (3DES,
 * RC2, DES): obsolete, and beyond WebCrypto. pem-bundles.test.ts pins that refusal.
 */
export interface CassandraPemInput {
  key: PemOrDer;
  /** Password of an "ENCRYPTED PRIVATE KEY" input; the output key is in the clear regardless. */
  keyPassword?: string;
  certificate: PemOrDer;
  chain?: PemOrDer | readonly PemOrDer[];
}

/**
 * The single PEM file Cassandra's PEMBasedSslContextFactory reads as its keystore: the PKCS#8
 * key, then the certificate and its chain. Refuses Ed25519 and ML-DSA keys (Cassandra cannot load them) and
 * a key that does not belong to the certificate before producing anything.
 */
export async function cassandraKeyAndChainPem(
  input: CassandraPemInput,
  crypto: Crypto = defaultCrypto(),
): Promise<string> {
  const pkcs8 = await readPrivateKey(input.key, input.keyPassword, 'key', crypto);
  const family = keyAlgorithm(pkcs8AlgorithmId(pkcs8)).family;
  if (family === 'ed25519') {
    throw new PkiError(
      'unsupported-algorithm',
      'key',
      "Cassandra's PEMBasedSslContextFactory accepts RSA and EC private keys only, not Ed25519. Issue this node's certificate with an ECDSA P-256 or RSA key, or use a PKCS#12 keystore.",
    );
  }
  if (family === 'ml-dsa') {
    // Not even in a PKCS#12 keystore: Java 17 has no ML-DSA (layouts/ml-dsa-targets.ts).
    throw new PkiError(
      'unsupported-algorithm',
      'key',
      "Cassandra's PEMBasedSslContextFactory accepts RSA and EC private keys only, and Cassandra's Java 17 cannot use ML-DSA at all. Issue this node's certificate with an ECDSA P-256 or RSA key.",
    );
  }
  const leaf = certificateFrom(input.certificate, 'certificate');
  const chain = orderChain(leaf, optionalCertificatesFrom(input.chain, 'chain'));
  await assertKeyMatchesCertificate(pkcs8, leaf, crypto);
  return pemEncode('PRIVATE KEY', pkcs8) + certificatesPem(chain);
}
