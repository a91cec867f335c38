/**
 * The X.509 v3 extensions certbench puts in certificates, in one place so every path (CA,
 * leaf, signed CSR, DER template) agrees:
 *  - BasicConstraints, critical: CA:TRUE (+ pathLen) on CAs, CA:FALSE on leaves;
 *  - KeyUsage, critical: keyCertSign + cRLSign on CAs (ML-DSA CAs digitalSignature too);
 *    digitalSignature on EC, Ed25519 and ML-DSA leaves, digitalSignature + keyEncipherment on RSA
 *    leaves (RSA key transport in TLS 1.2). ML-DSA keys never get an encipherment bit: RFC 9881 §5
 *    allows only digitalSignature, nonRepudiation, keyCertSign and cRLSign;
 *  - ExtendedKeyUsage from the profile; SubjectAltName;
 *  - Subject Key Identifier everywhere and Authority Key Identifier on everything not
 *    self-signed (VERIFY_X509_STRICT rejects certificates without them).
 */
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Extension,
  SubjectKeyIdentifierExtension,
} from '@peculiar/x509';
import * as asn1js from 'asn1js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { Convert } from 'pvtsutils';
import type { KeyAlgorithm } from './algorithms.ts';
import { defaultCrypto } from './crypto.ts';
import type { ProfileSpec } from './profiles.ts';
import type { SanEntry } from './san.ts';
import { PkiError } from './errors.ts';
import { parseIp } from './ip.ts';

/**
 * RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value. Hex, lower case.
 * (What openssl's `subjectKeyIdentifier=hash` and @peculiar/x509 compute.)
 */
export async function keyIdentifier(spkiDer: ArrayBuffer, crypto: Crypto = defaultCrypto()): Promise<string> {
  const spki = AsnConvert.parse(spkiDer, SubjectPublicKeyInfo);
  return Convert.ToHex(await crypto.subtle.digest('SHA-1', spki.subjectPublicKey));
}

/** KeyUsage of a leaf by key family. */
export function leafKeyUsage(family: KeyAlgorithm['family']): KeyUsageFlags {
  return family === 'rsa'
    ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
    : KeyUsageFlags.digitalSignature;
}

/** GeneralName CHOICE tags (RFC 5280 §4.2.1.6). */
const GENERAL_NAME_TAG: Record<SanEntry['kind'], number> = { email: 1, dns: 2, uri: 6, ip: 7 };
const OID_SAN = '2.5.29.17';

/**
 * The SubjectAltName extension of canonical entries (non-critical: every subject has a CN).
 * Encoded with asn1js from our own IP bytes: @peculiar/x509's text-to-IP conversion turns an
 * IPv4-mapped IPv6 address ("::ffff:10.0.0.1") into garbage.
 */
export function sanExtension(sans: readonly SanEntry[]): Extension {
  const names = sans.map((s) => {
    const bytes = s.kind === 'ip' ? parseIp(s.value)?.bytes : new TextEncoder().encode(s.value);
    if (!bytes) throw new PkiError('invalid-san', 'sans', `"${s.value}" is not an IPv4 or IPv6 address`);
    return new asn1js.Primitive({
      idBlock: { tagClass: 3, tagNumber: GENERAL_NAME_TAG[s.kind] },
      valueHex: new Uint8Array(bytes),
    });
  });
  return new Extension(OID_SAN, false, new asn1js.Sequence({ value: names }).toBER());
}

/** KeyUsage of a CA by key family: an ML-DSA CA also signs as itself (e.g. OCSP responses), the issue-15 brief's "digitalSignature plus keyCertSign/cRLSign". */
export function caKeyUsage(family: KeyAlgorithm['family'] | undefined): KeyUsageFlags {
  const ca = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign;
  return family === 'ml-dsa' ? ca | KeyUsageFlags.digitalSignature : ca;
}

/** Extensions of a CA certificate. `authorityKeyId` is omitted for a self-signed root. */
export function caExtensions(opts: {
  subjectKeyId: string;
  authorityKeyId?: string;
  pathLength?: number;
  family?: KeyAlgorithm['family'];
}): Extension[] {
  const list: Extension[] = [
    new BasicConstraintsExtension(true, opts.pathLength, true),
    new KeyUsagesExtension(caKeyUsage(opts.family), true),
    new SubjectKeyIdentifierExtension(opts.subjectKeyId, false),
  ];
  if (opts.authorityKeyId) list.push(new AuthorityKeyIdentifierExtension(opts.authorityKeyId, false));
  return list;
}

/** Extensions of a leaf certificate under a profile. */
export function leafExtensions(opts: {
  profile: ProfileSpec;
  family: KeyAlgorithm['family'];
  sans: readonly SanEntry[];
  subjectKeyId: string;
  authorityKeyId: string;
}): Extension[] {
  const list: Extension[] = [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(leafKeyUsage(opts.family), true),
    new ExtendedKeyUsageExtension([...opts.profile.extendedKeyUsages], false),
  ];
  if (opts.sans.length) list.push(sanExtension(opts.sans));
  list.push(new SubjectKeyIdentifierExtension(opts.subjectKeyId, false));
  list.push(new AuthorityKeyIdentifierExtension(opts.authorityKeyId, false));
  return list;
}
