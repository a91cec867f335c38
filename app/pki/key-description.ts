/**
 * How certbench names a key, in every surface: the key picker, Inspect, Sign CSR and the CLI say
 * "ECDSA P-256", "RSA 2048", "Ed25519", "ML-DSA-65" for the same key. No imports:
 * the page loads this (through ../light/index.ts).
 */

/** What a key is, as the SPKI reader (inspect/public-key.ts) or the issuing choices (algorithms.ts) know it. */
export interface KeyShape {
  /** "RSA", "RSA-PSS", "EC", "Ed25519", "ML-DSA-65", … or an OID. */
  algorithm: string;
  /** Modulus bits for RSA and DSA. */
  size?: number;
  /** Named curve of an EC key ("P-256"), its OID, or "explicit parameters". */
  curve?: string;
}

/**
 * The one description of a key: "ECDSA P-256", "RSA 2048", "Ed25519", "ML-DSA-65". What ML-DSA is
 * (post-quantum, who can use it) is said beside it where there is room (Inspect's key tree, the picker's hint).
 */
export function keyDescription(key: KeyShape): string {
  // An id-ecPublicKey in a certificate signs with ECDSA: what the picker and the TLS stacks call it.
  if (key.curve) return `${key.algorithm === 'EC' ? 'ECDSA' : key.algorithm} ${key.curve}`;
  if (key.size !== undefined && /^(RSA|RSA-PSS|DSA)$/.test(key.algorithm)) return `${key.algorithm} ${key.size}`;
  return key.algorithm;
}
