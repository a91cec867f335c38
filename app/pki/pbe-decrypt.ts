/**
 * Password-based decryption of whatever scheme an encrypted key or PKCS#12 part names: PBES2
 * (./pbes2.ts), PKCS#12 PBES1 (./legacy/pkcs12-pbe.ts) or PKCS#5 PBES1 (./legacy/pkcs5-pbes1.ts).
 * The one entry the readers use; anything else is refused by name (./legacy/unsupported-names.ts).
 */
import { defaultCrypto } from './crypto.ts';
import { PkiError } from './errors.ts';
import type { Deadline } from './legacy/pause.ts';
import type { PasswordForm } from './legacy/password-forms.ts';
import { parsePbeParams } from './legacy/pbe-params.ts';
import { PKCS12_PBE_SCHEMES, pkcs12PbeDecrypt } from './legacy/pkcs12-pbe.ts';
import { PKCS5_PBES1_SCHEMES, pbes1Decrypt } from './legacy/pkcs5-pbes1.ts';
import { unsupportedEncryption, type EncryptedThing } from './legacy/unsupported-names.ts';
import { isOneDerSequence, OID_PBES2, parseAlgorithm, pbes2Decrypt } from './pbes2.ts';

async function decrypt(
  algorithmDer: Uint8Array,
  ciphertext: Uint8Array,
  password: PasswordForm,
  thing: EncryptedThing,
  crypto: Crypto,
  deadline?: Deadline,
): Promise<Uint8Array | null> {
  const { oid, params } = parseAlgorithm(algorithmDer);
  if (oid === OID_PBES2)
    return new Uint8Array(await pbes2Decrypt(algorithmDer, ciphertext, password, crypto, deadline, thing));
  const pkcs12 = PKCS12_PBE_SCHEMES[oid];
  if (pkcs12) return pkcs12PbeDecrypt(pkcs12, parsePbeParams(params, pkcs12.name), ciphertext, password.bmp, deadline);
  const pbes1 = PKCS5_PBES1_SCHEMES[oid];
  if (pbes1) return pbes1Decrypt(pbes1, parsePbeParams(params, pbes1.name), ciphertext, password.bytes, deadline);
  throw unsupportedEncryption(oid, 'encryption scheme', thing);
}

/**
 * Decrypt to a plaintext that must be one DER SEQUENCE (a PrivateKeyInfo or a SafeContents).
 * Bad CBC padding, or a plaintext of any other shape (RC4 has no padding; a wrong key passes
 * the padding check about one time in 256), is a `wrong-password` error.
 */
export async function decryptPbeDer(
  algorithmDer: Uint8Array,
  ciphertext: Uint8Array,
  password: PasswordForm,
  thing: EncryptedThing,
  crypto: Crypto = defaultCrypto(),
  deadline?: Deadline,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await decrypt(algorithmDer, ciphertext, password, thing, crypto, deadline);
  if (!plain || !isOneDerSequence(plain)) {
    throw new PkiError('wrong-password', 'password', 'Wrong password: the data could not be decrypted with it.');
  }
  return plain.slice();
}
