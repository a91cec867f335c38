/**
 * What is wrong with the certificates of a chain beyond RFC 5280's rules: weak keys and
 * hashes that OpenSSL's security levels refuse. (Missing key identifiers, which Python's
 * VERIFY_X509_STRICT refuses, are RFC 5280 profile rules checked in the path itself.)
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from '../findings.ts';
import { certFacts } from '../model/cert-facts.ts';
import { isSha1Signature, KEY_RULES } from '../lint/rules/keys.ts';
import { diagnosis } from './catalog.ts';

const kuRule = KEY_RULES.find((r) => r.code === 'key-usage-wrong-for-key-type');

/** Findings about each certificate of `chain` (leaf first, anchor last). */
export function chainAdvice(chain: readonly X509Certificate[]): Finding[] {
  return chain.flatMap((cert, i) => certAdvice(cert, i === 0, i === chain.length - 1));
}

/** Findings about one certificate of a chain: the leaf (`isLeaf`) or a CA, at the top or not. */
export function certAdvice(cert: X509Certificate, isLeaf: boolean, isTop: boolean): Finding[] {
  let f;
  try {
    f = certFacts(cert);
  } catch {
    return [];
  }
  const out: Finding[] = [];
  const d = { cert: cert.subject };
  if (f.key.kind === 'rsa' && f.key.bits < 2048)
    out.push(diagnosis('rsa-too-small', { ...d, detail: String(f.key.bits) }));
  // The top's own signature is never checked when it is self-signed, so its hash does not matter.
  if (isSha1Signature(f.signatureOid) && !(isTop && f.selfIssued)) out.push(diagnosis('sha1-signature', d));
  const position = isLeaf ? 'leaf' : isTop && f.selfIssued ? 'anchor' : 'intermediate';
  const ku = kuRule?.check({ facts: f, role: isLeaf ? 'leaf' : 'ca', selfIssued: f.selfIssued, position });
  if (ku)
    out.push(diagnosis('key-usage-wrong-for-key-type', { ...d, detail: describeKu(f.key.kind, f.keyUsage?.usages) }));
  return out;
}

function describeKu(kind: string, usages: ReadonlySet<string> | undefined): string {
  const bad = ['keyEncipherment', 'dataEncipherment', 'keyAgreement'].filter((u) => usages?.has(u));
  return `${bad.join(', ')} on a ${kind.toUpperCase()} key`;
}
