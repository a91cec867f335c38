/**
 * Byte strings as Map keys: one UTF-16 code unit per byte, so equal keys mean equal bytes.
 * The WHATWG "latin1" decoder is windows-1252, which still gives each of the 256 byte values
 * its own code point; it builds the string natively, where hex (two characters a byte, built
 * in JavaScript) costs several times the time and about fifty times the garbage.
 */
const decoder = new TextDecoder('latin1');

export function bytesKey(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
