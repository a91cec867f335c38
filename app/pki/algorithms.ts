/**
 * Key algorithms certbench offers. Ids are stable (CLI `--alg`, persisted state); the
 * WebCrypto parameters live beside them. Labels are the one key description (key-description.ts),
 * so the picker names a key as Inspect and Sign CSR later do.
 */
import { keyDescription } from './key-description.ts';

export type KeyAlgorithmId =
  'p256' | 'p384' | 'p521' | 'rsa2048' | 'rsa3072' | 'rsa4096' | 'ed25519' | 'mldsa44' | 'mldsa65' | 'mldsa87';

export interface KeyAlgorithm {
  id: KeyAlgorithmId;
  label: string;
  /** Key generation parameters. */
  generate: EcKeyGenParams | RsaHashedKeyGenParams | Algorithm;
  /** Signing parameters when this key signs a certificate. */
  sign: EcdsaParams | Algorithm;
  family: 'ec' | 'rsa' | 'ed25519' | 'ml-dsa';
}

const RSA_EXPONENT = new Uint8Array([1, 0, 1]);

function rsa(id: KeyAlgorithmId, bits: number): KeyAlgorithm {
  return {
    id,
    label: keyDescription({ algorithm: 'RSA', size: bits }),
    generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: RSA_EXPONENT, hash: 'SHA-256' },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
    family: 'rsa',
  };
}

/** ML-DSA (FIPS 204), post-quantum: pure ML-DSA with the empty context, as RFC 9881 §3 signs certificates. */
function mlDsa(id: KeyAlgorithmId, name: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'): KeyAlgorithm {
  return { id, label: keyDescription({ algorithm: name }), generate: { name }, sign: { name }, family: 'ml-dsa' };
}

export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = [
  {
    id: 'p256',
    label: keyDescription({ algorithm: 'EC', curve: 'P-256' }),
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    family: 'ec',
  },
  {
    id: 'p384',
    label: keyDescription({ algorithm: 'EC', curve: 'P-384' }),
    generate: { name: 'ECDSA', namedCurve: 'P-384' },
    sign: { name: 'ECDSA', hash: 'SHA-384' },
    family: 'ec',
  },
  {
    id: 'p521',
    label: keyDescription({ algorithm: 'EC', curve: 'P-521' }),
    generate: { name: 'ECDSA', namedCurve: 'P-521' },
    sign: { name: 'ECDSA', hash: 'SHA-512' },
    family: 'ec',
  },
  rsa('rsa2048', 2048),
  rsa('rsa3072', 3072),
  rsa('rsa4096', 4096),
  { id: 'ed25519', label: 'Ed25519', generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, family: 'ed25519' },
  mlDsa('mldsa44', 'ML-DSA-44'),
  mlDsa('mldsa65', 'ML-DSA-65'),
  mlDsa('mldsa87', 'ML-DSA-87'),
];

export const DEFAULT_KEY_ALGORITHM: KeyAlgorithmId = 'p256';
