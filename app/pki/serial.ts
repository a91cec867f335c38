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
  const bytes = crypto.getRandomValues(new Uint8Array(SERIAL_BYTES));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes;
}

/** A fresh serial as lower-case hex (the form @peculiar/x509 takes). */
export function randomSerial(crypto: Crypto = defaultCrypto()): string {
  return Convert.ToHex(randomSerialBytes(crypto));
}
