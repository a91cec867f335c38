/**
 * Punycode decoding (RFC 3492 §6.2) to show IDN A-labels ("xn--bcher-kva") as U-labels
 * ("bücher"). Browsers offer only the encoding direction (URL parsing), so decoding is here.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 22; // 0-9 -> 26-35
  if (c >= 65 && c <= 90) return c - 65; // A-Z
  if (c >= 97 && c <= 122) return c - 97; // a-z
  return BASE;
}

/** Decode the part after "xn--"; undefined when it is not valid punycode. */
export function punycodeDecode(input: string): string | undefined {
  const out: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined;
      const d = digit(input.charCodeAt(index++));
      if (d >= BASE) return undefined;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (w > 0x7fffffff || i > 0x7fffffff) return undefined;
    }
    bias = adapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** The U-label form of a DNS name, or undefined when no label is an A-label ("xn--"). */
export function toUnicodeHostname(name: string): string | undefined {
  const labels = name.split('.');
  if (!labels.some((l) => /^xn--/i.test(l))) return undefined;
  // An A-label must decode to something non-ASCII (RFC 5890 §2.3.2.1), else it is not one.
  const decoded = labels.map((l) => {
    if (!/^xn--/i.test(l)) return l;
    const u = punycodeDecode(l.slice(4).toLowerCase());
    return u && [...u].some((c) => c.charCodeAt(0) > 0x7f) ? u : undefined;
  });
  return decoded.every((l) => l !== undefined) ? decoded.join('.') : undefined;
}
