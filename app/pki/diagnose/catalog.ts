/**
 * The diagnosis vocabulary: every finding the judging code reports, with a stable code, a
 * severity and a sentence in plain words. Validation, host matching and relations name a
 * code and the facts; this file owns the wording, so the CLI, the UI and tests agree.
 */
import type { Finding, Severity } from '../findings.ts';

/** Facts a sentence may mention. `cert` is the subject (RFC 4514) of the certificate at fault. */
export interface Details {
  cert?: string;
  at?: string;
  host?: string;
  detail?: string;
}

interface Entry {
  severity: Severity;
  say(d: Details): string;
}

const who = (d: Details) => (d.cert ? `"${d.cert}"` : 'The certificate');
const extra = (d: Details) => (d.detail ? ` ${d.detail}` : '');

const CATALOG = {
  expired: {
    severity: 'error',
    say: (d) => `${who(d)} expired on ${d.detail ?? '?'}; it is not valid at ${d.at ?? 'the checked time'}.`,
  },
  'not-yet-valid': {
    severity: 'error',
    say: (d) =>
      `${who(d)} is not valid until ${d.detail ?? '?'}; it is not valid yet at ${d.at ?? 'the checked time'}.`,
  },
  'untrusted-root': {
    severity: 'error',
    say: (d) =>
      `The chain ends at ${who(d)}, a root that is not among the trusted CAs. Add it with --ca (or to the trust store) if you mean to trust it.`,
  },
  'missing-intermediate': {
    severity: 'error',
    say: (d) =>
      // The issuer may be the root or another intermediate: name it, and say where each goes.
      `No certificate that issued ${who(d)} was given. Add its issuer, "${d.detail ?? 'unknown'}": with --ca if it is the root you trust, with --untrusted (or in the chain file) if it is an intermediate.`,
  },
  'issuer-not-ca': {
    severity: 'error',
    say: (d) =>
      `${who(d)} signs other certificates but is not a CA: its basicConstraints ${d.detail ?? 'does not say cA=TRUE'}.`,
  },
  'issuer-missing-key-cert-sign': {
    severity: 'error',
    say: (d) => `${who(d)} is a CA whose keyUsage lacks keyCertSign, so the certificates it signed are refused.`,
  },
  'path-length-exceeded': {
    severity: 'error',
    say: (d) => `The chain has more CAs below ${who(d)} than its pathLenConstraint allows.${extra(d)}`,
  },
  'name-constraint-violated': {
    severity: 'error',
    say: (d) => `${who(d)} has a name outside what a CA above it may issue for: ${d.detail ?? ''}.`,
  },
  'name-chaining': {
    severity: 'error',
    say: (d) => `${who(d)} names an issuer that is not the subject of the CA above it in the chain.`,
  },
  'bad-signature': {
    severity: 'error',
    say: (d) =>
      `The signature on ${who(d)} does not verify with its issuer's key: it was not signed by that CA, or it was altered.${extra(d)}`,
  },
  'unknown-critical-extension': {
    severity: 'error',
    say: (d) =>
      `${who(d)} has a critical extension that verifiers do not know (${d.detail ?? '?'}), so they must reject it.`,
  },
  'eku-missing-server-auth': {
    severity: 'error',
    say: (d) => `${who(d)} is not allowed for TLS servers: its extendedKeyUsage lacks serverAuth.`,
  },
  'eku-missing-client-auth': {
    severity: 'error',
    say: (d) =>
      `${who(d)} is not allowed for TLS clients: its extendedKeyUsage lacks clientAuth, so mTLS servers will reject it.`,
  },
  'key-usage-forbids-purpose': {
    severity: 'error',
    say: (d) => `${who(d)} has a keyUsage that does not allow the handshake: ${d.detail ?? 'no usable bit'}.`,
  },
  revoked: {
    severity: 'error',
    say: (d) =>
      `${who(d)} has been revoked by its issuer${d.detail ? `: ${d.detail}` : ''}; clients that check revocation will refuse it.`,
  },
  'revocation-not-checked': {
    severity: 'warning',
    say: (d) =>
      `The revocation status of ${who(d)} was not checked: none of the CRLs given is from its issuer${d.detail ? ` (${d.detail})` : ''}. openssl verify -crl_check_all would refuse this.`,
  },
  'revocation-unknown': {
    severity: 'error',
    say: (d) =>
      `The revocation status of ${who(d)} cannot be determined: none of the CRLs given for its issuer can be used${d.detail ? ` (${d.detail})` : ''}.`,
  },
  'host-mismatch': {
    severity: 'error',
    say: (d) =>
      `"${d.host ?? ''}" is not among the certificate's DNS names${d.detail ? ` (${d.detail})` : ''}; clients connecting by that name will fail.`,
  },
  'ip-not-in-sans': {
    severity: 'error',
    say: (d) =>
      `The IP address ${d.host ?? ''} is not among the certificate's IP SANs${d.detail ? ` (${d.detail})` : ''}; clients that dial the IP will fail. DNS names and the CN never match an IP.`,
  },
  'host-matched-by-partial-wildcard': {
    severity: 'error',
    say: (d) =>
      `"${d.host ?? ''}" matches only a partial wildcard (${d.detail ?? '?'}); OpenSSL and Java accept that, Python, Go, rustls and browsers do not. Put the full name or "*.domain" in a SAN.`,
  },
  'host-matched-by-short-wildcard': {
    severity: 'error',
    say: (d) =>
      `"${d.host ?? ''}" matches only a wildcard over two labels (${d.detail ?? '?'}); Java and Go accept that, OpenSSL, Python, rustls and browsers do not. Put the full name in a SAN.`,
  },
  'cn-outside-name-constraints': {
    severity: 'error',
    say: (d) =>
      `${who(d)} has no DNS SAN, and its CN, read as a host name, is outside the name constraints of a CA above it: ${d.detail ?? ''}. OpenSSL and Java apply DNS constraints to such a CN and refuse it.`,
  },
  'name-constraints-unhandled-form': {
    severity: 'info',
    say: (d) =>
      `${who(d)} has critical name constraints on a name form Go's crypto/x509 does not process (${d.detail ?? '?'}), so Go refuses the extension as unhandled.`,
  },
  'partial-chain': {
    severity: 'info',
    say: (d) =>
      `The chain ends at ${who(d)}, a trusted CA that is not a self-signed root; OpenSSL's default verification (no -partial_chain) goes on looking for its root and fails.`,
  },
  'host-matched-by-cn': {
    severity: 'warning',
    say: (d) =>
      `"${d.host ?? ''}" matches only the subject CN (there are no DNS SANs); Go, Chrome and Java ignore the CN, so put the name in a SAN.`,
  },
  'key-mismatch': {
    severity: 'error',
    say: (d) => `The private key does not belong to ${who(d)}: their public keys differ.`,
  },
  'rsa-too-small': {
    severity: 'error',
    say: (d) =>
      `${who(d)} has an RSA key of ${d.detail ?? '?'} bits; OpenSSL at security level 2 refuses keys under 2048 bits.`,
  },
  'sha1-signature': {
    severity: 'error',
    say: (d) => `${who(d)} is signed with SHA-1, which OpenSSL 3 and current Java refuse.`,
  },
  'ml-dsa-unsupported': {
    severity: 'warning',
    say: (d) =>
      `${who(d)} has an ML-DSA (post-quantum) key, which only recent stacks can use: ${d.detail ?? 'OpenSSL ≥ 3.5, Node.js ≥ 24, JDK ≥ 24'}.`,
  },
  'missing-ski': {
    severity: 'warning',
    say: (d) =>
      `${who(d)} has no Subject Key Identifier; Python's VERIFY_X509_STRICT (default since 3.13) rejects such CAs.`,
  },
  'missing-aki': {
    severity: 'warning',
    say: (d) =>
      `${who(d)} has no Authority Key Identifier; Python's VERIFY_X509_STRICT (default since 3.13) rejects the chain.`,
  },
  'key-usage-wrong-for-key-type': {
    severity: 'warning',
    say: (d) =>
      `${who(d)} asserts a key usage its key type cannot perform (${d.detail ?? '?'}); Go and BoringSSL refuse it.`,
  },
  'unreadable-certificate': {
    severity: 'error',
    say: (d) => `${d.cert ?? 'An input'} is not a certificate that can be decoded.${extra(d)}`,
  },
  'path-not-found': {
    severity: 'error',
    say: (d) => `No chain from ${who(d)} to a trusted CA could be built within the search bounds.${extra(d)}`,
  },
} satisfies Record<string, Entry>;

export type DiagnosisCode = keyof typeof CATALOG;

/** Every code this module can report. */
export const DIAGNOSIS_CODES = Object.keys(CATALOG) as DiagnosisCode[];

/** The finding for `code` with its sentence filled in from `details`. */
export function diagnosis(code: DiagnosisCode, details: Details = {}): Finding {
  const entry: Entry = CATALOG[code];
  return { code, severity: entry.severity, message: entry.say(details) };
}
