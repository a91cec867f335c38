/** The shape of one lint rule: a stable code, a default severity and a check. */
import type { Severity } from '../findings.ts';
import type { CertFacts } from '../model/cert-facts.ts';

/**
 * Where a certificate sits: the trust anchor, a CA between anchor and leaf, or the leaf.
 * Lint infers it (a self-issued CA is an anchor); path validation knows it.
 */
export type Position = 'anchor' | 'intermediate' | 'leaf';

export interface LintContext {
  facts: CertFacts;
  /** Stated by the caller, or inferred from basicConstraints cA. */
  role: 'ca' | 'leaf';
  /** Subject equals issuer (the certificate claims to be its own issuer). */
  selfIssued: boolean;
  position: Position;
}

/** What a failed check reports: the sentence, and a severity when it differs from the rule's. */
export type LintHit = string | { message: string; severity: Severity };

export interface LintRule {
  /** Stable identifier; tests and the UI key on it. */
  code: string;
  severity: Severity;
  /** What the rule expects, in one line (shown by `certbench lint --rules`). */
  summary: string;
  /**
   * Also checked on every certificate of a path during validation (the RFC 5280 §4 profile),
   * where each client profile (validate/client-profiles.ts) decides whether a hit refuses
   * the path. Lint and validation then report the same code for the same problem.
   */
  inPath?: {
    /** What is wrong, after "the leaf" / "the intermediate" / "the root": "has no authority key identifier". */
    reason: string;
    /** The fix in plain words, after "re-issue the leaf": "with an authority key identifier". */
    fix: string;
  };
  /** null when the certificate passes. */
  check(ctx: LintContext): LintHit | null;
}
