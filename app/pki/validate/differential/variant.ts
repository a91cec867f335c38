/**
 * One row of the differential corpus: a chain, the name a client dials and the TLS role it is
 * checked for, and why it is in the corpus. Every client profile of certbench and every real
 * stack judges the same row (differential.test.ts).
 */
import type { X509Certificate } from '@peculiar/x509';
import type { Purpose } from '../path-checks.ts';

/** Where the rule under test is broken: in the trust anchor, the intermediate, the leaf; 'chain' for controls and whole-chain cases. */
export type Position = 'root' | 'intermediate' | 'leaf' | 'chain';

export interface Variant {
  /** Unique, stable: "<rule>@<position>". */
  name: string;
  /** The rule from issue 8 (or the control's point) in a few words. */
  rule: string;
  position: Position;
  purpose: Purpose;
  /** DNS name or IP address the client dials; checked for server chains only. */
  host: string;
  at: Date;
  leaf: X509Certificate;
  /** The leaf's key, for the handshakes. */
  leafKeys: CryptoKeyPair;
  /** Untrusted intermediates, the leaf's issuer first. */
  intermediates: X509Certificate[];
  /** The one trusted certificate. */
  anchor: X509Certificate;
  notes: string;
  /** What certbench's default profile must say (issue 8's rule list); undefined where the issue does not say. */
  rfc5280Accepts?: boolean;
}
