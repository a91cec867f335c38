/**
 * PKCS#12 truststore: CA certificates only, one trustedCertEntry each. Every certificate bag
 * carries Oracle's trusted-key-usage attribute (anyExtendedKeyUsage), which is what makes Java
 * (keytool, Cassandra's truststore) see it as trusted; OpenSSL ignores the attribute.
 */
import { Convert } from 'pvtsutils';
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
  const given = optionalCertificatesFrom(input.cas, 'ca');
  if (given.length === 0) throw new PkiError('not-found', 'ca', 'A truststore needs at least one CA certificate.');
  given.forEach(assertCa);
  if (input.aliases && input.aliases.length !== given.length) {
    throw new PkiError(
      'invalid-argument',
      'aliases',
      `Give one alias per CA: ${given.length} CAs, ${input.aliases.length} aliases.`,
    );
  }
  const chosen = given.map((c, i) => {
    const alias = input.aliases?.[i];
    return { ca: c, alias: alias === undefined ? aliasFromCertificate(c.parsed, 'ca') : checkAlias(alias, 'aliases') };
  });
  // The same CA pasted twice would be two entries for one certificate; the first copy stays.
  const seen = new Set<string>();
  const entries = chosen.filter(({ ca }) => {
    const key = Convert.ToHex(ca.der);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const cas = entries.map((e) => e.ca);
  const aliases = uniqueAliases(entries.map((e) => e.alias));
  const bags = cas.map((c, i) =>
    certificateBag(c.der, [friendlyNameAttribute(aliases[i] ?? 'ca'), trustedKeyUsageAttribute()]),
  );
  const contents =
    input.encryptCertificates !== false
      ? await encryptedSafeContents(bags, password, iterations, crypto)
      : plainSafeContents(bags);
  const der = await assemblePfx([contents], password, iterations, crypto);
  return { der, aliases, certificateCount: cas.length, findings: passwordFindings(javaCanUsePassword(password)) };
}
