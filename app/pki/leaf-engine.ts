/**
 * Which engine a batch's fast path uses: WebCrypto, or one the platform brings (the CLI brings
 * Node's own crypto: node-leaf-engine.ts), proven before the batch uses it. The proof, once per
 * batch, on a key and a certificate the engine makes:
 *  - its PKCS#8 imports into WebCrypto and exports back to the same bytes, and WebCrypto's SPKI
 *    of that key is the engine's SPKI (so key files and certificates are what WebCrypto makes);
 *  - a certificate assembled from the template with its signature verifies under the issuer's
 *    public key (@peculiar/x509 over WebCrypto, the general path's own check);
 *  - where it brings its own key identifier or PEM encoder, they give what spkiKeyId and
 *    pemEncode give for that key and certificate.
 * An engine that fails the proof is not used: the batch runs on WebCrypto, as without one.
 */
import { X509Certificate } from '@peculiar/x509';
import type { KeyAlgorithmId } from './algorithms.ts';
import type { LoadedIssuer } from './issuer.ts';
import { keyAlgorithm } from './keys.ts';
import { spkiKeyId, webCryptoLeafEngine, type LeafEngine, type LeafTemplate } from './leaf-template.ts';
import { pemEncode } from './pem.ts';

/** What an engine is asked for: the leaves' key type, and the issuer's key and signature algorithm. */
export interface LeafEngineRequest {
  algorithm: KeyAlgorithmId;
  issuerKey: CryptoKey;
  /** WebCrypto's name for the signature (ECDSA, RSASSA-PKCS1-v1_5, Ed25519) and its hash when it has one. */
  signature: { name: string; hash?: string };
}

/** An engine for the request, or undefined when it does not do that key type or signature. */
export type LeafEngineFactory = (request: LeafEngineRequest) => LeafEngine | undefined;

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

async function proven(
  engine: LeafEngine,
  template: LeafTemplate,
  issuer: LoadedIssuer,
  crypto: Crypto,
): Promise<boolean> {
  try {
    const key = await engine.newKey();
    const params = keyAlgorithm(template.algorithm).generate;
    const imported = await crypto.subtle.importKey('pkcs8', key.pkcs8, params, true, ['sign']);
    if (!same(new Uint8Array(await crypto.subtle.exportKey('pkcs8', imported)), key.pkcs8)) return false;
    const { d: _private, key_ops: _ops, ...publicJwk } = await crypto.subtle.exportKey('jwk', imported);
    const publicKey = await crypto.subtle.importKey('jwk', publicJwk, params, true, ['verify']);
    if (!same(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)), key.spki)) return false;
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const input = {
      serial: new Uint8Array(16).fill(0x5b),
      notBefore: now,
      notAfter: new Date(Math.min(now.getTime() + 86_400_000, issuer.notAfter.getTime())),
      commonName: 'engine.probe.example',
      sans: [{ kind: 'dns' as const, value: 'engine.probe.example' }],
      spki: key.spki,
    };
    const keyId = spkiKeyId(key.spki);
    if (key.keyId && !same(key.keyId, keyId)) return false;
    const tbs = template.tbs(input, keyId);
    const der = template.assemble(tbs, await engine.sign(tbs));
    if (engine.pem) {
      for (const [label, bytes] of [
        ['CERTIFICATE', der],
        ['PRIVATE KEY', key.pkcs8],
      ] as const)
        if (engine.pem(label, bytes) !== pemEncode(label, bytes)) return false;
    }
    const cert = new X509Certificate(der);
    return await cert.verify({ publicKey: issuer.cert.publicKey, signatureOnly: true }, crypto);
  } catch {
    return false;
  }
}

/** The engine for a batch: the platform's when it has one for this request and it passes the proof, else WebCrypto. */
export async function batchEngine(
  template: LeafTemplate,
  issuer: LoadedIssuer,
  factory: LeafEngineFactory | undefined,
  crypto: Crypto,
): Promise<{ engine: LeafEngine; name: 'platform' | 'webcrypto' }> {
  const signature = template.signer.algorithm as { name: string; hash?: string };
  const offered = factory?.({ algorithm: template.algorithm, issuerKey: template.signer.key, signature });
  if (offered && (await proven(offered, template, issuer, crypto))) return { engine: offered, name: 'platform' };
  return { engine: webCryptoLeafEngine(template, crypto), name: 'webcrypto' };
}
