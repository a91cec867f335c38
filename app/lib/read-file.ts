/** Side effect: reading a file the user chose. */

/** The file as text (PEM, JSON) or bytes (DER, PKCS#12), decided by whether it decodes as UTF-8 text. */
export async function readFileSmart(file: File): Promise<string | Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Binary DER can decode as "text" by chance; NULs and control bytes give it away.
    return bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20)) ? bytes : text;
  } catch {
    return bytes;
  }
}
