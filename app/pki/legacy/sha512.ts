/**
 * SHA-512 and its truncations SHA-384, SHA-512/256 and SHA-512/224 (FIPS 180-4 §6.4–6.7), in
 * 32-bit halves (JS has no fast 64-bit integers). WebCrypto lacks SHA-512/t, which PBES2 PRFs
 * (hmacWithSHA512-224/-256) and PKCS#12 MACs (`openssl pkcs12 -macalg sha512-256`) use.
 */
import { MdHasher, wordBE } from './md-hasher.ts';

export type Sha512Variant = 512 | 384 | '512/256' | '512/224';

/** 64-bit constants as [high, low] pairs from hex strings, to keep the tables readable. */
function pairs(hex: string): Int32Array {
  const words = hex.trim().split(/\s+/);
  const out = new Int32Array(words.length * 2);
  words.forEach((word, i) => {
    out[i * 2] = parseInt(word.slice(0, 8), 16);
    out[i * 2 + 1] = parseInt(word.slice(8), 16);
  });
  return out;
}

/** §5.3.5 and §5.3.4. */
const INITIAL_512 = pairs(
  '6a09e667f3bcc908 bb67ae8584caa73b 3c6ef372fe94f82b a54ff53a5f1d36f1 510e527fade682d1 9b05688c2b3e6c1f 1f83d9abfb41bd6b 5be0cd19137e2179',
);
const INITIAL_384 = pairs(
  'cbbb9d5dc1059ed8 629a292a367cd507 9159015a3070dd17 152fecd8f70e5939 67332667ffc00b31 8eb44a8768581511 db0c2e0d64f98fa7 47b5481dbefa4fa4',
);

/** §4.2.3: the first 64 bits of the fractional parts of the cube roots of the first 80 primes, computed exactly with BigInt. */
const K = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  const out = new Int32Array(160);
  primes.forEach((p, i) => {
    const target = BigInt(p) << 192n; // cbrt(p · 2^192) = cbrt(p) · 2^64
    let root = BigInt(Math.floor(Math.cbrt(p) * 2 ** 20)) << 44n;
    for (;;) {
      const next = (2n * root + target / (root * root)) / 3n;
      if (next >= root - 1n && next <= root + 1n) {
        root = next;
        break;
      }
      root = next;
    }
    while (root * root * root > target) root -= 1n;
    while ((root + 1n) ** 3n <= target) root += 1n;
    const fraction = root & 0xffffffffffffffffn;
    out[i * 2] = Number(fraction >> 32n) | 0;
    out[i * 2 + 1] = Number(fraction & 0xffffffffn) | 0;
  });
  return out;
})();

const w = new Int32Array(160);
const OUT_BYTES: Record<Sha512Variant, number> = { 512: 64, 384: 48, '512/256': 32, '512/224': 28 };
const initials = new Map<Sha512Variant, Int32Array>([
  [512, INITIAL_512],
  [384, INITIAL_384],
]);

export class Sha512 extends MdHasher {
  constructor(readonly variant: Sha512Variant = 512) {
    super(128, OUT_BYTES[variant], Sha512.initialFor(variant), true);
  }

  protected fresh(): this {
    return new Sha512(this.variant) as this;
  }

  /**
   * §5.3.6: SHA-512/t's initial value is SHA-512, started from its own initial value XOR
   * a5a5…a5, over the ASCII text "SHA-512/t". Computed once per t instead of copied from a table.
   */
  private static initialFor(variant: Sha512Variant): Int32Array {
    const known = initials.get(variant);
    if (known) return known;
    const generator = new Sha512(512);
    generator.state.forEach((v, i) => (generator.state[i] = v ^ 0xa5a5a5a5));
    const digest = generator.update(new TextEncoder().encode(`SHA-${variant}`)).digest();
    const iv = Int32Array.from({ length: 16 }, (_, i) => wordBE(digest, i * 4));
    initials.set(variant, iv);
    return iv;
  }

  protected compressWords(block: Int32Array): void {
    w.set(block);
    for (let i = 32; i < 160; i += 2) {
      // σ0(w[t-15]) = ROTR1 ^ ROTR8 ^ SHR7; σ1(w[t-2]) = ROTR19 ^ ROTR61 ^ SHR6.
      const xh = w[i - 30]!;
      const xl = w[i - 29]!;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = w[i - 4]!;
      const yl = w[i - 3]!;
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      // + w[t-7] + w[t-16], each a (high, low) pair at 2t-14 and 2t-32.
      const low = (s0l >>> 0) + (s1l >>> 0) + (w[i - 13]! >>> 0) + (w[i - 31]! >>> 0);
      w[i] = (s0h + s1h + w[i - 14]! + w[i - 32]! + ((low / 0x100000000) | 0)) | 0;
      w[i + 1] = low | 0;
    }
    const s = this.state;
    let ah = s[0]!,
      al = s[1]!,
      bh = s[2]!,
      bl = s[3]!,
      ch = s[4]!,
      cl = s[5]!,
      dh = s[6]!,
      dl = s[7]!;
    let eh = s[8]!,
      el = s[9]!,
      fh = s[10]!,
      fl = s[11]!,
      gh = s[12]!,
      gl = s[13]!,
      hh = s[14]!,
      hl = s[15]!;
    for (let i = 0; i < 160; i += 2) {
      // Σ1(e) = ROTR14 ^ ROTR18 ^ ROTR41; Ch(e, f, g).
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1low = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[i + 1]! >>> 0) + (w[i + 1]! >>> 0);
      const t1h = (hh + S1h + chh + K[i]! + w[i]! + ((t1low / 0x100000000) | 0)) | 0;
      const t1l = t1low | 0;
      // Σ0(a) = ROTR28 ^ ROTR34 ^ ROTR39; Maj(a, b, c).
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2low = (S0l >>> 0) + (majl >>> 0);
      const t2h = (S0h + majh + ((t2low / 0x100000000) | 0)) | 0;
      const t2l = t2low | 0;
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      const elow = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + ((elow / 0x100000000) | 0)) | 0;
      el = elow | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      const alow = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + ((alow / 0x100000000) | 0)) | 0;
      al = alow | 0;
    }
    add(s, 0, ah, al);
    add(s, 2, bh, bl);
    add(s, 4, ch, cl);
    add(s, 6, dh, dl);
    add(s, 8, eh, el);
    add(s, 10, fh, fl);
    add(s, 12, gh, gl);
    add(s, 14, hh, hl);
  }
}

function add(s: Int32Array, at: number, high: number, low: number): void {
  const sum = (s[at + 1]! >>> 0) + (low >>> 0);
  s[at] = (s[at]! + high + ((sum / 0x100000000) | 0)) | 0;
  s[at + 1] = sum | 0;
}
