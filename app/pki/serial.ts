/**
 * Certificate serial numbers (RFC 5280 §4.1.2.2; CA/B Baseline Requirements §7.1): 16 random
 * bytes, positive and non-zero. The top bit is cleared so the DER INTEGER needs no 0x00 pad,
 * and the next bit set so the value is never shortened: every serial encodes in exactly 16
 * bytes with 126 random bits, which keeps certificates of a batch the same length.
 */
import { Convert } from 'pvtsutils';
import { defaultCrypto } from './crypto.ts';

export const SERIAL_BYTES = 16;

/** A fresh serial as 16 bytes. */
export function randomSerialBytes(crypto: Crypto = defaultCrypto()): Uint8Array<ArrayBuffer> {
  return asSerial(crypto.getRandomValues(new Uint8Array(SERIAL_BYTES)));
}

/** Serials per random draw: getRandomValues fills at most 65,536 bytes a call (WebCrypto §10.1.1). */
const SERIALS_PER_DRAW = 65_536 / SERIAL_BYTES;

/**
 * `count` fresh serials as randomSerialBytes makes them, from one random draw per 4,096 serials
 * instead of one per certificate (a batch's serials: each call into the random generator costs
 * about as much as writing a certificate's TBS). Each is a view of its draw's buffer.
 */
export function randomSerialsBytes(count: number, crypto: Crypto = defaultCrypto()): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (let start = 0; start < count; start += SERIALS_PER_DRAW) {
    const n = Math.min(SERIALS_PER_DRAW, count - start);
    const draw = crypto.getRandomValues(new Uint8Array(n * SERIAL_BYTES));
    for (let i = 0; i < n; i++) out.push(asSerial(draw.subarray(i * SERIAL_BYTES, (i + 1) * SERIAL_BYTES)));
  }
  return out;
}

/** Top bit cleared (positive, no pad), next bit set (never shortened): see the module comment. */
function asSerial(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes;
}

/** A fresh serial as lower-case hex (the form @peculiar/x509 takes). */
export function randomSerial(crypto: Crypto = defaultCrypto()): string {
  return Convert.ToHex(randomSerialBytes(crypto));
}
