/**
 * One DER blob to items. The blob's shape is sniffed (sniff.ts), containers are opened
 * (PKCS#7, PKCS#12), keys are normalised to PKCS#8/SPKI (key-wrap.ts), and every leaf is parsed
 * once so a damaged one becomes an error item here rather than a crash later.
 */
import { Pkcs10CertificateRequest } from '@peculiar/x509';
import { PkiError } from '../errors.ts';
import { passwordForms } from '../legacy/password-forms.ts';
import { decryptPbeDer } from '../pbe-decrypt.ts';
import { pemEncode } from '../pem.ts';
import { publicKeyFromPrivate } from '../keys.ts';
import { MAX_ITEMS } from './limits.ts';
import {
  ecPrivateToPkcs8,
  namedCurveOf,
  rsaPrivateToPkcs8,
  rsaPublicToSpki,
  spkiFromPkcs8Structure,
} from './key-wrap.ts';
import { certificateModel } from '../model/certificate.ts';
import { crlModel } from './crl-model.ts';
import { toHex } from '../asn1/values.ts';
import { requestModel } from './request-model.ts';
import { parsePkcs8, parseSpki } from './parsed.ts';
import { openPkcs12, type ContainerPart } from './pkcs12.ts';
import { openPkcs7 } from './pkcs7.ts';
import { sniffDer, type DerShape } from './sniff.ts';
import { childrenOf, contentOf, TlvError, tlvBytes } from '../asn1/tlv.ts';
import { checkWellFormed } from '../asn1/well-formed.ts';
import { PEM_LABEL, type Item, type KeyFormat } from './types.ts';

/** What one input's blocks share while they are read in order. */
export interface DerContext {
  source: string;
  password: string | undefined;
  crypto: Crypto;
  /** Set by an `EC PARAMETERS` block, used by a following SEC1 key that omits its curve. */
  ecCurve?: string;
  /** The PEM label, only to accept OpenSSL's "TRUSTED CERTIFICATE" trailer. */
  pemLabel?: string;
  /** The block's text when it is already pemEncode's (PemBlock.pem): kept as the item's PEM, not encoded again. */
  pemText?: string;
  /** Set when the input's time budget ran out: stop starting new work. */
  deadline?: { expired: boolean };
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes.slice().buffer;
}

async function csrSignatureValid(der: ArrayBuffer, crypto: Crypto): Promise<boolean | null> {
  try {
    return await new Pkcs10CertificateRequest(der).verify(crypto);
  } catch {
    return null; // An algorithm this runtime cannot verify: unknown, not invalid.
  }
}

async function privateKeyItem(
  pkcs8: ArrayBuffer,
  format: KeyFormat,
  source: string,
  crypto: Crypto,
  knownSpki?: ArrayBuffer | null,
): Promise<Item> {
  parsePkcs8(pkcs8);
  let publicKeyDer = knownSpki ?? null;
  if (!publicKeyDer) {
    try {
      publicKeyDer = spkiFromPkcs8Structure(pkcs8) ?? (await publicKeyFromPrivate(pkcs8, crypto));
    } catch {
      publicKeyDer = null; // Unsupported key type (e.g. RSA-1024 in WebCrypto): still shown, just not matched.
    }
  }
  return {
    kind: 'private-key',
    source,
    der: pkcs8,
    pem: pemEncode(PEM_LABEL['private-key'], pkcs8),
    format,
    publicKeyDer,
  };
}

function publicKeyItem(spki: ArrayBuffer, format: KeyFormat, source: string): Item {
  parseSpki(spki);
  return { kind: 'public-key', source, der: spki, pem: pemEncode(PEM_LABEL['public-key'], spki), format };
}

/**
 * A certificate, CRL or CSR item. `known` is the input's own PEM text of exactly this DER under
 * this shape's label, when the caller has it (see pemOfBlock); it is what pemEncode would write.
 */
async function leafItem(
  shape: 'certificate' | 'crl' | 'csr',
  der: ArrayBuffer,
  source: string,
  crypto: Crypto,
  known?: string,
): Promise<Item> {
  const pem = known ?? pemEncode(PEM_LABEL[shape], der);
  if (shape === 'certificate') {
    certificateModel(der);
    // Both through WebCrypto. Our own SHA-1 (sha1.ts) was tried for the second (ac17d48) and cost
    // more in the calls a fresh worker makes first, before the JIT has optimised it: in a Chromium
    // profile of a worker's calls 3 to 13 on the CA bundle its compression was about 6% of the
    // worker's time, where the SHA-256 digest calls beside it were 2%.
    const [sha256, sha1] = await Promise.all([
      crypto.subtle.digest('SHA-256', der),
      crypto.subtle.digest('SHA-1', der),
    ]);
    const fingerprints = { sha256: toHex(new Uint8Array(sha256)), sha1: toHex(new Uint8Array(sha1)) };
    return { kind: 'certificate', source, der, pem, fingerprints };
  }
  if (shape === 'crl') {
    crlModel(der);
    return { kind: 'crl', source, der, pem };
  }
  requestModel(der);
  return { kind: 'csr', source, der, pem, signatureValid: await csrSignatureValid(der, crypto) };
}

/** The block's own text as the item's PEM: only when its DER is the whole block and its label the shape's own. */
function pemOfBlock(
  shape: 'certificate' | 'crl' | 'csr',
  bytes: Uint8Array,
  root: ReturnType<typeof sniffDer>['root'],
  ctx: DerContext,
): string | undefined {
  const whole = root.start === 0 && root.end === bytes.length;
  return whole && ctx.pemLabel === PEM_LABEL[shape] ? ctx.pemText : undefined;
}

async function containerItems(parts: ContainerPart[], ctx: DerContext, format: KeyFormat): Promise<Item[]> {
  const items: Item[] = [];
  for (const part of parts) {
    // The caller caps the total and reports it; reading past the cap or the deadline is waste.
    if (items.length > MAX_ITEMS || ctx.deadline?.expired) break;
    const source = `${ctx.source} ${part.where}`;
    try {
      if (part.shape === 'pkcs8') items.push(await privateKeyItem(buffer(part.der), format, source, ctx.crypto));
      else items.push(await leafItem(part.shape, buffer(part.der), source, ctx.crypto));
    } catch (e) {
      items.push(errorItem(source, e));
    }
  }
  return items;
}

const NOT_RECOGNISED =
  'is well-formed ASN.1 but not a certificate, CSR, CRL, key, PKCS#7 or PKCS#12 structure that certbench reads.';

async function shapeItems(
  shape: DerShape,
  bytes: Uint8Array,
  root: ReturnType<typeof sniffDer>['root'],
  ctx: DerContext,
): Promise<Item[]> {
  const { source, crypto } = ctx;
  const der = buffer(bytes.subarray(root.start, root.end));
  switch (shape) {
    case 'certificate':
    case 'crl':
    case 'csr':
      return [await leafItem(shape, der, source, crypto, pemOfBlock(shape, bytes, root, ctx))];
    case 'pkcs8':
      return [await privateKeyItem(der, 'pkcs8', source, crypto)];
    case 'encrypted-pkcs8': {
      if (ctx.password === undefined) {
        throw new PkiError(
          'wrong-password',
          'password',
          'This private key is encrypted: give its password to read it.',
        );
      }
      const [alg, data] = childrenOf(bytes, root);
      if (!alg || !data) throw new PkiError('invalid-der', 'file', 'This encrypted private key is damaged.');
      // PBKDF1 and PBKDF2 take the password's UTF-8 bytes: the first form (see password-forms.ts).
      const plain = await decryptPbeDer(
        tlvBytes(bytes, alg),
        contentOf(bytes, data).slice(),
        passwordForms(ctx.password)[0]!,
        'key',
        crypto,
        ctx.deadline,
      );
      return [await privateKeyItem(plain.buffer, 'encrypted-pkcs8', source, crypto)];
    }
    case 'pkcs1-private': {
      const { pkcs8, spki } = rsaPrivateToPkcs8(der);
      return [await privateKeyItem(pkcs8, 'pkcs1', source, crypto, spki)];
    }
    case 'sec1': {
      const { pkcs8, spki } = ecPrivateToPkcs8(der, ctx.ecCurve);
      return [await privateKeyItem(pkcs8, 'sec1', source, crypto, spki)];
    }
    case 'spki':
      return [publicKeyItem(der, 'spki', source)];
    case 'pkcs1-public':
      return [publicKeyItem(rsaPublicToSpki(der), 'pkcs1-public', source)];
    case 'pkcs7':
      return containerItems(openPkcs7(bytes, root), ctx, 'pkcs8');
    case 'pkcs12': {
      const { parts, errors } = await openPkcs12(bytes, root, ctx.password, crypto, ctx.deadline);
      const items = await containerItems(parts, ctx, 'pkcs12');
      // One message per distinct failure: a legacy file fails the same way in every bag.
      const seen = new Set<string>();
      for (const e of errors) {
        if (seen.has(e.message)) continue;
        seen.add(e.message);
        items.push(errorItem(source, e));
      }
      return items;
    }
    case 'ec-parameters': {
      ctx.ecCurve = namedCurveOf(der);
      return [];
    }
    case 'unknown':
      throw new PkiError('invalid-der', 'file', `This ${NOT_RECOGNISED}`);
  }
}

/** Items from one DER blob. Never throws: failures become error items naming `ctx.source`. */
export async function itemsFromDer(bytes: Uint8Array, ctx: DerContext): Promise<Item[]> {
  try {
    const { shape, root } = sniffDer(bytes, ctx.pemLabel === 'TRUSTED CERTIFICATE');
    checkWellFormed(bytes, root);
    return await shapeItems(shape, bytes, root, ctx);
  } catch (e) {
    return [errorItem(ctx.source, e)];
  }
}

/** Any thrown value as an error item with a sentence a user can act on. */
export function errorItem(source: string, e: unknown): Item {
  if (e instanceof PkiError) return { kind: 'error', source, code: e.code, message: e.message };
  if (e instanceof TlvError) {
    return {
      kind: 'error',
      source,
      code: 'invalid-der',
      message: `This is not valid DER (binary ASN.1): ${e.message}.`,
    };
  }
  const detail = (e instanceof Error ? e.message || e.name : String(e)) || 'no detail';
  return {
    kind: 'error',
    source,
    code: 'internal',
    message: `certbench could not read this (${detail}); please report it with the file if you can share it.`,
  };
}
