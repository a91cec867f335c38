/**
 * The key a CSR asks to have certified, named the way the Inspect view names keys ("EC P-256",
 * "RSA 2048 bits", "Ed25519"): the inspector's own describer over the request's
 * SubjectPublicKeyInfo, located by the TLV reader (microseconds, no X.509 library on the page).
 */
import { describePublicKey, publicKeyText } from '../../pki/inspect/public-key.ts';
import { pemDecodeAll } from '../../pki/pem.ts';
import { requestModel } from '../../pki/read/request-model.ts';

/** Undefined when the text holds no readable request (the worker's reader says why). */
export function requestKeyText(csrPem: string): string | undefined {
  const block = pemDecodeAll(csrPem).blocks.find((b) => b.label === 'CERTIFICATE REQUEST' || b.label === 'NEW CERTIFICATE REQUEST');
  if (!block) return undefined;
  try {
    return publicKeyText(describePublicKey(requestModel(block.der).spki));
  } catch {
    return undefined;
  }
}
