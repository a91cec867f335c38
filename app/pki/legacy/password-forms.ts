/**
 * The byte forms one typed password takes in the files real writers made. PKCS#12's own KDF
 * takes the password as a NUL-terminated BMPString (RFC 7292 B.1); PBKDF1/PBKDF2 take bytes,
 * which OpenSSL and Java make with UTF-8. Two writers bent this, and OpenSSL 3 tries both:
 *
 * - OpenSSL ≤ 1.0.2 turned each UTF-8 byte into one BMP code unit (OPENSSL_asc2uni on the
 *   UTF-8 bytes). OpenSSL 3's `pkcs12` retries a failing MAC check with that form and warns
 *   "Warning: using broken algorithm" (apps/pkcs12.c, the OPENSSL_uni2utf8(OPENSSL_asc2uni(…))
 *   fallback), then decrypts the contents with it too.
 * - An empty password is a lone terminator (00 00) to some writers and no bytes at all to
 *   others (OpenSSL's PKCS12_verify_mac(p12, NULL, 0) vs ""), RFC 7292 B.1 allowing either.
 */
import { bmpPassword } from '../pkcs12/kdf.ts';

export interface PasswordForm {
  /** For messages: how this form was made. */
  label: string;
  /** The BMPString with its two-byte terminator, or no bytes at all, for the PKCS#12 KDF. */
  bmp: Uint8Array;
  /** The bytes PBKDF1 and PBKDF2 take. */
  bytes: Uint8Array;
}

/** The forms to try for `password`, the standard one first. */
export function passwordForms(password: string): PasswordForm[] {
  const utf8 = new TextEncoder().encode(password);
  const standard: PasswordForm = { label: 'as typed', bmp: bmpPassword(password), bytes: utf8 };
  if (password === '') return [standard, { label: 'as no bytes at all', bmp: new Uint8Array(0), bytes: utf8 }];
  if (utf8.length === password.length) return [standard];
  // OpenSSL 1.0.2: every UTF-8 byte read as a Latin-1 character.
  const latin1 = String.fromCharCode(...utf8);
  return [
    standard,
    {
      label: 'as OpenSSL 1.0.2 encoded it (UTF-8 bytes taken as Latin-1)',
      bmp: bmpPassword(latin1),
      bytes: new TextEncoder().encode(latin1),
    },
  ];
}
