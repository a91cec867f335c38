/**
 * Test fixture (side effects: runs `openssl`, writes a temp folder): a real CA, node and client
 * certificates issued by OpenSSL, independent of certbench's own issuing code, plus
 * OpenSSL-backed BundleFormats. For tests only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { requireTool } from '../../test/judges/tools.ts';
import type { BundleFormats } from '../formats.ts';
import type { Bundle, BundleFile } from '../types.ts';

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export type FixtureKey = 'p256' | 'rsa2048' | 'ed25519';

function keyArgs(alg: FixtureKey): string[] {
  if (alg === 'rsa2048') return ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  if (alg === 'ed25519') return ['-algorithm', 'ED25519'];
  return ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
}

export interface FixtureSpec {
  cluster?: string;
  /** Issue the leaves from an intermediate CA under the root (ca.crt is then the intermediate, chain.crt intermediate + root). */
  intermediate?: boolean;
  nodes?: { name: string; dns: string[]; ips: string[]; key?: FixtureKey }[];
  clients?: { name: string; commonName: string; key?: FixtureKey }[];
}

/** Issue a CA and the given nodes/clients with openssl; returns the bundle and the temp folder. */
export function opensslBundle(spec: FixtureSpec = {}): { bundle: Bundle; dir: string } {
  requireTool('openssl');
  const dir = mkdtempSync(join(tmpdir(), 'certbench-fixture-'));
  openssl(['genpkey', ...keyArgs('p256'), '-out', 'ca.key'], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=Fixture CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  let serial = 1;
  let intermediatePem = '';
  if (spec.intermediate) {
    // The root becomes root.*; the intermediate takes the ca.* names, as `certbench ca intermediate` writes them.
    openssl(['x509', '-in', 'ca.crt', '-out', 'root.crt'], dir);
    openssl(['pkey', '-in', 'ca.key', '-out', 'root.key'], dir);
    openssl(['genpkey', ...keyArgs('p256'), '-out', 'ca.key'], dir);
    openssl(['req', '-new', '-key', 'ca.key', '-out', 'ca.csr', '-subj', '/CN=Fixture Intermediate CA'], dir);
    writeFileSync(
      join(dir, 'ca.ext'),
      [
        'basicConstraints=critical,CA:TRUE,pathlen:0',
        'keyUsage=critical,keyCertSign,cRLSign',
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid',
      ].join('\n'),
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'ca.csr',
        '-CA',
        'root.crt',
        '-CAkey',
        'root.key',
        '-set_serial',
        '1000',
        '-days',
        '20',
        '-extfile',
        'ca.ext',
        '-out',
        'ca.crt',
      ],
      dir,
    );
    intermediatePem = readFileSync(join(dir, 'ca.crt'), 'utf8');
    writeFileSync(join(dir, 'chain.crt'), intermediatePem + readFileSync(join(dir, 'root.crt'), 'utf8'));
  }
  const issue = (
    name: string,
    cn: string,
    key: FixtureKey,
    san: string | null,
    eku: string,
  ): { certPem: string; keyPem: string; chainPem: string } => {
    openssl(['genpkey', ...keyArgs(key), '-out', `${name}.key`], dir);
    openssl(['req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
    const usage = key === 'rsa2048' ? 'digitalSignature,keyEncipherment' : 'digitalSignature';
    const ext = [
      `basicConstraints=critical,CA:FALSE`,
      `keyUsage=critical,${usage}`,
      `extendedKeyUsage=${eku}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      ...(san ? [`subjectAltName=${san}`] : []),
    ].join('\n');
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-set_serial',
        String(serial++),
        '-days',
        '7',
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.crt`,
      ],
      dir,
    );
    return {
      certPem: readFileSync(join(dir, `${name}.crt`), 'utf8'),
      keyPem: readFileSync(join(dir, `${name}.key`), 'utf8'),
      chainPem: intermediatePem,
    };
  };
  const nodes = (spec.nodes ?? [{ name: 'node-1', dns: ['localhost'], ips: ['127.0.0.1'] }]).map((n) => {
    const san = [...n.dns.map((d) => `DNS:${d}`), ...n.ips.map((ip) => `IP:${ip}`)].join(',');
    return {
      ...n,
      ...issue(n.name, n.dns[0] ?? n.ips[0] ?? n.name, n.key ?? 'p256', san || null, 'serverAuth,clientAuth'),
    };
  });
  const clients = (spec.clients ?? [{ name: 'app', commonName: 'app' }]).map((c) => ({
    ...c,
    ...issue(c.name, c.commonName, c.key ?? 'p256', null, 'clientAuth'),
  }));
  const ca = spec.intermediate
    ? { certPem: intermediatePem, chainPem: readFileSync(join(dir, 'chain.crt'), 'utf8') }
    : { certPem: readFileSync(join(dir, 'ca.crt'), 'utf8') };
  const bundle: Bundle = { cluster: spec.cluster ?? 'demo', ca, nodes, clients };
  return { bundle, dir };
}

/** BundleFormats on the openssl command line, to judge our layouts independently of our own writers. */
export function opensslFormats(): BundleFormats {
  const work = () => mkdtempSync(join(tmpdir(), 'certbench-formats-'));
  return {
    encryptKey: (keyPem, passphrase) => {
      const dir = work();
      writeFileSync(join(dir, 'in.key'), keyPem);
      writeFileSync(join(dir, 'pass'), passphrase);
      openssl(
        [
          'pkcs8',
          '-topk8',
          '-in',
          'in.key',
          '-out',
          'out.key',
          '-v2',
          'aes-256-cbc',
          '-v2prf',
          'hmacWithSHA256',
          '-passout',
          'file:pass',
        ],
        dir,
      );
      return Promise.resolve(readFileSync(join(dir, 'out.key'), 'utf8'));
    },
    keystore: (input) => {
      const dir = work();
      writeFileSync(join(dir, 'in.key'), input.keyPem);
      writeFileSync(join(dir, 'in.crt'), input.certPem);
      writeFileSync(join(dir, 'chain.pem'), input.chainPem);
      writeFileSync(join(dir, 'pass'), input.password);
      openssl(
        [
          'pkcs12',
          '-export',
          '-inkey',
          'in.key',
          '-in',
          'in.crt',
          '-certfile',
          'chain.pem',
          '-name',
          input.alias,
          '-passout',
          'file:pass',
          '-out',
          'out.p12',
        ],
        dir,
      );
      return Promise.resolve(new Uint8Array(readFileSync(join(dir, 'out.p12'))));
    },
    truststore: (input) => {
      const dir = work();
      writeFileSync(join(dir, 'ca.pem'), input.caPem);
      writeFileSync(join(dir, 'pass'), input.password);
      openssl(['pkcs12', '-export', '-nokeys', '-in', 'ca.pem', '-passout', 'file:pass', '-out', 'out.p12'], dir);
      return Promise.resolve(new Uint8Array(readFileSync(join(dir, 'out.p12'))));
    },
  };
}

/** Write built files under a fresh temp folder (keys 0600), as an unzipped bundle; returns the folder. */
export function writeBundleFiles(files: readonly BundleFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'certbench-bundle-'));
  for (const f of files) {
    const path = join(root, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents, { mode: f.secret ? 0o600 : 0o644 });
  }
  return root;
}
