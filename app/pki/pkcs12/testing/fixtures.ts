/**
 * Test PKI made by openssl (not by certbench, so the writers are judged on inputs we did not
 * make): a root, an intermediate, leaves with RSA, P-256, P-384 and Ed25519 keys under the
 * intermediate, and an unrelated CA. For tests only.
 */
import { run, withFiles } from '../../../test/judges/index.ts';

export const ENCRYPTED_KEY_PASSWORD = 'key-pass';

export type LeafKind = 'rsa' | 'p256' | 'p384' | 'ed25519';
export const LEAF_KINDS: readonly LeafKind[] = ['rsa', 'p256', 'p384', 'ed25519'];

export interface TestLeaf {
  certPem: string;
  keyPem: string;
  /** The key as openssl's legacy form writes it (PKCS#1 for RSA, SEC1 for EC); PKCS#8 for Ed25519. */
  legacyKeyPem: string;
}

export interface TestPki {
  rootPem: string;
  intermediatePem: string;
  otherCaPem: string;
  /** A self-signed P-256 certificate whose SPKI carries a compressed point, and its key. */
  compressedPoint: { certPem: string; keyPem: string };
  /** The p256 leaf's key as PBES2 "ENCRYPTED PRIVATE KEY" under ENCRYPTED_KEY_PASSWORD. */
  encryptedP256KeyPem: string;
  /** The p256 leaf's key with OpenSSL's legacy "Proc-Type: 4,ENCRYPTED" PEM encryption. */
  legacyEncryptedP256KeyPem: string;
  leaves: Record<LeafKind, TestLeaf>;
}

const NEWKEY: Record<LeafKind, string[]> = {
  rsa: ['-newkey', 'rsa:2048'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  ed25519: ['-newkey', 'ed25519'],
};

function ok(args: string[]): string {
  const r = run('openssl', args);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Build the test PKI (a few seconds: one RSA key). */
export function makeTestPki(): Promise<TestPki> {
  return withFiles(
    {
      'ca.ext':
        'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
      'leaf.ext':
        'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n',
    },
    (_d, p) => {
      const ec = NEWKEY.p256;
      const caArgs = [
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ];
      ok([
        'req',
        '-x509',
        ...ec,
        '-nodes',
        '-keyout',
        p('root.key'),
        '-out',
        p('root.crt'),
        '-subj',
        '/CN=Certbench Test Root',
        '-days',
        '3',
        ...caArgs,
      ]);
      ok([
        'req',
        '-x509',
        ...ec,
        '-nodes',
        '-keyout',
        p('other.key'),
        '-out',
        p('other.crt'),
        '-subj',
        '/CN=Unrelated CA',
        '-days',
        '3',
        ...caArgs,
      ]);
      ok([
        'req',
        '-new',
        ...ec,
        '-nodes',
        '-keyout',
        p('int.key'),
        '-out',
        p('int.csr'),
        '-subj',
        '/CN=Certbench Test Intermediate',
      ]);
      ok([
        'x509',
        '-req',
        '-in',
        p('int.csr'),
        '-CA',
        p('root.crt'),
        '-CAkey',
        p('root.key'),
        '-CAcreateserial',
        '-days',
        '2',
        '-extfile',
        p('ca.ext'),
        '-out',
        p('int.crt'),
      ]);
      const leaves = {} as Record<LeafKind, TestLeaf>;
      for (const kind of LEAF_KINDS) {
        ok([
          'req',
          '-new',
          ...NEWKEY[kind],
          '-nodes',
          '-keyout',
          p(`${kind}.key`),
          '-out',
          p(`${kind}.csr`),
          '-subj',
          `/CN=node-${kind}.example`,
        ]);
        ok([
          'x509',
          '-req',
          '-in',
          p(`${kind}.csr`),
          '-CA',
          p('int.crt'),
          '-CAkey',
          p('int.key'),
          '-CAcreateserial',
          '-days',
          '1',
          '-extfile',
          p('leaf.ext'),
          '-out',
          p(`${kind}.crt`),
        ]);
        const legacy = kind === 'rsa' ? ['rsa', '-traditional'] : kind === 'ed25519' ? ['pkey'] : ['ec'];
        leaves[kind] = {
          certPem: ok(['x509', '-in', p(`${kind}.crt`)]),
          keyPem: ok(['pkey', '-in', p(`${kind}.key`)]),
          legacyKeyPem: ok([...legacy, '-in', p(`${kind}.key`)]),
        };
      }
      ok(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', p('c0.key')]);
      ok(['ec', '-in', p('c0.key'), '-conv_form', 'compressed', '-out', p('c.key')]);
      ok([
        'req',
        '-x509',
        '-key',
        p('c.key'),
        '-subj',
        '/CN=compressed-point.example',
        '-days',
        '1',
        '-out',
        p('c.crt'),
      ]);
      return {
        compressedPoint: { certPem: ok(['x509', '-in', p('c.crt')]), keyPem: ok(['pkey', '-in', p('c.key')]) },
        rootPem: ok(['x509', '-in', p('root.crt')]),
        intermediatePem: ok(['x509', '-in', p('int.crt')]),
        otherCaPem: ok(['x509', '-in', p('other.crt')]),
        encryptedP256KeyPem: ok([
          'pkcs8',
          '-topk8',
          '-v2',
          'aes-256-cbc',
          '-in',
          p('p256.key'),
          '-passout',
          `pass:${ENCRYPTED_KEY_PASSWORD}`,
        ]),
        legacyEncryptedP256KeyPem: ok([
          'ec',
          '-aes128',
          '-in',
          p('p256.key'),
          '-passout',
          `pass:${ENCRYPTED_KEY_PASSWORD}`,
        ]),
        leaves,
      };
    },
  );
}
