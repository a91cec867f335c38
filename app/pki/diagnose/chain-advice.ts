/**
 * What is wrong with the certificates of a chain beyond RFC 5280's rules: weak keys and
 * hashes that OpenSSL's security levels refuse, and missing key identifiers that Python's
 * VERIFY_X509_STRICT refuses.
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Finding } from '../findings.ts';
import { certFacts } from '../validate/cert-facts.ts';
import { isSha1Signature, KEY_RULES } from '../lint/rules/keys.ts';
import { diagnosis } from './catalog.ts';

const kuRule = KEY_RULES.find((r) => r.code === 'key-usage-wrong-for-key-type');

/** Findings about each certificate of `chain` (leaf first, anchor last). */
export function chainAdvice(chain: readonly X509Certificate[]): Finding[] {
  const out: Finding[] = [];
  chain.forEach((cert, i) => {
    let f;
    try {
      f = certFacts(cert);
    } catch {
      return;
    }
    const isTop = i === chain.length - 1;
    const d = { cert: cert.subject };
    if (f.key.kind === 'rsa' && f.key.bits < 2048) out.push(diagnosis('rsa-too-small', { ...d, detail: String(f.key.bits) }));
    // The top's own signature is never checked when it is self-signed, so its hash does not matter.
    if (isSha1Signature(f.signatureOid) && !(isTop && f.selfIssued)) out.push(diagnosis('sha1-signature', d));
    if (f.basicConstraints?.ca && f.subjectKeyId === undefined) out.push(diagnosis('missing-ski', d));
    if (!f.selfIssued && !f.authorityKeyId) out.push(diagnosis('missing-aki', d));
    const ku = kuRule?.check({ facts: f, role: i === 0 ? 'leaf' : 'ca', selfIssued: f.selfIssued });
    if (ku) out.push(diagnosis('key-usage-wrong-for-key-type', { ...d, detail: describeKu(f.key.kind, f.keyUsage?.usages) }));
  });
  return out;
}

function describeKu(kind: string, usages: ReadonlySet<string> | undefined): string {
  const bad = ['keyEncipherment', 'dataEncipherment', 'keyAgreement'].filter((u) => usages?.has(u));
  return `${bad.join(', ')} on a ${kind.toUpperCase()} key`;
}
