/**
 * The one OID table of the core: the OIDs the model, the validator and the linter act on, by name
 * (`OID`), and the human names the inspector shows for the OIDs it meets (unknown ones are shown
 * dotted). Sources: RFC 5280 (extensions, attributes), RFC 4055/5758/8410 (algorithms), RFC 5480
 * (curves), RFC 9881 (ML-DSA), RFC 5280 §4.2.1.12 and vendors (EKUs).
 */

/** OIDs that code acts on, by their ASN.1 names. */
export const OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  nameConstraints: '2.5.29.30',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  policyConstraints: '2.5.29.36',
  inhibitAnyPolicy: '2.5.29.54',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  dsa: '1.2.840.10040.4.1',
} as const;

export const ATTRIBUTE_NAMES: Record<string, { short?: string; long: string }> = {
  '2.5.4.3': { short: 'CN', long: 'Common name' },
  '2.5.4.4': { long: 'Surname' },
  '2.5.4.5': { long: 'Serial number' },
  '2.5.4.6': { short: 'C', long: 'Country' },
  '2.5.4.7': { short: 'L', long: 'Locality' },
  '2.5.4.8': { short: 'ST', long: 'State or province' },
  '2.5.4.9': { short: 'STREET', long: 'Street address' },
  '2.5.4.10': { short: 'O', long: 'Organization' },
  '2.5.4.11': { short: 'OU', long: 'Organizational unit' },
  '2.5.4.12': { long: 'Title' },
  '2.5.4.17': { long: 'Postal code' },
  '2.5.4.42': { long: 'Given name' },
  '2.5.4.43': { long: 'Initials' },
  '2.5.4.46': { long: 'DN qualifier' },
  '2.5.4.65': { long: 'Pseudonym' },
  '2.5.4.97': { long: 'Organization identifier' },
  '0.9.2342.19200300.100.1.25': { short: 'DC', long: 'Domain component' },
  '0.9.2342.19200300.100.1.1': { short: 'UID', long: 'User id' },
  '1.2.840.113549.1.9.1': { long: 'Email address' },
  '1.3.6.1.4.1.311.60.2.1.3': { long: 'Jurisdiction country' },
  '2.5.4.15': { long: 'Business category' },
};

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  // RFC 9881 §2: the same OID names the ML-DSA key and the signature.
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

export const PUBLIC_KEY_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

/** Named curves with their field size in bits. */
export const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};

export const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.4.1.311.10.3.3': 'msSGC',
  '2.16.840.1.113730.4.1': 'nsSGC',
  '1.3.6.1.4.1.311.20.2.2': 'msSmartcardLogin',
  '1.3.6.1.5.2.3.5': 'pkinitKDC',
};

export const EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.14': 'Subject key identifier',
  '2.5.29.16': 'Private key usage period',
  '1.2.840.113533.7.65.0': 'Entrust version information',
  '2.23.42.7.0': 'SET hashed root key',
  '2.5.29.15': 'Key usage',
  '2.5.29.17': 'Subject alternative names',
  '2.5.29.18': 'Issuer alternative names',
  '2.5.29.19': 'Basic constraints',
  '2.5.29.20': 'CRL number',
  '2.5.29.21': 'CRL reason',
  '2.5.29.30': 'Name constraints',
  '2.5.29.31': 'CRL distribution points',
  '2.5.29.32': 'Certificate policies',
  '2.5.29.33': 'Policy mappings',
  '2.5.29.35': 'Authority key identifier',
  '2.5.29.36': 'Policy constraints',
  '2.5.29.37': 'Extended key usage',
  '2.5.29.46': 'Freshest CRL',
  '2.5.29.54': 'Inhibit anyPolicy',
  '1.3.6.1.5.5.7.1.1': 'Authority information access',
  '1.3.6.1.5.5.7.1.11': 'Subject information access',
  '1.3.6.1.5.5.7.1.24': 'TLS feature',
  '1.3.6.1.4.1.11129.2.4.2': 'Certificate Transparency SCTs',
  '1.3.6.1.4.1.11129.2.4.3': 'Certificate Transparency precertificate poison',
  '2.16.840.1.113730.1.1': 'Netscape certificate type',
  '2.16.840.1.113730.1.13': 'Netscape comment',
  '1.3.6.1.4.1.311.20.2': 'Microsoft certificate template name',
  '1.3.6.1.4.1.311.21.1': 'Microsoft CA version',
};

export const ACCESS_METHODS: Record<string, string> = {
  '1.3.6.1.5.5.7.48.1': 'OCSP',
  '1.3.6.1.5.5.7.48.2': 'CA issuers',
  '1.3.6.1.5.5.7.48.3': 'Time stamping',
  '1.3.6.1.5.5.7.48.5': 'CA repository',
};

export const POLICY_NAMES: Record<string, string> = {
  '2.5.29.32.0': 'anyPolicy',
  '2.23.140.1.2.1': 'CA/B domain validated',
  '2.23.140.1.2.2': 'CA/B organization validated',
  '2.23.140.1.2.3': 'CA/B individual validated',
  '2.23.140.1.1': 'CA/B extended validation',
  '1.3.6.1.5.5.7.2.1': 'CPS pointer',
  '1.3.6.1.5.5.7.2.2': 'User notice',
};

/** "name (oid)" when the OID has a name, else the OID. */
export function oidLabel(oid: string, table: Record<string, string>): string {
  const name = table[oid];
  return name ? `${name} (${oid})` : oid;
}
