/**
 * Bytes as WebCrypto takes them, without a copy where none is needed: WebCrypto copies its input
 * itself (WebCrypto §14.2, "get a copy of the buffer source"), so a view of an ArrayBuffer is passed
 * as it is; only a view of a SharedArrayBuffer, which it refuses, is copied first.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}
