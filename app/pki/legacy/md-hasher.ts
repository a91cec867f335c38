/**
 * The Merkle–Damgård frame shared by MD5 and the SHA family (RFC 1321 §3, FIPS 180-4 §5.1):
 * buffer input into blocks, pad with 0x80, zeros and the bit length, and write the state words
 * out. Subclasses give the block size, the initial state, the word order and the compression.
 * Synchronous and allocation-light, so the iterated KDFs (PKCS#12 B.2, PBKDF1/2) can run a million
 * rounds without a WebCrypto round trip each.
 */
export abstract class MdHasher {
  private readonly buffer: Uint8Array;
  private readonly blockWords: Int32Array;
  private filled = 0;
  /** Bytes hashed so far; a JS number is exact far beyond any input certbench accepts. */
  private total = 0;
  protected readonly state: Int32Array;

  protected constructor(
    readonly blockBytes: 64 | 128,
    readonly outBytes: number,
    private readonly initial: Int32Array,
    private readonly bigEndian: boolean,
  ) {
    this.buffer = new Uint8Array(blockBytes);
    this.blockWords = new Int32Array(blockBytes / 4);
    this.state = initial.slice();
  }

  /** Mix one block, given as its 16 (or 32) words in the algorithm's byte order, into `state`. */
  protected abstract compressWords(block: Int32Array): void;
  /** A new hasher of the same algorithm, in its initial state. */
  protected abstract fresh(): this;

  reset(): this {
    this.state.set(this.initial);
    this.filled = 0;
    this.total = 0;
    return this;
  }

  /** An independent copy of the running state (HMAC precomputes its padded keys this way). */
  clone(): this {
    const copy = this.fresh();
    copy.state.set(this.state);
    copy.buffer.set(this.buffer);
    copy.filled = this.filled;
    copy.total = this.total;
    return copy;
  }

  update(data: Uint8Array): this {
    const size = this.blockBytes;
    let i = 0;
    this.total += data.length;
    if (this.filled > 0) {
      i = Math.min(size - this.filled, data.length);
      this.buffer.set(data.subarray(0, i), this.filled);
      this.filled += i;
      if (this.filled < size) return this;
      this.compress(this.buffer, 0);
      this.filled = 0;
    }
    for (; i + size <= data.length; i += size) this.compress(data, i);
    if (i < data.length) {
      this.buffer.set(data.subarray(i), 0);
      this.filled = data.length - i;
    }
    return this;
  }

  /** Finish and return the digest. The hasher must be reset before it is used again. */
  digest(): Uint8Array<ArrayBuffer> {
    const size = this.blockBytes;
    const lengthBytes = size === 128 ? 16 : 8;
    const buffer = this.buffer;
    buffer[this.filled++] = 0x80;
    if (this.filled > size - lengthBytes) {
      buffer.fill(0, this.filled);
      this.compress(buffer, 0);
      this.filled = 0;
    }
    buffer.fill(0, this.filled);
    const high = Math.floor(this.total / 0x20000000);
    const low = (this.total * 8) >>> 0;
    if (this.bigEndian) {
      writeWord(buffer, size - 8, high, true);
      writeWord(buffer, size - 4, low, true);
    } else {
      writeWord(buffer, size - 8, low, false);
      writeWord(buffer, size - 4, high, false);
    }
    this.compress(buffer, 0);
    const out = new Uint8Array(this.state.length * 4);
    for (let w = 0; w < this.state.length; w++) writeWord(out, w * 4, this.state[w]!, this.bigEndian);
    return out.slice(0, this.outBytes);
  }

  /**
   * Hash `digest` (one output of this algorithm) `times` times over: digest ← H(digest). The
   * padded one-block message is built once as words and the state's words are fed back in, so
   * a round is one compression (the PKCS#12 KDF's inner loop, RFC 7292 B.2 step 6a).
   */
  rehash(digest: Uint8Array, times: number): Uint8Array<ArrayBuffer> {
    if (digest.length !== this.outBytes) throw new RangeError(`rehash takes a ${this.outBytes}-byte digest`);
    const block = new Int32Array(this.blockBytes / 4);
    const n = this.outBytes / 4;
    const read = this.bigEndian ? wordBE : wordLE;
    for (let i = 0; i < n; i++) block[i] = read(digest, i * 4);
    block[n] = this.bigEndian ? 0x80000000 | 0 : 0x80;
    block[this.bigEndian ? block.length - 1 : block.length - 2] = this.outBytes * 8;
    const state = this.state;
    for (let r = 0; r < times; r++) {
      state.set(this.initial);
      this.compressWords(block);
      for (let i = 0; i < n; i++) block[i] = state[i]!;
    }
    const out = new Uint8Array(this.outBytes);
    for (let i = 0; i < n; i++) writeWord(out, i * 4, block[i]!, this.bigEndian);
    this.reset();
    return out;
  }

  private compress(data: Uint8Array, offset: number): void {
    const words = this.blockWords;
    const read = this.bigEndian ? wordBE : wordLE;
    for (let i = 0; i < words.length; i++) words[i] = read(data, offset + i * 4);
    this.compressWords(words);
  }
}

function writeWord(out: Uint8Array, at: number, word: number, bigEndian: boolean): void {
  if (bigEndian) {
    out[at] = word >>> 24;
    out[at + 1] = word >>> 16;
    out[at + 2] = word >>> 8;
    out[at + 3] = word;
  } else {
    out[at] = word;
    out[at + 1] = word >>> 8;
    out[at + 2] = word >>> 16;
    out[at + 3] = word >>> 24;
  }
}

/** The big-endian 32-bit word at `at`. */
export function wordBE(data: Uint8Array, at: number): number {
  return (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
}

/** The little-endian 32-bit word at `at`. */
export function wordLE(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24);
}
