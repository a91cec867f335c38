/**
 * The bag attributes certbench writes (RFC 7292 §4.2, PKCS#9): friendlyName (the alias Java and
 * OpenSSL show), localKeyId (links a key bag to its certificate bag), and Oracle's
 * trusted-key-usage, which marks a certificate bag as a trusted entry for Java.
 */
import * as asn1js from 'asn1js';
import { PKCS12Attribute } from '@peculiar/asn1-pfx';

export const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
export const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
/**
 * Oracle's trusted-key-usage (2.16.840.1.113894.746875.1.1). Java's PKCS12KeyStore only turns a
 * certificate bag without a key into a trustedCertEntry when it carries this attribute; without
 * it `keytool -list` reports 0 entries for a truststore.
 */
export const OID_ORACLE_TRUSTED_KEY_USAGE = '2.16.840.1.113894.746875.1.1';
/** anyExtendedKeyUsage (RFC 5280 §4.2.1.12): trusted for every purpose, what keytool -importcert writes. */
export const OID_ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

function attribute(attrId: string, value: asn1js.AsnType): PKCS12Attribute {
  // PKCS12Attribute's constructor drops its arguments in @peculiar/asn1-pfx 2.11.1
  // (`Object.assign(params)` without a target), so the fields are set after construction.
  const a = new PKCS12Attribute();
  a.attrId = attrId;
  a.attrValues = [value.toBER(false)];
  return a;
}

/** friendlyName as a BMPString, the form RFC 7292 requires. */
export function friendlyNameAttribute(name: string): PKCS12Attribute {
  return attribute(OID_FRIENDLY_NAME, new asn1js.BmpString({ value: name }));
}

export function localKeyIdAttribute(id: Uint8Array): PKCS12Attribute {
  return attribute(OID_LOCAL_KEY_ID, new asn1js.OctetString({ valueHex: new Uint8Array(id) }));
}

export function trustedKeyUsageAttribute(): PKCS12Attribute {
  return attribute(OID_ORACLE_TRUSTED_KEY_USAGE, new asn1js.ObjectIdentifier({ value: OID_ANY_EXTENDED_KEY_USAGE }));
}
