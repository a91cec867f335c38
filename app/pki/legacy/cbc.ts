/**
 * CBC mode with PKCS#5/#7 padding (RFC 8018 §6.1.1 step 4, §6.2.1) over a 64-bit block cipher.
 * Decrypting reports bad padding as `null`, which callers turn into "wrong password": it is the
 * only sign a wrong key gives. Encrypting exists for the round-trip tests.
 */
import type { BlockCipher } from './block-cipher.ts';

export function cbcDecrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const size = cipher.blockBytes;
  if (iv.length !== size) throw new RangeError(`The CBC IV must be ${size} bytes.`);
  if (data.length === 0 || data.length % size !== 0) return null;
  const out = new Uint8Array(data);
  let previous = iv;
  for (let at = 0; at < out.length; at += size) {
    const block = out.subarray(at, at + size);
    const ciphertext = data.subarray(at, at + size);
    cipher.decryptBlock(block);
    for (let i = 0; i < size; i++) block[i]! ^= previous[i]!;
    previous = ciphertext;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > size) return null;
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) return null;
  return out.slice(0, out.length - pad);
}

export function cbcEncrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const size = cipher.blockBytes;
  if (iv.length !== size) throw new RangeError(`The CBC IV must be ${size} bytes.`);
  const pad = size - (data.length % size);
  const out = new Uint8Array(data.length + pad);
  out.set(data);
  out.fill(pad, data.length);
  let previous: Uint8Array = iv;
  for (let at = 0; at < out.length; at += size) {
    const block = out.subarray(at, at + size);
    for (let i = 0; i < size; i++) block[i]! ^= previous[i]!;
    cipher.encryptBlock(block);
    previous = block;
  }
  return out;
}
