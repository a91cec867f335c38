/**
 * PKCS#12 keystore: one private key with its certificate and chain, what Java servers
 * (Cassandra, Kafka, Tomcat), OpenSSL and browsers import. Laid out as OpenSSL 3 writes it: the
 * certificates in a PBES2-encrypted SafeContents, the key in a PBES2 shrouded key bag in a plain
 * one, a localKeyId (SHA-1 of the certificate) linking key and certificate, the alias as
 * friendlyName on both, and an HMAC-SHA256 MAC over it all.
 *
 * The key bag's certificate carries no trusted-key-usage attribute: Java would list it twice,
 * as a PrivateKeyEntry and as a trustedCertEntry.
 */
import { defaultCrypto } from '../crypto.ts';
import { friendlyNameAttribute, localKeyIdAttribute } from './attributes.ts';
import { certificateBag, shroudedKeyBag } from './bags.ts';
import { encryptedSafeContents, plainSafeContents } from './authenticated-safe.ts';
import { assemblePfx } from './pfx.ts';
import { javaCanUsePassword, iterationsOf, type Pkcs12Protection } from './options.ts';
import { passwordFindings, type Pkcs12Result } from './result.ts';
import { aliasFromCertificate, checkAlias } from './alias.ts';
import { orderChain } from './chain-order.ts';
import {
  assertKeyMatchesCertificate,
  certificateFrom,
  optionalCertificatesFrom,
  readPrivateKey,
  requirePassword,
  type PemOrDer,
} from './inputs.ts';
import { mlDsaKeystoreFindings } from '../ml-dsa/keystore-findings.ts';

export interface KeystoreInput extends Pkcs12Protection {
  /** The private key: PKCS#8 (PEM or DER), PKCS#1/SEC1 PEM, or encrypted PKCS#8 with `keyPassword`. */
  key: PemOrDer;
  /** Password of an "ENCRYPTED PRIVATE KEY" input (not of the keystore). */
  keyPassword?: string;
  /** The certificate of that key. */
  certificate: PemOrDer;
  /** Issuers of the certificate (intermediates, optionally the root), in any order. */
  chain?: PemOrDer | readonly PemOrDer[];
  /** The store password; any Unicode text, not empty. */
  password: string;
  /** The entry's alias; defaults to the certificate's CN. */
  alias?: string;
}

/**
 * Build a PKCS#12 keystore. Every input is checked first (password, key, certificate, chain
 * order, key/certificate match); a PkiError names the field at fault and nothing is produced.
 */
export async function buildKeystore(input: KeystoreInput, crypto: Crypto = defaultCrypto()): Promise<Pkcs12Result> {
  const password = requirePassword(input.password);
  const iterations = iterationsOf(input);
  const pkcs8 = await readPrivateKey(input.key, input.keyPassword, 'key', crypto);
  const leaf = certificateFrom(input.certificate, 'certificate');
  const chain = orderChain(leaf, optionalCertificatesFrom(input.chain, 'chain'));
  await assertKeyMatchesCertificate(pkcs8, leaf, crypto);
  const alias = input.alias === undefined ? aliasFromCertificate(leaf.parsed, 'key') : checkAlias(input.alias, 'alias');

  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-1', new Uint8Array(leaf.der)));
  const entryAttributes = () => [friendlyNameAttribute(alias), localKeyIdAttribute(localKeyId)];
  const certBags = chain.map((c, i) => certificateBag(c.der, i === 0 ? entryAttributes() : []));
  const keyBag = await shroudedKeyBag(pkcs8, password, iterations, entryAttributes(), crypto);

  const certContents =
    input.encryptCertificates !== false
      ? await encryptedSafeContents(certBags, password, iterations, crypto)
      : plainSafeContents(certBags);
  const der = await assemblePfx([certContents, plainSafeContents([keyBag])], password, iterations, crypto);
  const findings = [...passwordFindings(javaCanUsePassword(password)), ...mlDsaKeystoreFindings(pkcs8)];
  return { der, aliases: [alias], certificateCount: chain.length, findings };
}
