/**
 * DES (FIPS 46-3) and Triple DES in EDE form (NIST SP 800-67 Rev. 2), only for reading the
 * keystores OpenSSL ≤ 1.1, Java 8, NSS and GnuTLS wrote (PKCS#12 PBE-SHA1-3DES and -2DES,
 * PBES2 with des-ede3-cbc or des-cbc, PKCS#5 PBES1). Tables are the standard's, 1-based bit
 * numbers counted from the most significant bit, turned into lookups when the first key is set up
 * (desLookups): almost no session reads such a keystore, and building them costs a fresh worker
 * about 10 ms of unoptimised JavaScript, plus its compilers' time, on the first call that loads
 * this module (a CA bundle's inspect, a cluster), whatever it reads.
 */
import type { BlockCipher } from './block-cipher.ts';

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24,
  16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31,
  23, 15, 7,
];
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
];
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55,
  47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30,
  40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
/** S1…S8, each 4 rows of 16. */
const S = [
  '14 4 13 1 2 15 11 8 3 10 6 12 5 9 0 7 0 15 7 4 14 2 13 1 10 6 12 11 9 5 3 8 4 1 14 8 13 6 2 11 15 12 9 7 3 10 5 0 15 12 8 2 4 9 1 7 5 11 3 14 10 0 6 13',
  '15 1 8 14 6 11 3 4 9 7 2 13 12 0 5 10 3 13 4 7 15 2 8 14 12 0 1 10 6 9 11 5 0 14 7 11 10 4 13 1 5 8 12 6 9 3 2 15 13 8 10 1 3 15 4 2 11 6 7 12 0 5 14 9',
  '10 0 9 14 6 3 15 5 1 13 12 7 11 4 2 8 13 7 0 9 3 4 6 10 2 8 5 14 12 11 15 1 13 6 4 9 8 15 3 0 11 1 2 12 5 10 14 7 1 10 13 0 6 9 8 7 4 15 14 3 11 5 2 12',
  '7 13 14 3 0 6 9 10 1 2 8 5 11 12 4 15 13 8 11 5 6 15 0 3 4 7 2 12 1 10 14 9 10 6 9 0 12 11 7 13 15 1 3 14 5 2 8 4 3 15 0 6 10 1 13 8 9 4 5 11 12 7 2 14',
  '2 12 4 1 7 10 11 6 8 5 3 15 13 0 14 9 14 11 2 12 4 7 13 1 5 0 15 10 3 9 8 6 4 2 1 11 10 13 7 8 15 9 12 5 6 3 0 14 11 8 12 7 1 14 2 13 6 15 0 9 10 4 5 3',
  '12 1 10 15 9 2 6 8 0 13 3 4 14 7 5 11 10 15 4 2 7 12 9 5 6 1 13 14 0 11 3 8 9 14 15 5 2 8 12 3 7 0 4 10 1 13 11 6 4 3 2 12 9 5 15 10 11 14 1 7 6 0 8 13',
  '4 11 2 14 15 0 8 13 3 12 9 7 5 10 6 1 13 0 11 7 4 9 1 10 14 3 5 12 2 15 8 6 1 4 11 13 12 3 7 14 10 15 6 8 0 5 9 2 6 11 13 8 1 4 10 7 9 5 0 15 14 2 3 12',
  '13 2 8 4 6 15 11 1 10 9 3 14 5 0 12 7 1 15 13 8 10 3 7 4 12 5 6 11 0 14 9 2 7 11 4 1 9 12 14 2 0 6 10 13 15 3 5 8 2 1 14 7 4 10 8 13 15 12 9 0 3 5 6 11',
].map((row) => row.split(' ').map(Number));

/** Bit `n` (1-based from the most significant) of a big-endian bit string held in bytes. */
function bit(bytes: ArrayLike<number>, n: number): number {
  return ((bytes[(n - 1) >> 3] ?? 0) >> (7 - ((n - 1) & 7))) & 1;
}

/** Apply a permutation table to a bit string, giving the result as bytes. */
function permute(table: number[], input: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(Math.ceil(table.length / 8));
  table.forEach((from, i) => (out[i >> 3]! |= bit(input, from) << (7 - (i & 7))));
  return out;
}

function wordOf(bytes: Uint8Array, at = 0): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * SP[i][x]: S-box i+1 on the six bits x (row from the outer bits, column from the inner four),
 * placed in its nibble of the 32-bit word and passed through P.
 */
const spTable = () =>
  S.map((box, i) =>
    Uint32Array.from({ length: 64 }, (_, x) => {
      const value = box[(((x >> 4) & 2) | (x & 1)) * 16 + ((x >> 1) & 15)]!;
      const word = value << (28 - 4 * i);
      return wordOf(permute(P, [word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255]));
    }),
  );

/**
 * A 64-bit permutation as byte lookups: for input byte `pos` holding `value`, the output's high
 * and low words are high[pos * 256 + value] and low[pos * 256 + value]; OR them over the 8 bytes.
 */
interface PermutationLookup {
  high: Uint32Array;
  low: Uint32Array;
}

function permutationLookup(table: number[]): PermutationLookup {
  const high = new Uint32Array(8 * 256);
  const low = new Uint32Array(8 * 256);
  for (let pos = 0; pos < 8; pos++) {
    for (let value = 0; value < 256; value++) {
      const input = new Uint8Array(8);
      input[pos] = value;
      const out = permute(table, input);
      high[pos * 256 + value] = wordOf(out, 0);
      low[pos * 256 + value] = wordOf(out, 4);
    }
  }
  return { high, low };
}
const FP = Array.from({ length: 64 }, (_, i) => IP.indexOf(i + 1) + 1);

/** The cipher's lookups: SP for the rounds, IP and FP for the initial and final permutations. */
interface DesLookups {
  sp: Uint32Array[];
  ip: PermutationLookup;
  fp: PermutationLookup;
}

let lookups: DesLookups | undefined;

/** Built on first use and kept: they are functions of the standard's tables alone. */
function desLookups(): DesLookups {
  return (lookups ??= { sp: spTable(), ip: permutationLookup(IP), fp: permutationLookup(FP) });
}

/** The sixteen 48-bit round keys, each as eight 6-bit S-box inputs. */
function roundKeys(key: Uint8Array): Uint8Array[] {
  const cd = permute(PC1, key); // 56 bits: C is bits 1–28, D bits 29–56
  let c = 0;
  let d = 0;
  for (let i = 1; i <= 28; i++) {
    c = (c << 1) | bit(cd, i);
    d = (d << 1) | bit(cd, 28 + i);
  }
  const keys: Uint8Array[] = [];
  for (const shift of SHIFTS) {
    c = ((c << shift) | (c >>> (28 - shift))) & 0xfffffff;
    d = ((d << shift) | (d >>> (28 - shift))) & 0xfffffff;
    const joined = Uint8Array.from({ length: 56 }, (_, i) => (i < 28 ? (c >>> (27 - i)) & 1 : (d >>> (55 - i)) & 1));
    const k = new Uint8Array(8);
    PC2.forEach((from, i) => (k[Math.floor(i / 6)]! |= joined[from - 1]! << (5 - (i % 6))));
    keys.push(k);
  }
  return keys;
}

/** The cipher function f(R, K) (FIPS 46-3 Fig. 2): E, XOR with the round key, S-boxes, P. */
function f(sp: Uint32Array[], r: number, k: Uint8Array): number {
  let out = 0;
  for (let i = 0; i < 8; i++) {
    // E takes bits 4i … 4i+5 (bit 0 being bit 32): rotate them to the top and keep six.
    const rotate = (4 * i + 31) % 32;
    const six = (((r << rotate) | (r >>> (32 - rotate))) >>> 26) & 63;
    out |= sp[i]![six ^ k[i]!]!;
  }
  return out;
}

function crypt({ sp, ip, fp }: DesLookups, keys: Uint8Array[], block: Uint8Array, decrypt: boolean): void {
  let l = 0;
  let r = 0;
  for (let pos = 0, at = 0; pos < 8; pos++, at += 256) {
    l |= ip.high[at + block[pos]!]!;
    r |= ip.low[at + block[pos]!]!;
  }
  for (let round = 0; round < 16; round++) {
    const next = l ^ f(sp, r, keys[decrypt ? 15 - round : round]!);
    l = r;
    r = next;
  }
  // The last round is not swapped: R16 L16 goes into FP.
  let high = 0;
  let low = 0;
  for (let pos = 0, at = 0; pos < 8; pos++, at += 256) {
    const byte = (pos < 4 ? r >>> (24 - 8 * pos) : l >>> (56 - 8 * pos)) & 255;
    high |= fp.high[at + byte]!;
    low |= fp.low[at + byte]!;
  }
  for (let i = 0; i < 4; i++) {
    block[i] = high >>> (24 - 8 * i);
    block[4 + i] = low >>> (24 - 8 * i);
  }
}

export class Des implements BlockCipher {
  readonly blockBytes = 8;
  private readonly keys: Uint8Array[];
  private readonly lookups = desLookups();

  /** `key`: 8 bytes; the parity bits are ignored, as every implementation does. */
  constructor(key: Uint8Array) {
    if (key.length !== 8) throw new RangeError('A DES key is 8 bytes.');
    this.keys = roundKeys(key);
  }

  encryptBlock(block: Uint8Array): void {
    crypt(this.lookups, this.keys, block, false);
  }

  decryptBlock(block: Uint8Array): void {
    crypt(this.lookups, this.keys, block, true);
  }
}

/**
 * TDEA, EDE form: C = E_K3(D_K2(E_K1(P))) (SP 800-67 §3.2). A 24-byte key is three keys
 * (keying option 1); a 16-byte key is K1, K2 with K3 = K1 (option 2, PKCS#12's "2-key 3DES").
 */
export class TripleDes implements BlockCipher {
  readonly blockBytes = 8;
  private readonly k1: Des;
  private readonly k2: Des;
  private readonly k3: Des;

  constructor(key: Uint8Array) {
    if (key.length !== 24 && key.length !== 16) throw new RangeError('A 3DES key is 16 or 24 bytes.');
    this.k1 = new Des(key.subarray(0, 8));
    this.k2 = new Des(key.subarray(8, 16));
    this.k3 = key.length === 24 ? new Des(key.subarray(16, 24)) : this.k1;
  }

  encryptBlock(block: Uint8Array): void {
    this.k1.encryptBlock(block);
    this.k2.decryptBlock(block);
    this.k3.encryptBlock(block);
  }

  decryptBlock(block: Uint8Array): void {
    this.k3.decryptBlock(block);
    this.k2.encryptBlock(block);
    this.k1.decryptBlock(block);
  }
}
