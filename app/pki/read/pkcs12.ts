/**
 * PKCS#12 (RFC 7292) in password-integrity and password-privacy mode: check the MAC, decrypt
 * encrypted safes and shrouded key bags (PBES2, and the PKCS#12 and PKCS#5 PBES1 schemes of
 * older writers, see ../pbe-decrypt.ts), and hand back the certificates, CRLs and PKCS#8 keys
 * inside. Walked with the TLV reader so BER indefinite-length files (Windows, Java) open too.
 *
 * The password is tried in each byte form real writers used (../legacy/password-forms.ts); the
 * form the MAC accepted is tried first for the contents. When the MAC accepts the password but a
 * part does not decrypt with it, the file was made with two passwords, and the error says which part.
 */
import { PkiError } from '../errors.ts';
import { defaultCrypto } from '../crypto.ts';
import type { Deadline } from '../legacy/pause.ts';
import { passwordForms, type PasswordForm } from '../legacy/password-forms.ts';
import { decryptPbeDer } from '../pbe-decrypt.ts';
import { stringOf } from '../asn1/values.ts';
import { verifyPkcs12Mac, type Pkcs12Mac } from './pkcs12-mac.ts';
import {
  childrenOf,
  contentOf,
  isContext,
  isUniversal,
  oidOf,
  readWhole,
  smallIntOf,
  TAG,
  TlvError,
  tlvBytes,
  type Tlv,
} from '../asn1/tlv.ts';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
/** RFC 7292 §4.1: the public-key privacy mode's content type. */
const OID_ENVELOPED_DATA = '1.2.840.113549.1.7.3';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};
const OID_X509_CERT = '1.2.840.113549.1.9.22.1';
const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20';

/** Something found inside a container, before it becomes an item. */
export interface ContainerPart {
  shape: 'certificate' | 'crl' | 'pkcs8';
  der: Uint8Array<ArrayBuffer>;
  /** Where inside the container, e.g. "bag 2". */
  where: string;
}

export interface ContainerResult {
  parts: ContainerPart[];
  /** Parts that could not be opened; the rest of the container is still returned. */
  errors: PkiError[];
}

function bad(what: string): PkiError {
  return new PkiError('invalid-der', 'file', `This PKCS#12 file is damaged: ${what}.`);
}

/** [0] EXPLICIT wrapper's single child. */
function explicit(buf: Uint8Array, t: Tlv | undefined, what: string): Tlv {
  if (!isContext(t, 0) || !t.constructed) throw bad(`${what} is missing`);
  const [inner] = childrenOf(buf, t);
  if (!inner) throw bad(`${what} is empty`);
  return inner;
}

/** The friendlyName bag attribute (PKCS#9), which keytool and Windows use as the entry's alias. */
function friendlyName(buf: Uint8Array, attributes: Tlv): string | undefined {
  try {
    for (const attr of childrenOf(buf, attributes)) {
      const [type, values] = childrenOf(buf, attr);
      if (type && values && oidOf(buf, type) === OID_FRIENDLY_NAME)
        return stringOf(buf, childrenOf(buf, values)[0])?.slice(0, 64);
    }
  } catch {
    // A damaged attribute only costs the alias.
  }
  return undefined;
}

function parseMac(buf: Uint8Array, t: Tlv): Pkcs12Mac {
  const [digestInfo, salt, iterations] = childrenOf(buf, t);
  if (!digestInfo || !isUniversal(salt, TAG.OCTET_STRING)) throw bad('the MAC data is malformed');
  const [alg, digest] = childrenOf(buf, digestInfo);
  const [algOid] = alg ? childrenOf(buf, alg) : [];
  if (!algOid || !isUniversal(digest, TAG.OCTET_STRING)) throw bad('the MAC digest is malformed');
  const count = iterations ? smallIntOf(buf, iterations) : 1;
  if (count === undefined) throw bad('the MAC iteration count is not a small positive integer');
  return { hashOid: oidOf(buf, algOid), digest: contentOf(buf, digest), salt: contentOf(buf, salt), iterations: count };
}

class Walker {
  readonly parts: ContainerPart[] = [];
  readonly errors: PkiError[] = [];
  private bagCount = 0;
  constructor(
    /** Byte forms of the password, the one the MAC accepted first. */
    private readonly forms: PasswordForm[],
    /** True when a MAC was present and accepted the password. */
    private readonly macChecked: boolean,
    private readonly crypto: Crypto,
    private readonly deadline: Deadline | undefined,
  ) {}

  /** Decrypt one encrypted part with each password form in turn; `part` names it for the two-password message. */
  private async decrypt(alg: Uint8Array, data: Uint8Array, part: string): Promise<Uint8Array<ArrayBuffer>> {
    let wrong: unknown;
    for (const form of this.forms) {
      try {
        return await decryptPbeDer(alg, data, form, 'pkcs12', this.crypto, this.deadline);
      } catch (e) {
        if (!(e instanceof PkiError) || e.code !== 'wrong-password') throw e;
        wrong = e;
      }
    }
    if (this.macChecked) {
      throw new PkiError(
        'wrong-password',
        'password',
        `The password opens this PKCS#12 file's integrity check (MAC) but not ${part}: the file was made with two passwords (\`openssl pkcs12 -twopass\`). certbench takes one; re-export it with one password: \`openssl pkcs12 -twopass -in old.p12 -nodes -out all.pem\` then \`openssl pkcs12 -export -in all.pem -out new.p12\`.`,
        { cause: wrong },
      );
    }
    throw new PkiError('wrong-password', 'password', `Wrong password: ${part} could not be decrypted with it.`, {
      cause: wrong,
    });
  }

  private note(e: unknown): void {
    if (e instanceof PkiError) this.errors.push(e);
    else if (e instanceof TlvError) this.errors.push(bad(e.message));
    else throw e;
  }

  async contentInfo(buf: Uint8Array, ci: Tlv, index: number): Promise<void> {
    try {
      const [typeTlv, content] = childrenOf(buf, ci);
      if (!typeTlv) throw bad('a content block has no type');
      const type = oidOf(buf, typeTlv);
      if (type === OID_DATA) {
        const octets = explicit(buf, content, 'safe contents');
        await this.safeContents(contentOf(buf, octets), 0);
      } else if (type === OID_ENCRYPTED_DATA) {
        const encryptedData = explicit(buf, content, 'encrypted data');
        const [, eci] = childrenOf(buf, encryptedData);
        if (!eci) throw bad('encrypted content info is missing');
        const [, alg, data] = childrenOf(buf, eci);
        if (!alg || !isContext(data, 0)) throw bad(`content block ${index + 1} has no encrypted content`);
        const plain = await this.decrypt(
          tlvBytes(buf, alg),
          contentOf(buf, data).slice(),
          `the encrypted certificates (content block ${index + 1})`,
        );
        await this.safeContents(plain, 0);
      } else {
        const what =
          type === OID_ENVELOPED_DATA
            ? 'public-key encryption (PKCS#7 enveloped data)'
            : `a content type certbench does not know (OID ${type})`;
        throw new PkiError(
          'unsupported-encryption',
          'file',
          `This PKCS#12 file protects content block ${index + 1} with ${what}; certbench reads password-protected files only.`,
        );
      }
    } catch (e) {
      this.note(e);
    }
  }

  private async safeContents(bytes: Uint8Array, depth: number): Promise<void> {
    if (depth > 3) throw bad('safe contents are nested too deeply');
    const root = readWhole(bytes);
    for (const bag of childrenOf(bytes, root)) {
      try {
        await this.safeBag(bytes, bag, depth);
      } catch (e) {
        this.note(e);
      }
    }
  }

  private async safeBag(buf: Uint8Array, bag: Tlv, depth: number): Promise<void> {
    const [idTlv, valueWrap, attributes] = childrenOf(buf, bag);
    const alias = attributes ? friendlyName(buf, attributes) : undefined;
    const where = `bag ${++this.bagCount}${alias ? ` "${alias}"` : ''}`;
    if (!idTlv) throw bad(`${where} has no type`);
    const id = oidOf(buf, idTlv);
    const value = explicit(buf, valueWrap, `${where}'s value`);
    if (id === BAG.key) this.parts.push({ shape: 'pkcs8', der: tlvBytes(buf, value), where });
    else if (id === BAG.shroudedKey) {
      const [alg, data] = childrenOf(buf, value);
      if (!alg || !isUniversal(data, TAG.OCTET_STRING)) throw bad(`${where}'s encrypted key is malformed`);
      const plain = await this.decrypt(tlvBytes(buf, alg), contentOf(buf, data).slice(), `the private key in ${where}`);
      this.parts.push({ shape: 'pkcs8', der: plain, where });
    } else if (id === BAG.cert || id === BAG.crl) {
      const [typeTlv, inner] = childrenOf(buf, value);
      if (id === BAG.cert && typeTlv && oidOf(buf, typeTlv) !== OID_X509_CERT) return; // SDSI certificates: nothing to show.
      const octets = explicit(buf, inner, `${where}'s content`);
      this.parts.push({ shape: id === BAG.cert ? 'certificate' : 'crl', der: contentOf(buf, octets).slice(), where });
    } else if (id === BAG.safeContents) {
      await this.safeContents(tlvBytes(buf, value), depth + 1);
    }
    // Secret bags and unknown bag types carry nothing certbench shows.
  }
}

/** Open a PKCS#12 file whose root TLV is `root`. Throws only when nothing at all can be read. */
export async function openPkcs12(
  buf: Uint8Array,
  root: Tlv,
  password: string | undefined,
  crypto: Crypto = defaultCrypto(),
  deadline?: Deadline,
): Promise<ContainerResult> {
  const [, authSafe, macTlv] = childrenOf(buf, root);
  if (!authSafe) throw bad('the content is missing');
  const [typeTlv, content] = childrenOf(buf, authSafe);
  if (!typeTlv) throw bad('the content type is missing');
  if (oidOf(buf, typeTlv) !== OID_DATA) {
    throw new PkiError(
      'unsupported-encryption',
      'file',
      'This PKCS#12 file uses public-key integrity mode; certbench reads password-protected files only.',
    );
  }
  const authSafeBytes = contentOf(buf, explicit(buf, content, 'the authenticated safe'));
  let forms = passwordForms(password ?? '');
  if (macTlv) {
    const accepted = await verifyPkcs12Mac(authSafeBytes, parseMac(buf, macTlv), password ?? '', crypto, deadline);
    forms = [accepted, ...forms.filter((f) => f !== accepted)];
  }
  const walker = new Walker(forms, macTlv !== undefined, crypto, deadline);
  const safes = readWhole(authSafeBytes);
  const infos = childrenOf(authSafeBytes, safes);
  for (const [i, ci] of infos.entries()) await walker.contentInfo(authSafeBytes, ci, i);
  return { parts: walker.parts, errors: walker.errors };
}
