/**
 * One memoised DER → model reader per structure (certificate, CSR, CRL): models are built once
 * per ArrayBuffer (the explainer, the summary and the linter all ask for the same one), and a
 * TLV error becomes a PkiError that names what is damaged.
 */
import { PkiError, type PkiErrorCode } from '../errors.ts';
import { TlvError } from '../asn1/tlv.ts';

export function cachedModel<M>(
  build: (buf: Uint8Array) => M,
  code: PkiErrorCode,
  what: string,
): (der: ArrayBuffer) => M {
  const cache = new WeakMap<ArrayBuffer, M>();
  return (der) => {
    const hit = cache.get(der);
    if (hit) return hit;
    try {
      const model = build(new Uint8Array(der));
      cache.set(der, model);
      return model;
    } catch (e) {
      if (e instanceof TlvError)
        throw new PkiError(code, 'file', `This ${what} is damaged: ${e.message}.`, { cause: e });
      throw e;
    }
  };
}
