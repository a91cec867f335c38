/**
 * Parsing key DER into @peculiar/asn1-* structures, memoised per DER buffer: the reader
 * parses once to check an item, and the inspector reuses the result in the
 * same thread. A WeakMap keeps nothing alive that the items do not.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PkiError } from '../errors.ts';

function memo<T>(type: new () => T, what: string): (der: ArrayBuffer) => T {
  const cache = new WeakMap<ArrayBuffer, T>();
  return (der) => {
    const hit = cache.get(der);
    if (hit) return hit;
    let parsed: T;
    try {
      parsed = AsnConvert.parse(der, type);
    } catch (e) {
      const reason = e instanceof Error && e.message ? `: ${e.message.slice(0, 160)}` : '';
      throw new PkiError(
        'invalid-der',
        'file',
        `This ${what} is damaged; its structure does not follow the standard${reason}.`,
        { cause: e },
      );
    }
    cache.set(der, parsed);
    return parsed;
  };
}

export const parsePkcs8 = memo(PrivateKeyInfo, 'private key');
export const parseSpki = memo(SubjectPublicKeyInfo, 'public key');
