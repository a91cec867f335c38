/**
 * Each client's verdict in plain words, for the CLI's matrix and Inspect's diagnosis: why a
 * client refuses ("the leaf has no authority key identifier") and how to fix it ("re-issue
 * the leaf with an authority key identifier"). Profile rules bring their own words (the
 * shared rule table's inPath); the §6 and catalog codes have theirs here.
 */
import { PATH_RULES } from '../lint/index.ts';
import type { Position } from '../lint/rule.ts';
import type { ClientVerdict, Refusal, ValidationResult } from '../verdicts.ts';

const WHO: Record<Position, string> = { leaf: 'the leaf', intermediate: 'an intermediate', anchor: 'the root' };

/** Reason (after the certificate) and fix for codes that are not profile rules. */
const CATALOG_WORDS: Record<string, { reason: string; fix: string }> = {
  expired: { reason: 'has expired', fix: 'renew it' },
  'not-yet-valid': { reason: 'is not valid yet', fix: 'wait for its notBefore or re-issue it with an earlier one' },
  'bad-signature': {
    reason: "has a signature that does not verify with its issuer's key",
    fix: 'use the CA that really signed it',
  },
  'name-chaining': { reason: 'names an issuer that is not the CA above it', fix: 'use the CA that issued it' },
  'issuer-not-ca': {
    reason: 'signs certificates but is not a CA (no basicConstraints cA=TRUE)',
    fix: 're-issue that CA with basicConstraints cA=TRUE',
  },
  'issuer-missing-key-cert-sign': {
    reason: 'is a CA whose keyUsage lacks keyCertSign',
    fix: 're-issue that CA with keyUsage keyCertSign',
  },
  'path-length-exceeded': {
    reason: 'is one CA more than a pathLenConstraint allows',
    fix: 'shorten the chain or raise the path length of the CA above',
  },
  'name-constraint-violated': {
    reason: 'has a name outside what a CA above it may issue for',
    fix: "re-issue it with names inside the CA's name constraints",
  },
  'unknown-critical-extension': {
    reason: 'has a critical extension the client does not know',
    fix: 're-issue it without that extension or with it non-critical',
  },
  'eku-missing-server-auth': {
    reason: 'is not allowed for TLS servers (no serverAuth)',
    fix: 're-issue it with extendedKeyUsage serverAuth',
  },
  'eku-missing-client-auth': {
    reason: 'is not allowed for TLS clients (no clientAuth)',
    fix: 're-issue it with extendedKeyUsage clientAuth',
  },
  'key-usage-forbids-purpose': {
    reason: 'has a keyUsage that does not allow the TLS handshake',
    fix: 're-issue it with keyUsage digitalSignature',
  },
  revoked: { reason: 'is revoked', fix: 'issue a new certificate' },
  'revocation-unknown': {
    reason: 'has a revocation status that cannot be determined',
    fix: 'give a current CRL signed by its issuer',
  },
  'rsa-too-small': {
    reason: 'has an RSA key under 2048 bits',
    fix: 're-issue it with a 2048-bit (or larger) RSA key or an EC key',
  },
  'sha1-signature': { reason: 'is signed with SHA-1', fix: 're-issue it with a SHA-256 signature' },
  'host-mismatch': { reason: 'does not name the host', fix: 're-issue the leaf with the host name in subjectAltName' },
  'ip-not-in-sans': {
    reason: 'does not list the IP address',
    fix: 're-issue the leaf with the IP address in subjectAltName',
  },
  'host-matched-by-cn': {
    reason: 'names the host only in its CN, which this client never reads',
    fix: 're-issue the leaf with the host name in subjectAltName',
  },
  'untrusted-root': { reason: 'ends at a root that is not trusted', fix: 'add the root to the trusted CAs' },
  // The missing CA may be the root or an intermediate (missing-certificate.ts tells them apart when it can).
  'missing-intermediate': { reason: 'lacks the CA that issued its top certificate', fix: 'add that CA certificate' },
  'path-not-found': { reason: 'reaches no trusted CA', fix: 'give the intermediates and trust the root' },
  'unreadable-certificate': { reason: 'cannot be decoded', fix: 're-issue it' },
  'partial-chain': {
    reason: 'ends at a trusted CA that is not a self-signed root',
    fix: "trust the self-signed root instead (OpenSSL's default needs it)",
  },
  'host-matched-by-partial-wildcard': {
    reason: 'names the host only with a partial wildcard such as "l*.example.com"',
    fix: 're-issue the leaf with the full host name or "*.domain" in subjectAltName',
  },
  'host-matched-by-short-wildcard': {
    reason: 'names the host only with a wildcard over two labels such as "*.com"',
    fix: 're-issue the leaf with the full host name in subjectAltName',
  },
  'cn-outside-name-constraints': {
    reason: "has no DNS SAN and a host-name CN outside a CA's name constraints",
    fix: 're-issue the leaf with its host names in subjectAltName, inside the constraints',
  },
  'name-constraints-unhandled-form': {
    reason: 'has critical name constraints on a name form the client does not process',
    fix: 're-issue that CA with DNS, IP, email or URI constraints only',
  },
  'ml-dsa-unsupported': {
    reason: 'has an ML-DSA key or signature, which this client does not support',
    fix: 'use an ECDSA or RSA key for this client',
  },
  'key-mismatch': {
    reason: 'does not match the private key given',
    fix: 'give the key the certificate was issued for',
  },
  'key-usage-wrong-for-key-type': {
    reason: 'asserts a key usage its key type cannot perform',
    fix: 're-issue it with the key usage of its key type',
  },
  'revocation-not-checked': {
    reason: 'has no CRL from its issuer among those given',
    fix: 'give the CRL of its issuer',
  },
};

/** Codes that are about the path, so their sentence starts "the chain" whatever the position. */
const PATH_CODES = new Set(['untrusted-root', 'missing-intermediate', 'path-not-found', 'partial-chain']);

function words(code: string): { reason: string; fix: string } {
  const rule = PATH_RULES.find((r) => r.code === code)?.inPath;
  if (rule) return { reason: rule.reason, fix: `re-issue {who} ${rule.fix}` };
  return CATALOG_WORDS[code] ?? { reason: `fails the check "${code}"`, fix: 'see the findings' };
}

function subject(r: Refusal): string {
  if (PATH_CODES.has(r.code)) return 'the chain';
  return r.position ? WHO[r.position] : 'the leaf';
}

/** "the leaf has no authority key identifier". */
export function refusalReason(r: Refusal): string {
  return `${subject(r)} ${words(r.code).reason}`;
}

/** "re-issue the leaf with an authority key identifier; certbench's own certificates have one". */
export function refusalFix(r: Refusal): string {
  const fix = words(r.code).fix.replace('{who}', subject(r));
  return r.code === 'missing-aki' || r.code === 'missing-ski' ? `${fix}; certbench's own certificates have one` : fix;
}

/** One line of the matrix: "Python 3.13+: refuses — the leaf has no authority key identifier". */
export function verdictLine(v: ClientVerdict, refusals: readonly Refusal[] = []): string {
  if (v.accepts) return `${v.name}: accepts`;
  const reasons = refusals.length ? refusals.map(refusalReason) : v.findings;
  return `${v.name}: refuses — ${reasons.join('; ')}`;
}

/** One client's verdict as plain data for a view: its reasons and fixes in words. */
export interface ClientLine {
  id: ClientVerdict['id'];
  name: string;
  accepts: boolean;
  /** "the leaf has no authority key identifier", one per refusal; [] when it accepts. */
  reasons: string[];
  /** "re-issue the leaf with an authority key identifier; …", one per distinct fix. */
  fixes: string[];
}

/** The client matrix of a validation result, in CLIENT_IDS order. */
export function clientMatrix(result: Pick<ValidationResult, 'clients' | 'refusals'>): ClientLine[] {
  return result.clients.map((v) => {
    const refusals = result.refusals[v.id] ?? v.findings.map((code) => ({ code }));
    return {
      id: v.id,
      name: v.name,
      accepts: v.accepts,
      reasons: v.accepts ? [] : refusals.map(refusalReason),
      fixes: v.accepts ? [] : [...new Set(refusals.map(refusalFix))],
    };
  });
}
