/** What a PKCS#12 keystore holding an ML-DSA key cannot be opened with, said when it is written. */
import type { Finding } from '../findings.ts';
import { parseMlDsaPkcs8 } from './encodings.ts';
import { mlDsaMinimum } from './support.ts';

/** A warning for an ML-DSA key: Java 17's keytool and JSSE cannot load it, nor can python cryptography's PKCS#12. */
export function mlDsaKeystoreFindings(pkcs8Der: Uint8Array): Finding[] {
  let name: string | undefined;
  try {
    name = parseMlDsaPkcs8(pkcs8Der)?.params.name;
  } catch {
    name = undefined;
  }
  if (!name) return [];
  return [
    {
      code: 'keystore-ml-dsa',
      severity: 'warning',
      message: `This keystore holds an ${name} key: Java 17's keytool and JSSE cannot load it (${mlDsaMinimum('java')} can), and python cryptography's PKCS#12 reader has no ML-DSA. OpenSSL ≥ 3.5 opens it.`,
    },
  ];
}
