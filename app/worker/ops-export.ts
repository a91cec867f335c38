/**
 * Worker operations for exports: private keys in the format asked for, PKCS#12 keystores and
 * truststores, and bundles zipped per layout. PBKDF2 and zipping take long enough to freeze a
 * page, so they run here. Plain data in and out: PEM strings and passwords in, bytes out.
 */
import { buildBundle } from '../layouts/build-bundle.ts';
import { zipBundle } from '../layouts/zip.ts';
import type { Bundle, LayoutId, LayoutOptions } from '../layouts/types.ts';
import {
  buildKeystore,
  buildTruststore,
  encodePrivateKey,
  keyPem,
  type PrivateKeyFormat,
  privateKeyFrom,
} from '../pki/export/index.ts';

export interface KeyExportRequest {
  /** The key as the workspace holds it (PKCS#8 PEM; PKCS#1 and SEC1 PEM are accepted too). */
  keyPem: string;
  format: PrivateKeyFormat;
  /** Required for 'pkcs8-encrypted'. */
  password?: string;
  encoding: 'pem' | 'der';
}

/** A key in the chosen format: text for PEM, bytes for DER. */
async function exportKey(request: KeyExportRequest): Promise<{ contents: string | Uint8Array }> {
  const pkcs8 = privateKeyFrom(request.keyPem, 'key');
  const encoded = await encodePrivateKey(
    pkcs8,
    request.format,
    request.password === undefined ? {} : { password: request.password },
  );
  return { contents: request.encoding === 'der' ? encoded.der : keyPem(encoded) };
}

export interface KeystoreRequest {
  certPem: string;
  keyPem: string;
  /** Issuers above the certificate, PEM, any order. */
  chainPem?: string;
  password: string;
  alias?: string;
}

export interface Pkcs12Out {
  der: Uint8Array;
  aliases: string[];
}

/** A PKCS#12 keystore (key, certificate, chain) with the user's password and alias. */
async function exportKeystore(request: KeystoreRequest): Promise<Pkcs12Out> {
  const alias = request.alias?.trim();
  const chain = request.chainPem?.trim();
  const result = await buildKeystore({
    key: request.keyPem,
    certificate: request.certPem,
    password: request.password,
    ...(chain ? { chain } : {}),
    ...(alias ? { alias } : {}),
  });
  return { der: result.der, aliases: result.aliases };
}

export interface TruststoreRequest {
  /** CA certificates, PEM; each text may hold several. */
  caPems: string[];
  password: string;
  /** One alias for a single CA; several CAs get aliases from their CNs. */
  alias?: string;
}

/** A PKCS#12 truststore of CA certificates, readable by Java's keytool and OpenSSL. */
async function exportTruststore(request: TruststoreRequest): Promise<Pkcs12Out> {
  const alias = request.alias?.trim();
  const single = request.caPems.length === 1 && alias;
  const result = await buildTruststore({
    cas: request.caPems,
    password: request.password,
    ...(single ? { aliases: [alias] } : {}),
  });
  return { der: result.der, aliases: result.aliases };
}

export interface BundleZipRequest {
  bundle: Bundle;
  layout: LayoutId;
  options?: LayoutOptions;
}

export interface BundleZipOut {
  zip: Uint8Array;
  /** What is inside, for the page to list before the download. */
  files: { path: string; secret: boolean }[];
  containsPlaintextKeys: boolean;
  warnings: string[];
}

/** A bundle laid out for one ecosystem, zipped with fixed timestamps (same input, same bytes). */
async function exportBundle(request: BundleZipRequest): Promise<BundleZipOut> {
  const built = await buildBundle({ bundle: request.bundle, layout: request.layout, options: request.options ?? {} });
  return {
    zip: zipBundle(built.files),
    files: built.files.map((f) => ({ path: f.path, secret: f.secret })),
    containsPlaintextKeys: built.containsPlaintextKeys,
    warnings: built.warnings,
  };
}

export const EXPORT_OPS = { exportKey, exportKeystore, exportTruststore, exportBundle };
