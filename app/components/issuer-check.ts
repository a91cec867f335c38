/**
 * Can this workspace CA sign what the form is about to make? Predicted from its certificate the
 * way the core will judge it (loadIssuer: a CA, keyCertSign if KeyUsage is present, the key in
 * hand; validityWindow: not expired; createIntermediateCa: path length above 0), so the Issuing
 * CA select can list a CA that cannot as disabled with the reason, instead of the core refusing
 * after the user pressed the button. The core still decides; this only says it early.
 *
 * Read with the certificate facts model the validator reads (app/pki/model/): synchronous, well
 * under a millisecond per certificate, and it brings no X.509 library onto the page.
 */
import { pemDecodeAll } from '../pki/light/index.ts';
import { certFactsFromDer } from '../pki/model/index.ts';

/** A leaf (Issue, Sign CSR) or a subordinate CA (Create an intermediate). */
export type IssuerPurpose = 'leaf' | 'sub-ca';

export interface IssuerCandidate {
  /** The CA's certificate (first PEM CERTIFICATE block). */
  pem: string;
  keyPem?: string | undefined;
  /** The key is in the workspace but locked: it can sign once unlocked (app/store/key-access.ts). */
  keyLocked?: true | undefined;
}

/** Why `ca` cannot sign for `purpose`, as words to put beside its name; undefined when it can. */
export function issuerProblem(ca: IssuerCandidate, purpose: IssuerPurpose, now: Date = new Date()): string | undefined {
  if (!ca.keyPem && !ca.keyLocked) return 'no private key in the workspace';
  const block = pemDecodeAll(ca.pem).blocks.find((b) => b.label === 'CERTIFICATE');
  let facts: ReturnType<typeof certFactsFromDer>;
  try {
    if (!block) throw new Error('no certificate');
    facts = certFactsFromDer(new Uint8Array(block.der));
  } catch {
    return 'its certificate cannot be read';
  }
  if (!facts.basicConstraints?.ca) return 'not a CA certificate';
  if (facts.keyUsage && !facts.keyUsage.usages.has('keyCertSign')) return 'its key usage does not include keyCertSign';
  if (facts.notAfter.date.getTime() <= now.getTime())
    return `expired on ${facts.notAfter.date.toISOString().slice(0, 10)}`;
  if (purpose === 'sub-ca' && facts.basicConstraints.pathLen === 0)
    return 'path length 0: it signs leaf certificates only';
  return undefined;
}
