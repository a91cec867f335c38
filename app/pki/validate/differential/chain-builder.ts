/**
 * The corpus's chains: root → intermediate → leaf (or root → leaf) made by test-kit.ts, with
 * any one certificate bent as a row asks (a different spec, extra extensions, or a re-signed
 * form such as another serial or version 1). Certificates are valid from 2025 to 2049, so the
 * handshake judges (which run now) and the fixed-time judges see the same validity.
 */
import * as x509 from '@peculiar/x509';
import { makeCert, newKey, T0, type CertSpec, type Issuer, type TestKeyAlg } from '../test-kit.ts';

/** Latest UTCTime (RFC 5280 §4.1.2.5): the corpus's certificates stay valid until then. */
export const CORPUS_NOT_AFTER = new Date(Date.UTC(2049, 11, 31, 23, 59, 59));
/** The time every fixed-time judge is told (openssl -attime, Java setDate, Go CurrentTime, certbench `at`). */
export const CORPUS_AT = new Date(Date.UTC(2026, 5, 1));
export const CORPUS_NOT_BEFORE = T0;

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const KU = x509.KeyUsageFlags;

/** The keys of one certificate and of its issuer, for rows whose extra extensions depend on them. */
export interface BendKeys {
  self: CryptoKeyPair;
  issuer: CryptoKeyPair;
}

/** How a row changes one certificate of the standard chain. */
export interface Bend {
  spec?: Partial<CertSpec>;
  /** Key algorithm of this certificate (default P-256). */
  alg?: TestKeyAlg;
  extra?: (keys: BendKeys) => Promise<x509.Extension[]> | x509.Extension[];
  /** Re-make the signed certificate (another serial, version 1, …); `signer` is its issuer's private key. */
  after?: (cert: x509.X509Certificate, signer: CryptoKey) => Promise<x509.X509Certificate>;
}

export interface ChainShape {
  root?: Bend;
  /** null: the leaf is issued by the root directly. */
  intermediate?: Bend | null;
  leaf?: Bend;
  /** The leaf signs itself (a pinned self-signed certificate); the root is still made but issues nothing. */
  selfSignedLeaf?: boolean;
}

export interface BuiltChain {
  root: Issuer;
  intermediate: Issuer | null;
  leaf: x509.X509Certificate;
  leafKeys: CryptoKeyPair;
}

const keyCache = new Map<string, Promise<CryptoKeyPair>>();
/** One key per role and algorithm for the whole corpus: key generation is the slow part, and sharing keys changes no verdict. */
function roleKey(role: string, alg: TestKeyAlg): Promise<CryptoKeyPair> {
  const k = `${role}/${alg}`;
  let p = keyCache.get(k);
  if (!p) keyCache.set(k, (p = newKey(alg)));
  return p;
}

const DEFAULTS: Record<'root' | 'intermediate' | 'leaf', Omit<CertSpec, 'keys'>> = {
  root: {
    subject: 'CN=Differential Root,O=certbench',
    serial: '0a01',
    ca: true,
    keyUsage: KU.keyCertSign | KU.cRLSign,
  },
  intermediate: {
    subject: 'CN=Differential Intermediate,O=certbench',
    serial: '0a02',
    ca: true,
    keyUsage: KU.keyCertSign | KU.cRLSign,
  },
  leaf: {
    subject: 'CN=leaf.example.com',
    serial: '0a03',
    ca: false,
    keyUsage: KU.digitalSignature,
    eku: [SERVER_AUTH, CLIENT_AUTH],
    san: [
      { type: 'dns', value: 'leaf.example.com' },
      { type: 'ip', value: '127.0.0.1' },
    ],
  },
};

async function make(role: 'root' | 'intermediate' | 'leaf', bend: Bend, issuer: Issuer | null): Promise<Issuer> {
  const keys = await roleKey(role, bend.alg ?? 'p256');
  const issuerKeys = issuer?.keys ?? keys;
  const extra = bend.extra ? await bend.extra({ self: keys, issuer: issuerKeys }) : [];
  const spec: CertSpec = {
    ...DEFAULTS[role],
    notBefore: CORPUS_NOT_BEFORE,
    notAfter: CORPUS_NOT_AFTER,
    keys,
    ...(issuer ? { issuer } : {}),
    ...bend.spec,
  };
  spec.extra = [...(spec.extra ?? []), ...extra];
  let cert = await makeCert(spec);
  if (bend.after) cert = await bend.after(cert, issuerKeys.privateKey);
  return { cert, keys };
}

export async function buildChain(shape: ChainShape = {}): Promise<BuiltChain> {
  const root = await make('root', shape.root ?? {}, null);
  const intermediate = shape.intermediate === null ? null : await make('intermediate', shape.intermediate ?? {}, root);
  const leaf = await make('leaf', shape.leaf ?? {}, shape.selfSignedLeaf ? null : (intermediate ?? root));
  return { root, intermediate, leaf: leaf.cert, leafKeys: leaf.keys };
}
