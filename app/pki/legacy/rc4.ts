/**
 * RC4 (the "ARCFOUR" of RFC 6229's test vectors), only for reading PKCS#12 files encrypted with
 * PBE-SHA1-RC4-128 or -RC4-40 (RFC 7292 Appendix C). A stream cipher: decrypting is encrypting.
 */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  if (key.length < 1 || key.length > 256) throw new RangeError('An RC4 key is 1 to 256 bytes.');
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    const si = s[i]!;
    s[i] = s[j]!;
    s[j] = si;
    out[n] = data[n]! ^ s[(s[i]! + si) & 255]!;
  }
  return out;
}
