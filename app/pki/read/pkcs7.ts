/**
 * PKCS#7 / CMS SignedData used as a certificate container (`.p7b`, `openssl crl2pkcs7`): the
 * certificates in `[0] certificates` and the CRLs in `[1] crls`. Signer infos are ignored, as
 * every certificates-only bundle has none.
 */
import { PkiError } from '../errors.ts';
import type { ContainerPart } from './pkcs12.ts';
import { childrenOf, isContext, isUniversal, TAG, tlvBytes, type Tlv } from '../asn1/tlv.ts';

/** Certificates and CRLs of a PKCS#7 SignedData whose root TLV is `root`. */
export function openPkcs7(buf: Uint8Array, root: Tlv): ContainerPart[] {
  const [, wrapper] = childrenOf(buf, root);
  const [signedData] = wrapper ? childrenOf(buf, wrapper) : [];
  if (!isUniversal(signedData, TAG.SEQUENCE))
    throw new PkiError('invalid-der', 'file', 'This PKCS#7 file is damaged: SignedData is missing.');
  const parts: ContainerPart[] = [];
  for (const field of childrenOf(buf, signedData)) {
    const shape = isContext(field, 0) ? 'certificate' : isContext(field, 1) ? 'crl' : undefined;
    if (!shape || !field.constructed) continue;
    for (const [i, entry] of childrenOf(buf, field).entries()) {
      // Attribute certificates and other CertificateChoices are context-tagged; plain ones are SEQUENCEs.
      if (isUniversal(entry, TAG.SEQUENCE))
        parts.push({ shape, der: tlvBytes(buf, entry), where: `${shape} ${i + 1}` });
    }
  }
  return parts;
}
