/**
 * A CRL (RFC 5280 §5) located by the TLV reader: issuer, update times, revoked serials with
 * their dates and reasons, and the CRL extensions left raw for the inspector's registry.
 */
import { algorithmOf, extensionsOf, type AlgorithmRef, type RawExtension } from '../model/certificate.ts';
import { integerHex, timeOf, type TimeValue } from '../asn1/values.ts';
import { childrenOf, isContext, isUniversal, readWhole, smallIntOf, TAG, TlvError, type Tlv } from '../asn1/tlv.ts';
import { cachedModel } from '../model/cache.ts';

export interface RevokedEntry {
  serialHex: string;
  date: TimeValue;
  extensions: RawExtension[];
}

export interface CrlModel {
  version: number;
  signatureAlgorithm: AlgorithmRef;
  issuer: Uint8Array;
  thisUpdate: TimeValue;
  nextUpdate?: TimeValue;
  revoked: RevokedEntry[];
  extensions: RawExtension[];
}

function isTime(t: Tlv | undefined): boolean {
  return isUniversal(t, 23) || isUniversal(t, 24);
}

function build(buf: Uint8Array): CrlModel {
  const root = readWhole(buf);
  const [tbs, sigAlg, sig] = childrenOf(buf, root);
  if (!tbs || !isUniversal(sig, TAG.BIT_STRING)) throw new TlvError('not a signed CRL');
  const fields = childrenOf(buf, tbs);
  let i = 0;
  const version = isUniversal(fields[0], TAG.INTEGER) ? (smallIntOf(buf, fields[i++]) ?? 0) + 1 : 1;
  i++; // inner signature algorithm, which must repeat the outer one
  const issuer = fields[i++];
  if (!isUniversal(issuer, TAG.SEQUENCE)) throw new TlvError('the CRL issuer is missing');
  const thisUpdate = timeOf(buf, fields[i++]);
  const nextUpdate = isTime(fields[i]) ? timeOf(buf, fields[i++]) : undefined;
  const revoked: RevokedEntry[] = [];
  if (isUniversal(fields[i], TAG.SEQUENCE)) {
    for (const entry of childrenOf(buf, fields[i++] as Tlv)) {
      const [serial, date, exts] = childrenOf(buf, entry);
      revoked.push({
        serialHex: integerHex(buf, serial),
        date: timeOf(buf, date),
        extensions: exts ? extensionsOf(buf, exts) : [],
      });
    }
  }
  const extWrapper = fields.slice(i).find((t) => isContext(t, 0));
  const extSeq = extWrapper ? childrenOf(buf, extWrapper)[0] : undefined;
  return {
    version,
    signatureAlgorithm: algorithmOf(buf, sigAlg),
    issuer: buf.subarray(issuer.start, issuer.end),
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    revoked,
    extensions: extSeq ? extensionsOf(buf, extSeq) : [],
  };
}

/** The model of a CRL's DER, built once per buffer. Throws 'invalid-der' naming what is wrong. */
export const crlModel: (der: ArrayBuffer) => CrlModel = cachedModel(build, 'invalid-der', 'CRL');
