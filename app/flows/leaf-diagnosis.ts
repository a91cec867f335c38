/**
 * The inspect report's diagnoses: each leaf certificate given, judged against the other
 * certificates and CRLs given, per TLS client.
 */
import { X509Certificate } from '@peculiar/x509';
import { Convert } from 'pvtsutils';
import { certFacts, chainLinks, clientMatrix, missingCertificate, validatePath } from '../pki/index.ts';
import type { Diagnosis, InspectedItem, InspectRequest } from './inspect-types.ts';

/** Leaves diagnosed per report: enough for a cluster's worth of node certificates dropped at once. */
export const MAX_DIAGNOSES = 20;

/** Parse for path validation; a certificate only the explainer could read is left out of it. */
function parsed(c: { out: InspectedItem; der: ArrayBuffer }): { out: InspectedItem; cert: X509Certificate }[] {
  try {
    return [{ out: c.out, cert: new X509Certificate(c.der) }];
  } catch {
    return [];
  }
}

/**
 * Judge each leaf against the other certificates given: self-issued CAs are the trust anchors
 * (this is a private PKI: the user's own roots, never the browser's), the rest may complete the
 * path, and CRLs among the inputs are checked (revoked, or status unknown). A leaf with no anchor
 * among the inputs gets "untrusted root" or "missing intermediate".
 */
export async function diagnose(
  found: { out: InspectedItem; der: ArrayBuffer }[],
  crls: ArrayBuffer[],
  request: InspectRequest,
  now: Date,
  crypto: Crypto,
): Promise<Diagnosis[]> {
  // Nothing to judge without a leaf: a CA bundle is not parsed a second time.
  if (found.every((c) => c.out.isCA)) return [];
  const certs = found.flatMap(parsed);
  const isCa = (c: X509Certificate) => certFacts(c).basicConstraints?.ca === true;
  const leaves = certs.filter((c) => !isCa(c.cert)).slice(0, MAX_DIAGNOSES);
  const cas = certs.filter((c) => isCa(c.cert)).map((c) => c.cert);
  const anchors = cas.filter((c) => certFacts(c).selfIssued);
  const intermediates = cas.filter((c) => !certFacts(c).selfIssued);
  const asked = { ...(request.host ? { host: request.host } : {}), ...(request.role ? { role: request.role } : {}) };
  const out: Diagnosis[] = [];
  for (const leaf of leaves) {
    try {
      const r = await validatePath(
        {
          leaf: leaf.cert,
          anchors,
          intermediates,
          ...(crls.length ? { crls } : {}),
          ...(request.role ? { purpose: request.role } : {}),
          ...(request.host ? { host: request.host } : {}),
          at: now,
        },
        crypto,
      );
      const chain = await Promise.all(
        r.chain.map(async (c) => Convert.ToHex(await c.getThumbprint('SHA-256', crypto))),
      );
      const missing = r.findings.some((f) => f.code === 'missing-intermediate')
        ? missingCertificate(r.chain, anchors.length > 0)
        : undefined;
      out.push({
        ...asked,
        leaf: leaf.out.title,
        valid: r.valid,
        chain,
        findings: r.findings,
        clients: clientMatrix(r),
        links: await chainLinks(r.chain, now, crypto),
        ...(missing ? { missing } : {}),
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.push({
        ...asked,
        leaf: leaf.out.title,
        valid: false,
        chain: [],
        findings: [{ code: 'invalid-argument', severity: 'error', message }],
        clients: [],
        links: [],
      });
    }
  }
  return out;
}
