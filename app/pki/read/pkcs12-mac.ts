/**
 * PKCS#12 password integrity (RFC 7292): the MAC key comes from the PKCS#12 KDF (Appendix B.2,
 * ID 3) over the password as a NUL-terminated BMPString, then HMAC over the AuthenticatedSafe.
 * WebCrypto has no such KDF, so it is written here over `crypto.subtle.digest`.
 */
import { PkiError } from '../errors.ts';
import { defaultCrypto } from '../crypto.ts';
import { MAX_PKCS12_MAC_ITERATIONS } from './limits.ts';

/** Hash OID to WebCrypto name, digest size u and block size v (RFC 7292 B.2). */
const MAC_HASHES: Record<string, { name: string; u: number; v: number }> = {
  '1.3.14.3.2.26': { name: 'SHA-1', u: 20, v: 64 },
  '2.16.840.1.101.3.4.2.4': { name: 'SHA-224', u: 28, v: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', u: 32, v: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', u: 48, v: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', u: 64, v: 128 },
};

export interface Pkcs12Mac {
  hashOid: string;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

/** The password as BMPString bytes, big-endian, with the two-byte NUL terminator. */
export function bmpPassword(password: string, terminator = true): Uint8Array {
  const out = new Uint8Array(password.length * 2 + (terminator ? 2 : 0));
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

function repeatTo(src: Uint8Array, v: number): Uint8Array {
  if (src.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(v * Math.ceil(src.length / v));
  for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] ?? 0;
  return out;
}

/**
 * RFC 7292 B.2 for outputs of at most one hash block (n <= u), which is all the MAC needs:
 * A = H^r(D || S || P) with D = ID repeated v times.
 */
export async function pkcs12Kdf(
  hash: { name: string; u: number; v: number },
  id: number,
  passwordBmp: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  crypto: Crypto,
  deadline?: { expired: boolean },
): Promise<Uint8Array> {
  const s = repeatTo(salt, hash.v);
  const p = repeatTo(passwordBmp, hash.v);
  const input = new Uint8Array(hash.v + s.length + p.length);
  input.fill(id, 0, hash.v);
  input.set(s, hash.v);
  input.set(p, hash.v + s.length);
  let a = new Uint8Array(await crypto.subtle.digest(hash.name, input));
  for (let i = 1; i < iterations; i++) {
    // Each digest is a round trip to WebCrypto: a million take seconds, so honour the reader's deadline.
    if ((i & 1023) === 0 && deadline?.expired) throw new PkiError('input-too-large', 'file', 'Checking this PKCS#12 file\'s MAC was stopped: the time budget ran out.');
    a = new Uint8Array(await crypto.subtle.digest(hash.name, a));
  }
  return a;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Check the MAC of a PKCS#12 file with `password`. Throws 'wrong-password' when it does not
 * match and 'unsupported-encryption' for MAC hashes WebCrypto lacks.
 */
export async function verifyPkcs12Mac(
  authSafe: Uint8Array,
  mac: Pkcs12Mac,
  password: string,
  crypto: Crypto = defaultCrypto(),
  deadline?: { expired: boolean },
): Promise<void> {
  const hash = MAC_HASHES[mac.hashOid];
  if (!hash) {
    throw new PkiError('unsupported-encryption', 'password', `This PKCS#12 file's integrity MAC uses ${mac.hashOid}, which certbench cannot check; re-export it with \`openssl pkcs12 -in old.p12 -nodes | openssl pkcs12 -export -macalg sha256 -out new.p12\`.`);
  }
  if (!Number.isInteger(mac.iterations) || mac.iterations < 1 || mac.iterations > MAX_PKCS12_MAC_ITERATIONS) {
    throw new PkiError('invalid-argument', 'password', `This PKCS#12 file asks for ${mac.iterations} MAC iterations; certbench accepts 1 to ${MAX_PKCS12_MAC_ITERATIONS.toLocaleString('en')}.`);
  }
  // An empty password is written either as a lone terminator or as no bytes at all (RFC 7292 B.1).
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const pw of candidates) {
    const keyBytes = await pkcs12Kdf(hash, 3, pw, mac.salt, mac.iterations, crypto, deadline);
    const key = await crypto.subtle.importKey('raw', keyBytes.slice(), { name: 'HMAC', hash: hash.name }, false, ['sign']);
    const got = new Uint8Array(await crypto.subtle.sign('HMAC', key, authSafe.slice()));
    if (sameBytes(got, mac.digest)) return;
  }
  throw new PkiError(
    'wrong-password',
    'password',
    password === '' ? 'This PKCS#12 file is protected by a password: give the password to read it.' : 'Wrong password: the PKCS#12 integrity check (MAC) does not match it.',
  );
}
