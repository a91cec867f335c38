/**
 * RC2 (RFC 2268) with an effective key length, only for reading old keystores: PKCS#12
 * PBE-SHA1-RC2-40 (the certificate encryption of OpenSSL ≤ 1.1, Windows and Java 8), -RC2-128,
 * PBES2 rc2-cbc and PKCS#5 PBES1 with RC2-64.
 */
import type { BlockCipher } from './block-cipher.ts';

/** RFC 2268 §2: PITABLE, a permutation of 0…255 from the digits of π. */
const PITABLE = Uint8Array.from(
  (
    'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32' +
    'bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a' +
    '961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2e' +
    'c5f3db47e5a59c770aa62068fe7fc1ad'
  )
    .match(/../g)!
    .map((pair) => parseInt(pair, 16)),
);

/** §2 key expansion: 64 16-bit words from `key` (1–128 bytes), limited to `effectiveBits` (1–1024). */
function expandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const t = key.length;
  if (t < 1 || t > 128) throw new RangeError('An RC2 key is 1 to 128 bytes.');
  if (!Number.isInteger(effectiveBits) || effectiveBits < 1 || effectiveBits > 1024)
    throw new RangeError('RC2 effective key bits are 1 to 1024.');
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1]! + l[i - t]!) & 255]!;
  const t8 = (effectiveBits + 7) >> 3;
  const tm = 255 >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1]! ^ l[i + t8]!]!;
  return Uint16Array.from({ length: 64 }, (_, i) => l[2 * i]! | (l[2 * i + 1]! << 8));
}

const SHIFT = [1, 2, 3, 5];

export class Rc2 implements BlockCipher {
  readonly blockBytes = 8;
  private readonly k: Uint16Array;
  private readonly r = new Uint16Array(4);

  constructor(key: Uint8Array, effectiveBits: number) {
    this.k = expandKey(key, effectiveBits);
  }

  /** §3: five mixing rounds, a mash, six mixing rounds, a mash, five mixing rounds. */
  encryptBlock(block: Uint8Array): void {
    const r = this.load(block);
    const k = this.k;
    let j = 0;
    for (let round = 0; round < 16; round++) {
      for (let i = 0; i < 4; i++) {
        const sum =
          (r[i]! + k[j++]! + (r[(i + 3) & 3]! & r[(i + 2) & 3]!) + (~r[(i + 3) & 3]! & r[(i + 1) & 3]!)) & 0xffff;
        r[i] = (sum << SHIFT[i]!) | (sum >>> (16 - SHIFT[i]!));
      }
      if (round === 4 || round === 10) for (let i = 0; i < 4; i++) r[i] = r[i]! + k[r[(i + 3) & 3]! & 63]!;
    }
    this.store(block);
  }

  /** §4: the rounds undone in reverse order. */
  decryptBlock(block: Uint8Array): void {
    const r = this.load(block);
    const k = this.k;
    let j = 63;
    for (let round = 15; round >= 0; round--) {
      for (let i = 3; i >= 0; i--) {
        const v = r[i]!;
        const rotated = ((v >>> SHIFT[i]!) | (v << (16 - SHIFT[i]!))) & 0xffff;
        r[i] = rotated - k[j--]! - (r[(i + 3) & 3]! & r[(i + 2) & 3]!) - (~r[(i + 3) & 3]! & r[(i + 1) & 3]!);
      }
      if (round === 5 || round === 11) for (let i = 3; i >= 0; i--) r[i] = r[i]! - k[r[(i + 3) & 3]! & 63]!;
    }
    this.store(block);
  }

  private load(block: Uint8Array): Uint16Array {
    for (let i = 0; i < 4; i++) this.r[i] = block[2 * i]! | (block[2 * i + 1]! << 8);
    return this.r;
  }

  private store(block: Uint8Array): void {
    for (let i = 0; i < 4; i++) {
      block[2 * i] = this.r[i]! & 255;
      block[2 * i + 1] = this.r[i]! >>> 8;
    }
  }
}
