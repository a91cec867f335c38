/**
 * The worker operation every issuing view calls when it opens (the key type list), apart from the
 * issuing code: the first view loads only this and what it imports.
 */
import { KEY_ALGORITHMS, type KeyAlgorithmId } from '../pki/light/index.ts';
import { mlDsaEngine, supportedKeyAlgorithms } from '../pki/runtime/index.ts';

/** ML-DSA options say which engine makes them (crypto.ts's choice): the browser's own WebCrypto or the bundled library. */
const ENGINE_TEXT = { webcrypto: 'browser WebCrypto', library: 'noble library' } as const;

/** Key types this browser can make, with their labels, in the order the UI offers them. */
async function keyAlgorithms(): Promise<{ id: KeyAlgorithmId; label: string }[]> {
  const ids = await supportedKeyAlgorithms();
  const engine = await mlDsaEngine();
  return KEY_ALGORITHMS.filter((a) => ids.includes(a.id)).map((a) => ({
    id: a.id,
    label: a.family === 'ml-dsa' && engine ? `${a.label} · ${ENGINE_TEXT[engine]}` : a.label,
  }));
}

export const KEY_ALGORITHM_OPS = { keyAlgorithms };
