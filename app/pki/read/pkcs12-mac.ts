/**
 * PKCS#12 password integrity (RFC 7292): the MAC key comes from the PKCS#12 KDF (Appendix B.2,
 * ID 3, in ../pkcs12/kdf.ts) over the password as a NUL-terminated BMPString, then HMAC over the
 * AuthenticatedSafe.
 */
import { PkiError } from '../errors.ts';
import { defaultCrypto } from '../crypto.ts';
import { MAX_PKCS12_MAC_ITERATIONS } from './limits.ts';
import { PKCS12_KDF_ID, bmpPassword, pkcs12Kdf } from '../pkcs12/kdf.ts';

/** MAC hash OID to the WebCrypto digest name and its output size. */
const MAC_HASHES: Record<string, { name: string; u: number }> = {
  '1.3.14.3.2.26': { name: 'SHA-1', u: 20 },
  '2.16.840.1.101.3.4.2.4': { name: 'SHA-224', u: 28 },
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', u: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', u: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', u: 64 },
};

export interface Pkcs12Mac {
  hashOid: string;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
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
    const keyBytes = await pkcs12Kdf(
      { password: pw, salt: mac.salt, id: PKCS12_KDF_ID.macKey, iterations: mac.iterations, length: hash.u, hash: hash.name, deadline },
      crypto,
    );
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
