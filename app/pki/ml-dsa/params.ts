/**
 * ML-DSA parameter sets (FIPS 204 Table 1/2) with the object identifiers of NIST's CSOR that
 * RFC 9881 §2 uses in AlgorithmIdentifier (always without parameters) for both the public key
 * and the signature. The sizes let readers name a blob by its length and refuse the wrong one.
 */
export type MlDsaName = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

export interface MlDsaParams {
  name: MlDsaName;
  oid: string;
  /** NIST security category (FIPS 204 §4): 2, 3 or 5. */
  category: 2 | 3 | 5;
  publicKeyBytes: number;
  /** The expanded private key (FIPS 204 skEncode), the "expandedKey" of RFC 9881 §6. */
  expandedKeyBytes: number;
  signatureBytes: number;
}

/** ξ, the 32-byte seed ML-DSA.KeyGen_internal expands (FIPS 204 Algorithm 6); RFC 9881's "seed". */
export const ML_DSA_SEED_BYTES = 32;

export const ML_DSA_PARAMS: readonly MlDsaParams[] = [
  {
    name: 'ML-DSA-44',
    oid: '2.16.840.1.101.3.4.3.17',
    category: 2,
    publicKeyBytes: 1312,
    expandedKeyBytes: 2560,
    signatureBytes: 2420,
  },
  {
    name: 'ML-DSA-65',
    oid: '2.16.840.1.101.3.4.3.18',
    category: 3,
    publicKeyBytes: 1952,
    expandedKeyBytes: 4032,
    signatureBytes: 3309,
  },
  {
    name: 'ML-DSA-87',
    oid: '2.16.840.1.101.3.4.3.19',
    category: 5,
    publicKeyBytes: 2592,
    expandedKeyBytes: 4896,
    signatureBytes: 4627,
  },
];

/** The parameter set of a WebCrypto algorithm (a name or `{ name }`, any case), or undefined. */
export function mlDsaOfAlgorithm(algorithm: AlgorithmIdentifier | undefined | null): MlDsaParams | undefined {
  const name = typeof algorithm === 'string' ? algorithm : algorithm?.name;
  if (typeof name !== 'string') return undefined;
  const upper = name.toUpperCase();
  return ML_DSA_PARAMS.find((p) => p.name === upper);
}

/** The parameter set of an AlgorithmIdentifier OID, or undefined. */
export function mlDsaOfOid(oid: string): MlDsaParams | undefined {
  return ML_DSA_PARAMS.find((p) => p.oid === oid);
}
