/**
 * PKCS#12 truststore: CA certificates only, one trustedCertEntry each. Every certificate bag
 * carries Oracle's trusted-key-usage attribute (anyExtendedKeyUsage), which is what makes Java
 * (keytool, Cassandra's truststore) see it as trusted; OpenSSL ignores the attribute.
 */
import { defaultCrypto } from '../crypto.ts';
import { PkiError } from '../errors.ts';
import { BasicConstraintsExtension } from '@peculiar/x509';
import { friendlyNameAttribute, trustedKeyUsageAttribute } from './attributes.ts';
import { certificateBag } from './bags.ts';
import { encryptedSafeContents, plainSafeContents } from './authenticated-safe.ts';
import { assemblePfx } from './pfx.ts';
import { javaCanUsePassword, iterationsOf, type Pkcs12Protection } from './options.ts';
import { aliasFromCertificate, checkAlias, uniqueAliases } from './alias.ts';
import { optionalCertificatesFrom, requirePassword, type ExportCertificate, type PemOrDer } from './inputs.ts';
import { passwordFindings, type Pkcs12Result } from './result.ts';

export interface TruststoreInput extends Pkcs12Protection {
  /** The CA certificates to trust (PEM texts may hold several each). At least one. */
  cas: PemOrDer | readonly PemOrDer[];
  password: string;
  /** One alias per CA, in order; defaults derive from each CA's CN. */
  aliases?: readonly string[];
}

/** A CA certificate: basicConstraints cA=true, or an X.509 v1 self-signed root without extensions. */
function assertCa(c: ExportCertificate): void {
  const bc = c.parsed.getExtension(BasicConstraintsExtension);
  const v1Root = c.parsed.extensions.length === 0 && c.parsed.subject === c.parsed.issuer;
  if (bc?.ca || v1Root) return;
  throw new PkiError(
    'issuer-not-ca',
    'ca',
    `${c.parsed.subject || 'This certificate'} is not a CA certificate (no basicConstraints cA=true); a truststore holds the CAs that issue peers' certificates.`,
  );
}

/** Build a PKCS#12 truststore; inputs are checked first and a PkiError names the field at fault. */
export async function buildTruststore(input: TruststoreInput, crypto: Crypto = defaultCrypto()): Promise<Pkcs12Result> {
  const password = requirePassword(input.password);
  const iterations = iterationsOf(input);
  const cas = optionalCertificatesFrom(input.cas, 'ca');
  if (cas.length === 0) throw new PkiError('not-found', 'ca', 'A truststore needs at least one CA certificate.');
  cas.forEach(assertCa);
  if (input.aliases && input.aliases.length !== cas.length) {
    throw new PkiError('invalid-argument', 'aliases', `Give one alias per CA: ${cas.length} CAs, ${input.aliases.length} aliases.`);
  }
  const aliases = uniqueAliases(
    cas.map((c, i) => {
      const chosen = input.aliases?.[i];
      return chosen === undefined ? aliasFromCertificate(c.parsed, 'ca') : checkAlias(chosen, 'aliases');
    }),
  );
  const bags = cas.map((c, i) => certificateBag(c.der, [friendlyNameAttribute(aliases[i] ?? 'ca'), trustedKeyUsageAttribute()]));
  const contents = input.encryptCertificates !== false
    ? await encryptedSafeContents(bags, password, iterations, crypto)
    : plainSafeContents(bags);
  const der = await assemblePfx([contents], password, iterations, crypto);
  return { der, aliases, certificateCount: cas.length, findings: passwordFindings(javaCanUsePassword(password)) };
}
