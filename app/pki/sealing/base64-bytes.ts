/**
 * The key lock's stored base64 text back to bytes (PEM's strict base64, ../pem.ts; encodeBase64
 * writes it); text that is not base64 is an error naming the stored field.
 */
import { PkiError } from '../errors.ts';
import { decodeBase64 } from '../pem.ts';

export function base64Bytes(text: string, field: string): Uint8Array<ArrayBuffer> {
  const buffer = decodeBase64(text);
  if (!buffer) throw new PkiError('invalid-argument', field, `${field}: the key lock's stored value is not base64.`);
  return new Uint8Array(buffer);
}
