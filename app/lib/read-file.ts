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

/** DER bytes as a PEM block (so a dropped binary .csr or .der can be shown and pasted like text). */
export function derToPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < der.length; i += 0x8000) binary += String.fromCharCode(...der.subarray(i, i + 0x8000));
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
