/**
 * PKCS#12 password integrity (RFC 7292): the MAC key comes from the PKCS#12 KDF (Appendix B.2,
 * ID 3, in ../pkcs12/kdf.ts) over the password as a NUL-terminated BMPString, then HMAC over the
 * AuthenticatedSafe. The HMAC runs on ../legacy's synchronous hashes, so SHA-224 and SHA-512/t
 * MACs (`openssl pkcs12 -macalg sha512-256`) check too; WebCrypto has neither.
 */
import { PkiError } from '../errors.ts';
import type { HashName } from '../legacy/hashes.ts';
import { Hmac } from '../legacy/hmac.ts';
import { checkIterations } from '../legacy/iteration-limit.ts';
import type { Deadline } from '../legacy/pause.ts';
import { passwordForms, type PasswordForm } from '../legacy/password-forms.ts';
import { unsupportedEncryption } from '../legacy/unsupported-names.ts';
import { PKCS12_KDF_ID, pkcs12Kdf } from '../pkcs12/kdf.ts';

/** MAC digest OIDs (RFC 7292 §4, NIST CSOR) to hash names. */
const MAC_HASHES: Record<string, HashName> = {
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '2.16.840.1.101.3.4.2.5': 'SHA-512/224',
  '2.16.840.1.101.3.4.2.6': 'SHA-512/256',
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
 * Check the MAC of a PKCS#12 file with each byte form of `password` (../legacy/password-forms.ts:
 * as typed, then as OpenSSL 1.0.2 wrote non-ASCII passwords; for an empty password, a lone
 * terminator and no bytes), and return the form that matched. Throws 'wrong-password' when none
 * does, 'unsupported-encryption' naming a MAC hash certbench lacks, and 'input-too-large' for an
 * iteration count above the limit.
 */
export async function verifyPkcs12Mac(
  authSafe: Uint8Array,
  mac: Pkcs12Mac,
  password: string,
  _crypto?: Crypto,
  deadline?: Deadline,
): Promise<PasswordForm> {
  const hash = MAC_HASHES[mac.hashOid];
  if (!hash) throw unsupportedEncryption(mac.hashOid, 'hash', 'pkcs12');
  checkIterations(mac.iterations, 'MAC');
  for (const form of passwordForms(password)) {
    const key = await pkcs12Kdf({
      password: form.bmp,
      salt: mac.salt,
      id: PKCS12_KDF_ID.macKey,
      iterations: mac.iterations,
      length: new Hmac(hash, new Uint8Array(0)).outBytes,
      hash,
      deadline,
      purpose: 'the MAC key',
    });
    if (sameBytes(new Hmac(hash, key).mac(authSafe), mac.digest)) return form;
  }
  throw new PkiError(
    'wrong-password',
    'password',
    password === ''
      ? 'This PKCS#12 file is protected by a password: give the password to read it.'
      : 'Wrong password: the PKCS#12 integrity check (MAC) does not match it.',
  );
}
