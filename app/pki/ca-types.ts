/** What a CA is asked for and what making one returns (ca.ts), apart so the CA paths share them without a cycle. */
import type { KeyAlgorithmId } from './algorithms.ts';
import type { CaMaterial } from './issuer.ts';
import type { SubjectFields } from './names.ts';

export interface CaParams {
  subject: SubjectFields;
  /** Default 'p256'. */
  algorithm?: KeyAlgorithmId;
  /** Default 3650 for a root, 1825 for an intermediate (DEFAULTS). */
  days?: number;
  /** BasicConstraints pathLen. Root: none by default (no limit). Intermediate: 0 by default, and below the issuer's. */
  pathLength?: number;
  /** ISO start; default now minus a few minutes. */
  notBefore?: string;
  /** Certify this existing key (clear PKCS#8 PEM) instead of making one, e.g. to renew a CA with its key. */
  keyPem?: string;
  /** An intermediate that would outlive its issuer: clamp (default) or refuse. */
  onOutlive?: 'clamp' | 'error';
}

export interface CaResult extends CaMaterial {
  notBefore: string;
  notAfter: string;
  serial: string;
  /** What was adjusted (e.g. validity shortened to the issuer's). */
  notes: string[];
}
