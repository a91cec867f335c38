/**
 * MD5 (RFC 1321), only for reading PKCS#5 PBES1 "pbeWithMD5AndDES-CBC" / "…RC2-CBC" keys
 * (RFC 8018 §6.1), whose PBKDF1 runs on it. Broken for collisions; never used to protect anything new.
 */
import { MdHasher } from './md-hasher.ts';

const INITIAL = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
/** RFC 1321 §3.4: T[i] = floor(2^32 · |sin(i + 1)|). */
const T = Int32Array.from({ length: 64 }, (_, i) => Math.floor(2 ** 32 * Math.abs(Math.sin(i + 1))));
const SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const x = new Int32Array(16);

export class Md5 extends MdHasher {
  constructor() {
    super(64, 16, INITIAL, false);
  }

  protected fresh(): this {
    return new Md5() as this;
  }

  protected compressWords(block: Int32Array): void {
    x.set(block);
    const s = this.state;
    let a = s[0]!;
    let b = s[1]!;
    let c = s[2]!;
    let d = s[3]!;
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      let f: number;
      let g: number;
      if (round === 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round === 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (round === 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const shift = SHIFT[round * 4 + (i & 3)]!;
      const sum = (a + f + T[i]! + x[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    s[0] = (s[0]! + a) | 0;
    s[1] = (s[1]! + b) | 0;
    s[2] = (s[2]! + c) | 0;
    s[3] = (s[3]! + d) | 0;
  }
}
