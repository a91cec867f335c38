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
import type { CertFacts } from '../model/cert-facts.ts';
import type { ClientId } from './clients.ts';

/** A finding about one certificate of a path, with where it sits. */
export interface PathFinding extends Finding {
  /** Unset for findings about the path as a whole (path-not-found, host-mismatch). */
  position?: Position;
  facts?: CertFacts;
  /**
   * True for hits of the shared rule table (profile rules) and for what only some clients
   * refuse (partial-chain): left out of the findings of a client that does not refuse them.
   */
  profile?: boolean;
  /** The path length or name constraint that failed is the trust anchor's own (clients that read only the anchor's key ignore it). */
  byAnchor?: boolean;
  /** A profile hit on a certificate that name constraints above it apply to. */
  constrained?: boolean;
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
 * Extensions OpenSSL 3.0 handles when critical (crypto/x509/v3_purp.c X509_supported_extension):
 * AKI, SKI and AIA are not among them, so a critical one is "unhandled critical extension"
 * (error 34), on the trust anchor too.
 */
const OPENSSL_UNHANDLED_WHEN_CRITICAL = new Set(['aki-critical', 'ski-critical', 'aia-critical']);

/**
 * OpenSSL 3.0 without X509_STRICT (crypto/x509/x509_vfy.c check_chain, check_extensions):
 * extensions that do not decode or repeat make a certificate invalid; the trust anchor must
 * be a CA in X509_check_ca's sense (return value not 0), so v1 roots and roots with only
 * keyUsage keyCertSign pass, and it must be self-signed (no X509_V_FLAG_PARTIAL_CHAIN). The
 * RFC 5280 profile is otherwise not checked. `openssl verify` sets no security level and
 * Node.js's default is level 1, so an RSA 1024 key passes; partial wildcards match
 * (X509_check_host without X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS), the CN is read when there
 * is no DNS SAN.
 */
const OPENSSL_IGNORES = new Set(['rsa-too-small', 'host-matched-by-partial-wildcard']);

/** The stacks modelled here predate ML-DSA (OpenSSL 3.0 / Node.js 20, Python's ssl on it, Java 17, Go): ml-dsa/support.ts says from which version. */
const noMlDsa = (f: PathFinding) => f.code === 'ml-dsa-unsupported';

function opensslRefuses(f: PathFinding): boolean {
  if (noMlDsa(f)) return true;
  if (catalogError(f)) return !OPENSSL_IGNORES.has(f.code);
  if (!f.profile) return false;
  switch (f.code) {
    case 'undecodable-extension':
    case 'duplicate-extension':
    case 'partial-chain':
    case 'cn-outside-name-constraints':
      return true;
    case 'ca-not-marked-ca':
    case 'ca-missing-key-cert-sign':
      return f.position === 'anchor' && f.facts !== undefined && opensslCheckCa(f.facts) === 0;
    case 'signature-algorithm-mismatch':
      // X509_verify compares the two AlgorithmIdentifiers: "certificate signature failure".
      return f.position !== 'anchor';
    default:
      return OPENSSL_UNHANDLED_WHEN_CRITICAL.has(f.code);
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
 * Beyond the flag, CPython's context: security level 2 (RSA 2048 and up),
 * X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS (Modules/_ssl.c), a trusted intermediate ends the
 * chain (partial chains), and the CN is still read when there is no DNS SAN
 * (hostname_checks_common_name).
 */
const STRICT_CODES = new Set([
  'ca-basic-constraints-not-critical',
  'ca-missing-key-usage',
  'missing-ski',
  'aki-critical',
  'ski-critical',
  'issuer-empty',
  'ca-subject-empty',
  'empty-subject-san-not-critical',
  'san-empty',
  'signature-algorithm-mismatch',
  'path-len-on-non-ca',
  'key-cert-sign-on-non-ca',
  'ca-missing-key-cert-sign',
]);

function pythonRefuses(f: PathFinding): boolean {
  if (f.code === 'partial-chain') return false;
  if (f.code === 'rsa-too-small' || f.code === 'host-matched-by-partial-wildcard') return true;
  if (opensslRefuses(f)) return true;
  if (!f.profile) return false;
  if (f.code === 'ca-not-marked-ca')
    return f.position === 'anchor' && f.facts !== undefined && opensslCheckCa(f.facts) !== 1;
  if (f.code === 'missing-aki') return f.position !== 'anchor' && v3(f);
  if (f.code === 'missing-ski') return f.severity === 'error' && v3(f);
  if (f.code === 'version-not-v3') return (f.facts?.extensions.length ?? 0) > 0;
  return STRICT_CODES.has(f.code);
}

/**
 * JDK 17's PKIX TrustManager (sun.security.validator.PKIXValidator over PKIXCertPathValidator)
 * with HTTPS endpoint identification, as an HTTPS client or mTLS server runs it. The trust
 * anchor is TrustAnchor(cert, null): its validity, pathLen and name constraints are not
 * applied, but it must be a CA (basicConstraints, keyCertSign) and parse (no duplicate
 * extensions). The parser refuses an empty issuer DN and an empty subject without a critical
 * SAN; PKIXCertPathValidator's checkers do not claim AKI, SKI or AIA, so those critical below
 * the anchor are "unrecognized critical extension(s)". EndEntityChecker checks the EKU and,
 * for TLS 1.3, keyUsage digitalSignature. Malformed DNS SANs parse; HostnameChecker matches
 * partial and two-label wildcards and reads the CN without DNS SANs. SHA-1 and RSA 1024 are
 * refused only for chains to the JDK's own roots (jdkCA), so not here.
 */
const JAVA_BELOW_ANCHOR = new Set([
  'duplicate-extension',
  'undecodable-extension',
  'aia-critical',
  'aki-critical',
  'ski-critical',
  'name-constraint-malformed',
  'issuer-empty',
  'empty-subject-san-not-critical',
  'leaf-cannot-sign',
  'cn-outside-name-constraints',
  'signature-algorithm-mismatch',
]);
const JAVA_AT_ANCHOR = new Set([
  'duplicate-extension',
  'undecodable-extension',
  'ca-missing-key-cert-sign',
  'signature-algorithm-mismatch',
]);
const JAVA_IGNORES = new Set([
  'sha1-signature',
  'rsa-too-small',
  'host-matched-by-partial-wildcard',
  'host-matched-by-short-wildcard',
]);

function javaRefuses(f: PathFinding): boolean {
  if (noMlDsa(f)) return true;
  if (f.byAnchor) return false;
  if (f.position === 'anchor') {
    if (!f.profile) return false; // its validity and unknown extensions are not looked at
    if (f.code === 'ca-not-marked-ca') return v3(f);
    return JAVA_AT_ANCHOR.has(f.code);
  }
  if (catalogError(f)) return !JAVA_IGNORES.has(f.code);
  return Boolean(f.profile) && JAVA_BELOW_ANCHOR.has(f.code);
}

/**
 * Go 1.19 crypto/x509 Verify (Debian bookworm's golang-go; verify.go isValid, x509.go
 * CheckSignatureFrom, parser.go): a parent, the root included, must be a CA (a v3 parent needs
 * basicConstraints cA=TRUE) and have keyCertSign when it has keyUsage; the leaf's keyUsage is
 * never checked; roots are checked for validity and unhandled critical extensions; the parser
 * refuses duplicate and undecodable extensions and an empty name constraints extension; a DNS
 * SAN is parsed (and refused when malformed) only when name constraints apply; SHA-1
 * signatures are refused (since 1.18); RSA keys of any size are accepted; the CN is never a
 * host name (since 1.15); "*.com" matches a two-label host. Newer Go differs: 1.23 refuses
 * negative serials at parse, 1.24 refuses RSA keys under 1024 bits.
 */
const GO_IGNORES = new Set(['key-usage-forbids-purpose', 'rsa-too-small', 'host-matched-by-short-wildcard']);

/**
 * Go 1.19's domainToReverseLabels (verify.go), used only under name constraints: a name with a
 * byte outside 33..126 or an empty label (a leading dot aside) cannot be parsed.
 */
function goCannotParse(name: string): boolean {
  if ([...name].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126)) return true;
  return (name.startsWith('.') ? name.slice(1) : name).split('.').some((l) => l === '');
}

function goRefuses(f: PathFinding): boolean {
  if (noMlDsa(f)) return true;
  if (f.code === 'host-matched-by-cn') return true;
  if (catalogError(f)) return !GO_IGNORES.has(f.code);
  if (!f.profile) return false;
  switch (f.code) {
    case 'duplicate-extension':
    case 'undecodable-extension':
    case 'name-constraints-empty':
    case 'signature-algorithm-mismatch': // parser.go: "inner and outer signature algorithm identifiers don't match"
    case 'name-constraints-unhandled-form':
      return true;
    case 'dns-san-invalid':
      return (
        Boolean(f.constrained) &&
        (f.facts?.subjectAltNames ?? []).some((n) => n.type === 'dns' && goCannotParse(n.value))
      );
    case 'ca-not-marked-ca':
      return f.position === 'anchor' && v3(f);
    case 'ca-missing-key-cert-sign':
      return f.position === 'anchor';
    default:
      return false;
  }
}

/**
 * rustls-webpki and the browsers' baseline, from the source (rustls/webpki, src/verify_cert.rs
 * at commit 182ce19; line numbers are that file's):
 * - the trust anchor is a subject, an SPKI and name constraints: only those are read
 *   (build_chain_inner, l. 69-78: the anchor's subject is matched and its name constraints
 *   applied by check_signed_chain_name_constraints, l. 271-290; check_issuer_independent_properties,
 *   l. 63, runs on path certificates only), so its validity, basicConstraints, pathLen and
 *   keyUsage do not count ("Consider whether to track TrustAnchor KU", l. 146);
 * - keyUsage is never checked, for CAs or leaves (l. 359-363: "For cert validation, we ignore
 *   the KeyUsage extension");
 * - a CA certificate as the leaf is CaUsedAsEndEntity, a non-CA issuer EndEntityUsedAsCa, and
 *   pathLen counts sub-CAs below an intermediate (check_basic_constraints, l. 398-428);
 * - an absent EKU is accepted: KeyUsage::server_auth()/client_auth() are
 *   ExtendedKeyUsage::RequiredIfPresent (same file, ExtendedKeyUsage::check);
 * - src/cert.rs (Cert::from_der): only v3 certificates parse, an extension seen twice is
 *   ExtensionValueInvalid, an unknown critical extension (AIA included: only id-ce
 *   extensions are understood) is UnsupportedCriticalExtension;
 * - the leaf's names come from subjectAltName only (src/subject_name/verify.rs: the CN is
 *   never a DNS identifier); RSA keys need 2048 bits (RSA_PKCS1_2048_8192_* algorithms) and
 *   SHA-1 is not among the supported signature algorithms.
 */
const WEBPKI_CODES = new Set([
  'duplicate-extension',
  'undecodable-extension',
  'aia-critical',
  'leaf-is-ca',
  'leaf-without-san',
  'version-not-v3',
  'signature-algorithm-mismatch',
]);
const WEBPKI_IGNORES = new Set(['key-usage-forbids-purpose', 'issuer-missing-key-cert-sign']);

function webpkiRefuses(f: PathFinding): boolean {
  if (f.position === 'anchor') return false;
  if (f.code === 'path-length-exceeded' && f.byAnchor) return false;
  if (f.code === 'host-matched-by-cn') return true;
  if (catalogError(f)) return !WEBPKI_IGNORES.has(f.code);
  return Boolean(f.profile) && WEBPKI_CODES.has(f.code);
}

/**
 * RFC 5280: §6 path validation plus the §4 profile as errors. The trust anchor is checked as
 * a certificate when it is v3 (basicConstraints present and critical, keyCertSign, SKI, ...);
 * a v1 anchor is only a name and a key (§6.1.1 (d)). Weak keys and SHA-1 stay errors: no
 * current stack accepts them by default. A CA whose basicConstraints is not critical is
 * refused wherever it sits (§4.2.1.9 "MUST mark the extension as critical"), although §6
 * alone accepts it: NIST PKITS 4.6.4 is the one PKITS entry this changes (pkits.test.ts).
 */
/**
 * Profile rules that are issuance advice rather than validation rules: what only a leaf or a
 * browser needs, and a CA's keyUsage, which §6.1.4 (n) and §6.3.3 (f) check only "if a key
 * usage extension is present" (x509-limbo's issuer-no-keyusage-extension validates).
 */
const RFC5280_LENIENT = new Set([
  'leaf-without-san',
  'leaf-missing-eku',
  'ca-missing-key-usage',
  'leaf-cannot-sign',
  'partial-chain',
  'name-constraints-unhandled-form',
]);

function rfc5280Refuses(f: PathFinding): boolean {
  if (catalogError(f)) return true;
  if (!profileError(f)) return false;
  if (f.position === 'anchor' && !v3(f)) return false;
  return !RFC5280_LENIENT.has(f.code);
}

export const CLIENT_PROFILES: Record<ClientId, ClientProfile> = {
  rfc5280: {
    id: 'rfc5280',
    name: 'RFC 5280',
    rules:
      'RFC 5280 path validation (§6) with the certificate profile (§4) enforced on every certificate, the trust anchor included when it is v3.',
    refuses: rfc5280Refuses,
  },
  openssl: {
    id: 'openssl',
    name: 'OpenSSL (Node.js, curl, Python ≤ 3.12)',
    rules:
      'OpenSSL 3 default verification: signatures, validity, CA flags, path length, name constraints, unknown critical extensions; v1 roots accepted as anchors.',
    refuses: opensslRefuses,
  },
  python: {
    id: 'python',
    name: 'Python 3.13+',
    rules:
      'OpenSSL with X509_STRICT and partial chains (Python 3.13+ default context): also AKI, SKI, critical basicConstraints, keyUsage on CAs, no v1 roots.',
    refuses: pythonRefuses,
  },
  java: {
    id: 'java',
    name: 'Java 17 (PKIX)',
    rules:
      'JDK 17 PKIX CertPathValidator with HTTPS endpoint identification: the anchor is a name and a key; strict certificate parsing.',
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
    rules:
      "rustls-webpki and the browsers' baseline: v3 only below the anchor, no CA as leaf, leaf needs subjectAltName and EKU.",
    refuses: webpkiRefuses,
  },
};
