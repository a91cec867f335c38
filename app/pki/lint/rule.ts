/** The shape of one lint rule: a stable code, a default severity and a check. */
import type { Severity } from '../findings.ts';
import type { CertFacts } from '../validate/cert-facts.ts';

export interface LintContext {
  facts: CertFacts;
  /** Stated by the caller, or inferred from basicConstraints cA. */
  role: 'ca' | 'leaf';
  /** Subject equals issuer (the certificate claims to be its own issuer). */
  selfIssued: boolean;
}

/** What a failed check reports: the sentence, and a severity when it differs from the rule's. */
export type LintHit = string | { message: string; severity: Severity };

export interface LintRule {
  /** Stable identifier; tests and the UI key on it. */
  code: string;
  severity: Severity;
  /** What the rule expects, in one line (shown by `certbench lint --rules`). */
  summary: string;
  /** null when the certificate passes. */
  check(ctx: LintContext): LintHit | null;
}
