/**
 * HMAC (RFC 2104) over the synchronous hashes, for the PBKDF2 PRFs WebCrypto lacks
 * (hmacWithSHA224, hmacWithSHA512-224, hmacWithSHA512-256) and for PKCS#12 MACs over them.
 * The padded keys are hashed once; each message costs a clone of each half.
 */
import { hasher, type HashName } from './hashes.ts';
import type { MdHasher } from './md-hasher.ts';

export class Hmac {
  private readonly inner: MdHasher;
  private readonly outer: MdHasher;
  readonly outBytes: number;

  constructor(hash: HashName, key: Uint8Array) {
    const probe = hasher(hash);
    const size = probe.blockBytes;
    const block = new Uint8Array(size);
    block.set(key.length > size ? probe.update(key).digest() : key);
    this.inner = hasher(hash).update(block.map((b) => b ^ 0x36));
    this.outer = hasher(hash).update(block.map((b) => b ^ 0x5c));
    this.outBytes = this.inner.outBytes;
  }

  mac(data: Uint8Array): Uint8Array<ArrayBuffer> {
    const innerDigest = this.inner.clone().update(data).digest();
    return this.outer.clone().update(innerDigest).digest();
  }
}
