/** Small PEM conveniences for exports: certificate DER, full chains, block comparison. */
import { pemDecodeAll, pemEncode } from '../pki/light/index.ts';

/** The PEM blocks of a text, each re-encoded canonically (so equal certificates compare equal). */
export function pemBlocks(text: string | undefined): string[] {
  if (!text) return [];
  return pemDecodeAll(text).blocks.map((b) => pemEncode(b.label, b.der));
}

/** DER of the first certificate in a PEM text. */
export function firstDer(pem: string): Uint8Array | undefined {
  const block = pemDecodeAll(pem).blocks[0];
  return block ? new Uint8Array(block.der) : undefined;
}

/** Leaf, then its chain, with duplicates dropped: what servers send. */
export function fullChain(pem: string, chainPem?: string): string {
  return [...new Set([...pemBlocks(pem), ...pemBlocks(chainPem)])].join('');
}
