/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo) under a passphrase, with PBES2:
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, what `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes and
 * every TLS stack reads (`openssl pkey -passin`, Python's load_cert_chain(password=…), Node).
 */
import * as asn1js from 'asn1js';
import { PkiError } from './errors.ts';
import { defaultCrypto } from './crypto.ts';
import { pemDecodeAll, pemEncode } from './pem.ts';
import { traditionalToPkcs8, TRADITIONAL_LABELS } from './traditional-key.ts';
import { pbes2Encrypt, type Pbes2Options } from './pbes2.ts';
import { passwordForms } from './legacy/password-forms.ts';
import { decryptPbeDer } from './pbe-decrypt.ts';

export const ENCRYPTED_LABEL = 'ENCRYPTED PRIVATE KEY';
export const PLAIN_LABEL = 'PRIVATE KEY';

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new PkiError('invalid-argument', 'passphrase', 'A passphrase is required to encrypt or decrypt the key.');
  }
}

/** The DER of the first PEM block with one of `labels`, or the input itself when it is DER. */
function derOf(input: string | ArrayBuffer | Uint8Array, labels: string[]): { der: ArrayBuffer; label: string } {
  if (typeof input !== 'string') {
    const der = input instanceof Uint8Array ? new Uint8Array(input).buffer : input;
    return { der, label: '' };
  }
  const blocks = pemDecodeAll(input).blocks;
  const block = blocks.find((b) => labels.includes(b.label));
  if (block) return { der: block.der, label: block.label };
  // OpenSSL 1.x and `ecparam -genkey` write traditional keys: accept them wherever clear keys go.
  const traditional = labels.includes(PLAIN_LABEL)
    ? blocks.find((b) => TRADITIONAL_LABELS.includes(b.label))
    : undefined;
  if (traditional) return { der: traditionalToPkcs8(traditional), label: PLAIN_LABEL };
  throw new PkiError('invalid-key', 'key', `No ${labels.join(' or ')} block found.`);
}

/** Encrypt a PKCS#8 key (PEM "PRIVATE KEY" or DER) into an "ENCRYPTED PRIVATE KEY" PEM. */
export async function encryptPkcs8Pem(
  key: string | ArrayBuffer | Uint8Array,
  passphrase: string,
  opts: Pbes2Options = {},
  crypto: Crypto = defaultCrypto(),
): Promise<string> {
  checkPassphrase(passphrase);
  const { der } = derOf(key, [PLAIN_LABEL]);
  const { algorithmDer, ciphertext } = await pbes2Encrypt(der, passphrase, opts, crypto);
  const alg = asn1js.fromBER(algorithmDer).result;
  const info = new asn1js.Sequence({ value: [alg, new asn1js.OctetString({ valueHex: ciphertext })] });
  return pemEncode(ENCRYPTED_LABEL, info.toBER());
}

/**
 * Decrypt an EncryptedPrivateKeyInfo (PEM "ENCRYPTED PRIVATE KEY" or DER) to PKCS#8 DER.
 * A clear "PRIVATE KEY" PEM is returned as is, and a traditional "RSA PRIVATE KEY" / "EC PRIVATE
 * KEY" wrapped into PKCS#8, so callers can pass whatever the user has.
 */
export async function decryptPkcs8(
  input: string | ArrayBuffer | Uint8Array,
  passphrase: string,
  crypto: Crypto = defaultCrypto(),
): Promise<ArrayBuffer> {
  const { der, label } = derOf(input, [ENCRYPTED_LABEL, PLAIN_LABEL]);
  if (label === PLAIN_LABEL) return der;
  checkPassphrase(passphrase);
  const { result, offset } = asn1js.fromBER(der);
  const parts = result instanceof asn1js.Sequence ? result.valueBlock.value : [];
  const [alg, data] = parts;
  if (
    offset === -1 ||
    parts.length !== 2 ||
    !(alg instanceof asn1js.Sequence) ||
    !(data instanceof asn1js.OctetString)
  ) {
    throw new PkiError('invalid-key', 'key', 'This is not an encrypted PKCS#8 key (EncryptedPrivateKeyInfo).');
  }
  return (
    await decryptPbeDer(
      new Uint8Array(alg.toBER()),
      data.valueBlock.valueHexView,
      passwordForms(passphrase)[0]!,
      'key',
      crypto,
    )
  ).buffer;
}
