/**
 * Which stacks can use ML-DSA certificates, and from which version: one list for Inspect, the
 * snippets and the refusals before issuing. OpenSSL added ML-DSA in 3.5; Node.js 24 ships
 * OpenSSL 3.5; JDK 24 has ML-DSA (JEP 497); rustls-webpki verifies it from 0.103.14 (its release
 * notes). Go's crypto/x509 does not verify ML-DSA in any release yet: adding it is proposal
 * golang/go#78888 (RFC 9881, seed keys only), so the issue brief's "Go ≥ 1.24" is not claimed.
 */
export interface MlDsaStack {
  id: 'openssl' | 'node' | 'java' | 'webpki' | 'go';
  name: string;
  /** The first version that verifies ML-DSA certificates; undefined when no release does yet. */
  since?: string;
}

export const ML_DSA_STACKS: readonly MlDsaStack[] = [
  { id: 'openssl', name: 'OpenSSL', since: '3.5' },
  { id: 'node', name: 'Node.js', since: '24' },
  { id: 'java', name: 'JDK', since: '24' },
  { id: 'webpki', name: 'rustls-webpki', since: '0.103.14' },
  { id: 'go', name: 'Go' },
];

/** "OpenSSL ≥ 3.5" for one stack, or "Go: not yet (crypto/x509 has no ML-DSA)". */
export function mlDsaMinimum(id: MlDsaStack['id']): string {
  const s = ML_DSA_STACKS.find((x) => x.id === id) as MlDsaStack;
  return s.since ? `${s.name} ≥ ${s.since}` : `${s.name}: not yet (crypto/x509 has no ML-DSA)`;
}

/** "OpenSSL ≥ 3.5, Node.js ≥ 24, JDK ≥ 24, rustls-webpki ≥ 0.103.14; Go: not yet (…)". */
export function mlDsaStackText(): string {
  const yes = ML_DSA_STACKS.filter((s) => s.since).map((s) => mlDsaMinimum(s.id));
  const no = ML_DSA_STACKS.filter((s) => !s.since).map((s) => mlDsaMinimum(s.id));
  return [yes.join(', '), ...no].join('; ');
}
