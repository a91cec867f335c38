/** Which family a PEM private key belongs to, read from its label and algorithm OID (no crypto). */
import { pemDecodeAll } from '../pki/light/index.ts';

export type KeyFamily = 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'ml-dsa' | 'encrypted' | 'unknown';

// DER encodings (tag, length, value) of the algorithm OIDs a PKCS#8 PrivateKeyInfo names.
const OID_DER: { family: KeyFamily; bytes: number[] }[] = [
  { family: 'rsa', bytes: [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01] }, // 1.2.840.113549.1.1.1
  { family: 'ec', bytes: [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01] }, // 1.2.840.10045.2.1
  { family: 'ed25519', bytes: [0x06, 0x03, 0x2b, 0x65, 0x70] }, // 1.3.101.112
  { family: 'ed448', bytes: [0x06, 0x03, 0x2b, 0x65, 0x71] }, // 1.3.101.113
  // id-ml-dsa-44/65/87, 2.16.840.1.101.3.4.3.17-19 (RFC 9881 §2)
  ...[0x11, 0x12, 0x13].map((last) => ({
    family: 'ml-dsa' as const,
    bytes: [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, last],
  })),
];

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The family of the first private key in `pem`; 'unknown' when there is none or it is unrecognised. */
export function keyFamily(pem: string): KeyFamily {
  const block = pemDecodeAll(pem).blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) return 'unknown';
  if (block.label === 'RSA PRIVATE KEY') return 'rsa';
  if (block.label === 'EC PRIVATE KEY') return 'ec';
  if (block.label === 'ENCRYPTED PRIVATE KEY' || block.headers['Proc-Type']) return 'encrypted';
  // PrivateKeyInfo: the algorithm identifier comes before the key, so the first OID found wins.
  const der = new Uint8Array(block.der);
  const hits = OID_DER.map((o) => ({ family: o.family, at: indexOf(der, o.bytes) })).filter((h) => h.at >= 0);
  hits.sort((a, b) => a.at - b.at);
  return hits[0]?.family ?? 'unknown';
}
