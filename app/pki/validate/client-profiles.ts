/**
 * What each TLS client refuses. A path is judged once: the RFC 5280 §6 checks (catalog codes
 * such as expired, bad-signature, issuer-not-ca) and the §4 profile rules of the shared rule
 * table (lint rules marked inPath) each give findings tagged with the certificate's position.
 * A client refuses a path when it refuses one of those findings; this file says which.
 *
 * The models follow the clients' sources and are calibrated against the real stacks by the
 * differential tests (app/pki/validate/differential/, /work/coord/NOTES.md for the table).
 */
import type { Finding } from '../findings.ts';
import type { Position } from '../lint/rule.ts';
import type { CertFacts } from './cert-facts.ts';
import type { ClientId } from './clients.ts';

/** A finding about one certificate of a path, with where it sits. */
export interface PathFinding extends Finding {
  /** Unset for findings about the path as a whole (path-not-found, host-mismatch). */
  position?: Position;
  facts?: CertFacts;
  /** True for hits of the shared rule table (profile rules), false for the §6 checks and the catalog. */
  profile?: boolean;
}

export interface ClientProfile {
  id: ClientId;
  name: string;
  /** The rule set in one paragraph (README, --help, the Inspect matrix's title). */
  rules: string;
  /** Whether this client refuses a path because of `f`. */
  refuses: (f: PathFinding) => boolean;
}

/** A §6 or catalog error that every client refuses unless a profile says otherwise. */
const catalogError = (f: PathFinding) => !f.profile && f.severity === 'error';

/** Profile hits that are errors in the rule table (the rule's severity for that certificate). */
const profileError = (f: PathFinding) => Boolean(f.profile) && f.severity === 'error';

const v3 = (f: PathFinding) => (f.facts?.version ?? 3) >= 3;

/**
 * OpenSSL 3's X509_check_ca (crypto/x509/v3_purp.c): 1 for basicConstraints cA=TRUE, 3 for a
 * self-signed v1 certificate, 4 for keyUsage keyCertSign without basicConstraints, 0 otherwise
 * (and 0 whenever keyUsage is present without keyCertSign).
 */
function opensslCheckCa(f: CertFacts): 0 | 1 | 3 | 4 {
  if (f.keyUsage && !f.keyUsage.usages.has('keyCertSign')) return 0;
  if (f.basicConstraints) return f.basicConstraints.ca ? 1 : 0;
  if (f.version < 3 && f.selfIssued) return 3;
  if (f.keyUsage) return 4;
  return 0;
}

/**
 * OpenSSL 3.0 without X509_STRICT (crypto/x509/x509_vfy.c check_chain, check_extensions):
 * extensions that do not decode or repeat make a certificate invalid; the trust anchor must
 * be a CA in X509_check_ca's sense (return value not 0), so v1 roots and roots with only
 * keyUsage keyCertSign pass. The RFC 5280 profile is otherwise not checked. Weak keys and
 * SHA-1 are refused by the security level of a TLS handshake (Debian: level 2).
 */
function opensslRefuses(f: PathFinding): boolean {
  if (catalogError(f)) return true;
  if (!f.profile) return false;
  switch (f.code) {
    case 'undecodable-extension':
    case 'duplicate-extension':
      return true;
    case 'ca-not-marked-ca':
    case 'ca-missing-key-cert-sign':
      return f.position === 'anchor' && f.facts !== undefined && opensslCheckCa(f.facts) === 0;
    default:
      return false;
  }
}

/**
 * OpenSSL 3.0's X509_V_FLAG_X509_STRICT additions (check_extensions, check_chain), which
 * Python 3.13+ sets by default (with X509_V_FLAG_PARTIAL_CHAIN): every CA, the trust anchor
 * included, must have X509_check_ca() == 1 (so v1 roots are refused), basicConstraints
 * critical, keyUsage, an SKI; every certificate but the last of the chain a v3 AKI with a key
 * identifier; AKI and SKI non-critical; non-empty issuer; a subject for CAs; a critical SAN
 * for an empty subject; no empty SAN; the same signature algorithm inside and outside;
 * pathLen only on CAs with keyCertSign; keyCertSign only on CAs.
 */
const STRICT_CODES = new Set([
  'ca-basic-constraints-not-critical', 'ca-missing-key-usage', 'missing-ski', 'aki-critical', 'ski-critical',
  'issuer-empty', 'ca-subject-empty', 'empty-subject-san-not-critical', 'san-empty', 'signature-algorithm-mismatch',
  'path-len-on-non-ca', 'key-cert-sign-on-non-ca', 'ca-missing-key-cert-sign',
]);

/** Clients that never read the subject CN as a host name (Python sets X509_CHECK_FLAG_NEVER_CHECK_SUBJECT; Go since 1.15). */
const cnMatchRefused = (f: PathFinding) => f.code === 'host-matched-by-cn';

function pythonRefuses(f: PathFinding): boolean {
  if (opensslRefuses(f) || cnMatchRefused(f)) return true;
  if (!f.profile) return false;
  if (f.code === 'ca-not-marked-ca') return f.position === 'anchor' && f.facts !== undefined && opensslCheckCa(f.facts) !== 1;
  if (f.code === 'missing-aki') return f.position !== 'anchor' && v3(f);
  if (f.code === 'missing-ski') return f.severity === 'error' && v3(f);
  if (f.code === 'version-not-v3') return (f.facts?.extensions.length ?? 0) > 0;
  return STRICT_CODES.has(f.code);
}

/**
 * JDK 17 PKIXCertPathValidator (sun.security.provider.certpath) with HTTPS endpoint
 * identification. The trust anchor is a name and a key (TrustAnchor): nothing about its
 * certificate is checked, its validity included. The certificate parser refuses duplicate
 * extensions, undecodable ones and malformed DNS names (sun.security.x509.DNSName); an
 * unrecognised critical extension (a critical AIA among them) is refused. SHA-1 and RSA 1024
 * are refused only for chains to the JDK's own roots (jdkCA), so not here. The validator
 * itself checks no EKU or leaf keyUsage (the TLS trust manager's EndEntityChecker does).
 */
const JAVA_PARSER_CODES = new Set(['duplicate-extension', 'undecodable-extension', 'dns-san-invalid', 'aia-critical', 'name-constraint-malformed']);
const JAVA_IGNORES = new Set(['sha1-signature', 'rsa-too-small', 'eku-missing-server-auth', 'eku-missing-client-auth', 'key-usage-forbids-purpose']);

function javaRefuses(f: PathFinding): boolean {
  if (f.position === 'anchor') return false;
  if (catalogError(f)) return !JAVA_IGNORES.has(f.code);
  return Boolean(f.profile) && JAVA_PARSER_CODES.has(f.code);
}

/**
 * Go 1.19 crypto/x509 Verify (Debian bookworm's golang-go; verify.go isValid, parser.go):
 * keyUsage is never checked (neither keyCertSign on CAs nor the leaf's bits); intermediates
 * need basicConstraints cA=TRUE; roots are checked for validity and unhandled critical
 * extensions; the parser refuses duplicate and undecodable extensions; SHA-1 signatures are
 * refused (since 1.18); RSA keys of any size are accepted. Newer Go differs: 1.23 refuses
 * negative serials at parse, 1.24 refuses RSA keys under 1024 bits.
 */
const GO_IGNORES = new Set(['issuer-missing-key-cert-sign', 'key-usage-forbids-purpose', 'rsa-too-small']);

function goRefuses(f: PathFinding): boolean {
  if (cnMatchRefused(f)) return true;
  if (catalogError(f)) return !GO_IGNORES.has(f.code);
  if (!f.profile) return false;
  return f.code === 'duplicate-extension' || f.code === 'undecodable-extension';
}

/**
 * rustls-webpki (src/verify_cert.rs, src/cert.rs, src/end_entity.rs) and the browsers'
 * baseline: the trust anchor is a subject, a key and name constraints, so nothing else about
 * it counts; certificates below it must be v3; a CA certificate is refused as the leaf;
 * the leaf needs an EKU for the purpose and a subjectAltName (the CN is never read);
 * duplicate extensions and unknown critical extensions (a critical AIA among them) are
 * refused; RSA keys need 2048 bits and SHA-1 is not supported.
 */
const WEBPKI_CODES = new Set(['duplicate-extension', 'undecodable-extension', 'aia-critical', 'leaf-is-ca', 'leaf-without-san', 'leaf-missing-eku', 'version-not-v3']);
const WEBPKI_IGNORES = new Set(['key-usage-forbids-purpose']);

function webpkiRefuses(f: PathFinding): boolean {
  if (f.position === 'anchor') return false;
  if (cnMatchRefused(f)) return true;
  if (catalogError(f)) return !WEBPKI_IGNORES.has(f.code);
  return Boolean(f.profile) && WEBPKI_CODES.has(f.code);
}

/**
 * RFC 5280: §6 path validation plus the §4 profile as errors. The trust anchor is checked as
 * a certificate when it is v3 (basicConstraints present and critical, keyCertSign, SKI, ...);
 * a v1 anchor is only a name and a key (§6.1.1 (d)). Weak keys and SHA-1 stay errors: no
 * current stack accepts them by default. One exception takes §6's side: a non-critical
 * basicConstraints with cA=TRUE on an intermediate is accepted, as NIST PKITS 4.6.4 ("Valid
 * basicConstraints Not Critical") requires; on the anchor or the leaf it is refused.
 */
/**
 * Profile rules that are issuance advice rather than validation rules: what only a leaf or a
 * browser needs, and a CA's keyUsage, which §6.1.4 (n) and §6.3.3 (f) check only "if a key
 * usage extension is present" (x509-limbo's issuer-no-keyusage-extension validates).
 */
const RFC5280_LENIENT = new Set(['leaf-without-san', 'leaf-missing-eku', 'ca-missing-key-usage']);

function rfc5280Refuses(f: PathFinding): boolean {
  if (catalogError(f)) return true;
  if (!profileError(f)) return false;
  if (f.position === 'anchor' && !v3(f)) return false;
  if (f.code === 'ca-basic-constraints-not-critical' && f.position === 'intermediate') return false;
  return !RFC5280_LENIENT.has(f.code);
}

export const CLIENT_PROFILES: Record<ClientId, ClientProfile> = {
  rfc5280: {
    id: 'rfc5280',
    name: 'RFC 5280',
    rules: 'RFC 5280 path validation (§6) with the certificate profile (§4) enforced on every certificate, the trust anchor included when it is v3.',
    refuses: rfc5280Refuses,
  },
  openssl: {
    id: 'openssl',
    name: 'OpenSSL (Node.js, curl, Python ≤ 3.12)',
    rules: 'OpenSSL 3 default verification: signatures, validity, CA flags, path length, name constraints, unknown critical extensions; v1 roots accepted as anchors.',
    refuses: opensslRefuses,
  },
  python: {
    id: 'python',
    name: 'Python 3.13+',
    rules: 'OpenSSL with X509_STRICT and partial chains (Python 3.13+ default context): also AKI, SKI, critical basicConstraints, keyUsage on CAs, no v1 roots.',
    refuses: pythonRefuses,
  },
  java: {
    id: 'java',
    name: 'Java 17 (PKIX)',
    rules: 'JDK 17 PKIX CertPathValidator with HTTPS endpoint identification: the anchor is a name and a key; strict certificate parsing.',
    refuses: javaRefuses,
  },
  go: {
    id: 'go',
    name: 'Go (crypto/x509)',
    rules: 'Go 1.19 crypto/x509 Verify: key usage never checked, intermediates need cA=TRUE, SHA-1 refused.',
    refuses: goRefuses,
  },
  webpki: {
    id: 'webpki',
    name: 'rustls / webpki',
    rules: 'rustls-webpki and the browsers\' baseline: v3 only below the anchor, no CA as leaf, leaf needs subjectAltName and EKU.',
    refuses: webpkiRefuses,
  },
};
