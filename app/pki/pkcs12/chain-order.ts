/**
 * Put a certificate chain in issuing order (leaf, its issuer, that one's issuer, ...), whatever
 * order the user pasted it in, and refuse certificates that do not belong to the chain: a stray
 * certificate in a keystore or a full-chain file is a configuration bug waiting to happen.
 */
import { PkiError } from '../errors.ts';
import type { ExportCertificate } from './inputs.ts';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isSelfIssued(c: ExportCertificate): boolean {
  return c.parsed.subject === c.parsed.issuer;
}

/**
 * `[leaf, ...issuers]` in issuing order. Copies of the leaf or of each other are dropped (a
 * "chain" file that already starts with the leaf is common). Links are followed by name: each
 * next certificate's subject is the previous one's issuer.
 */
export function orderChain(
  leaf: ExportCertificate,
  chain: readonly ExportCertificate[],
  field = 'chain',
): ExportCertificate[] {
  const rest: ExportCertificate[] = [];
  for (const c of chain) {
    if (sameBytes(c.der, leaf.der) || rest.some((r) => sameBytes(r.der, c.der))) continue;
    rest.push(c);
  }
  const ordered = [leaf];
  let current = leaf;
  while (rest.length && !isSelfIssued(current)) {
    const at = rest.findIndex((c) => c.parsed.subject === current.parsed.issuer);
    if (at < 0) break;
    const [next] = rest.splice(at, 1);
    if (!next) break;
    ordered.push(next);
    current = next;
  }
  const [stray] = rest;
  if (stray) {
    // Usually a missing intermediate (the chain stops short) or a CA from another PKI; say which.
    const gap = isSelfIssued(current)
      ? ''
      : ` The chain stops at ${current.parsed.subject}, whose issuer ${current.parsed.issuer} was not given.`;
    throw new PkiError(
      'invalid-argument',
      field,
      `The certificate for ${stray.parsed.subject} is not part of the chain of ${leaf.parsed.subject}: it issued none of its certificates.${gap}`,
    );
  }
  return ordered;
}
