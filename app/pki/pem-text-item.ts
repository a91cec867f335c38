/**
 * A fast-path batch item whose PEMs may still be ASCII bytes (pem-ascii.ts): `certPem`, `keyPem`
 * and `chainPem` read as strings, each decoded when first read, and a sender that passes the leaves
 * on to another thread takes the bytes instead (pemAsciiOfItem), so the worker never makes the
 * strings the page will make.
 *
 * Contract: the item reads as an ordinary object (its PEMs are enumerable own properties: a
 * structured clone, JSON or a spread gets the strings). Setting a PEM replaces it, and its bytes are
 * then no longer handed out: a key encrypted after issuing is never sent in the clear.
 */
import { asciiText } from './pem-ascii.ts';
import type { PemOut } from './leaf-maker.ts';

/** The PEMs of an item still held as ASCII bytes, by item (absent once set as text). */
interface AsciiPems {
  cert?: Uint8Array<ArrayBuffer>;
  key?: Uint8Array<ArrayBuffer>;
}
const asciiPems = new WeakMap<object, AsciiPems>();

/** The certificate's and key's PEM of `item` as ASCII bytes, each where the item still holds it so. */
export function pemAsciiOfItem(item: object): Readonly<AsciiPems> | undefined {
  return asciiPems.get(item);
}

export interface PemTextFields {
  certPem: string;
  keyPem: string;
  /** The certificate then the issuers above it. */
  chainPem: string;
}

/**
 * `rest` with the PEM fields of a leaf whose certificate and key PEMs are `cert` and `key`
 * (strings, or ASCII bytes read as strings when first read), its chain `intermediatesPem` after it.
 */
export function withPemText<R extends object>(
  cert: PemOut,
  key: PemOut,
  intermediatesPem: string,
  rest: R,
): PemTextFields & R {
  if (typeof cert === 'string' && typeof key === 'string')
    return { certPem: cert, keyPem: key, chainPem: cert + intermediatesPem, ...rest };
  const held: AsciiPems = {};
  let certText: string | undefined;
  let keyText: string | undefined;
  let chainText: string | undefined;
  if (typeof cert === 'string') certText = cert;
  else held.cert = cert;
  if (typeof key === 'string') keyText = key;
  else held.key = key;
  const item = {
    get certPem(): string {
      return (certText ??= asciiText(cert as Uint8Array));
    },
    set certPem(text: string) {
      certText = text;
      delete held.cert;
    },
    get keyPem(): string {
      return (keyText ??= asciiText(key as Uint8Array));
    },
    set keyPem(text: string) {
      keyText = text;
      delete held.key;
    },
    get chainPem(): string {
      return chainText ?? item.certPem + intermediatesPem;
    },
    set chainPem(text: string) {
      chainText = text;
    },
    ...rest,
  };
  asciiPems.set(item, held);
  return item;
}
