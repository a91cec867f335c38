/**
 * Node's own crypto as the batch fast path's engine (leaf-template.ts LeafEngine), for the CLI.
 * Node's WebCrypto wraps every call in promise jobs, KeyObject/CryptoKey objects and a libuv
 * pool hop: measured (npm run bench), its generate + export + sign cost several times the
 * OpenSSL work under them. Here a P-256/P-384/P-521 key is an ECDH key pair (OpenSSL's
 * EC_KEY_generate_key, synchronous, in one ECDH object for the whole batch), written into the
 * PKCS#8 and SPKI that OpenSSL itself exported for a key of the same curve (the key bytes
 * replaced at their offsets); its key identifier is Node's SHA-1 of the point, its PEM Node's
 * base64, and the issuer signs synchronously (crypto.sign without a callback: on a machine
 * whose cores are busy, a hop to libuv's pool per signature costs more CPU than it saves).
 * The batch proves this engine against WebCrypto before using it (leaf-engine.ts); other key
 * types get no engine here and run on WebCrypto.
 */
import { createECDH, generateKeyPairSync, hash, KeyObject, sign } from 'node:crypto';
import type { KeyAlgorithmId, LeafEngineRequest, LeafKey, SyncLeafEngine } from '../pki/index.ts';

/** OpenSSL's curve names for certbench's EC key types. */
const CURVES: Partial<Record<KeyAlgorithmId, string>> = { p256: 'prime256v1', p384: 'secp384r1', p521: 'secp521r1' };

/** A DER encoding made by OpenSSL and where the key bytes sit in it. */
interface Layout {
  der: Buffer;
  at: number;
}

function find(der: Buffer, part: Buffer): Layout {
  const at = der.indexOf(part);
  if (at < 0 || der.indexOf(part, at + 1) >= 0) throw new Error('key bytes not found once in OpenSSL export');
  return { der, at };
}

/** The curve's PKCS#8 and SPKI layouts, from one key OpenSSL generates and exports. */
function layouts(curve: string): { scalar: number; pkcs8: Layout; pkcs8Point: Layout; spki: Layout } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const jwk = privateKey.export({ format: 'jwk' });
  const d = Buffer.from(jwk.d ?? '', 'base64url');
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x ?? '', 'base64url'),
    Buffer.from(jwk.y ?? '', 'base64url'),
  ]);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { scalar: d.length, pkcs8: find(pkcs8, d), pkcs8Point: find(pkcs8, point), spki: find(spki, point) };
}

function ecKeys(curve: string): () => LeafKey {
  const l = layouts(curve);
  // One ECDH object for the batch: generateKeys() makes a fresh key pair in it on every call
  // (OpenSSL's EC_KEY_generate_key), without setting up the curve again each time.
  const ecdh = createECDH(curve);
  return () => {
    const point = ecdh.generateKeys();
    const raw = ecdh.getPrivateKey();
    const pkcs8 = new Uint8Array(l.pkcs8.der);
    // The scalar is fixed-width in ECPrivateKey (RFC 5915): left-pad what OpenSSL's BIGNUM gives.
    pkcs8.fill(0, l.pkcs8.at, l.pkcs8.at + l.scalar - raw.length);
    pkcs8.set(raw, l.pkcs8.at + l.scalar - raw.length);
    pkcs8.set(point, l.pkcs8Point.at);
    const spki = new Uint8Array(l.spki.der);
    spki.set(point, l.spki.at);
    // RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits, which are the point.
    const keyId = hash('sha1', point, 'buffer');
    return { pkcs8, spki, keyId };
  };
}

/**
 * pemEncode's PEM (RFC 7468: 64-column lines, a newline after each) with Node's native base64,
 * assembled in a buffer and read out as one flat string: built with += from 64-character slices,
 * each PEM was a tree of some twenty string pieces, which a batch keeps and the garbage
 * collector copies and marks (measured: 7 against 15-21 µs a PEM, collection included).
 */
function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.length).toString('base64');
  const head = `-----BEGIN ${label}-----\n`;
  const tail = `-----END ${label}-----\n`;
  const out = Buffer.allocUnsafe(head.length + b64.length + Math.ceil(b64.length / 64) + tail.length);
  let at = out.write(head, 0, 'latin1');
  for (let i = 0; i < b64.length; i += 64) {
    at += out.write(b64.slice(i, i + 64), at, 'latin1');
    out[at++] = 0x0a;
  }
  at += out.write(tail, at, 'latin1');
  return out.toString('latin1', 0, at);
}

/** Node's sign() arguments for a WebCrypto signature algorithm. */
function signer(key: KeyObject, signature: { name: string; hash?: string }) {
  const hash = signature.hash?.replace('SHA-', 'sha');
  if (signature.name === 'ECDSA' && hash) return { hash, key: { key, dsaEncoding: 'der' as const } };
  if (signature.name === 'RSASSA-PKCS1-v1_5' && hash) return { hash, key };
  if (signature.name === 'Ed25519') return { hash: null, key };
  return undefined;
}

/** Node's engine for a request (a LeafEngineFactory), or undefined for key types it does not make. */
export function nodeLeafEngine(request: LeafEngineRequest): SyncLeafEngine | undefined {
  const curve = CURVES[request.algorithm];
  const how = signer(KeyObject.from(request.issuerKey), request.signature);
  if (!curve || !how) return undefined;
  return { sync: true, newKey: ecKeys(curve), sign: (tbs) => sign(how.hash, tbs, how.key), pem };
}
