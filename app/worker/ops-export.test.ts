import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_OPS } from './ops-export.ts';

/** Run a judge; a missing tool fails loudly with its install command. */
function judge(tool: string, args: string[], cwd: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync(tool, args, { cwd, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { code?: string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error(
        `${tool} is needed for this test (apt-get install -y ${tool === 'python3' ? 'python3' : 'openssl'})`,
        { cause: e },
      );
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

let dir = '';
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-export-'));
  const ok = (args: string[]) => expect(judge('openssl', args, dir).ok).toBe(true);
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n',
  );
  writeFileSync(
    join(dir, 'leaf.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:n1.db,IP:10.0.0.1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  ok([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=Export CA',
    '-days',
    '30',
    '-extensions',
    'v3_ca',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  ok([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'n1.key',
    '-out',
    'n1.csr',
    '-subj',
    '/CN=n1',
  ]);
  ok([
    'x509',
    '-req',
    '-in',
    'n1.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '10',
    '-extfile',
    'leaf.ext',
    '-out',
    'n1.pem',
  ]);
  ok(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-out', 'rsa.csr', '-subj', '/CN=rsa']);
});

const keyRows: {
  name: string;
  input: () => Parameters<typeof EXPORT_OPS.exportKey>[0];
  want: { label?: string; judge: string[]; error?: RegExp };
}[] = [
  {
    name: 'encrypted PKCS#8 PEM opens with the passphrase',
    input: () => ({ keyPem: read('n1.key'), format: 'pkcs8-encrypted', password: 'pässword', encoding: 'pem' }),
    want: { label: 'ENCRYPTED PRIVATE KEY', judge: ['pkey', '-passin', 'pass:pässword', '-noout'] },
  },
  {
    name: 'encrypted PKCS#8 DER opens with the passphrase',
    input: () => ({ keyPem: read('n1.key'), format: 'pkcs8-encrypted', password: 'p', encoding: 'der' }),
    want: { judge: ['pkey', '-inform', 'DER', '-passin', 'pass:p', '-noout'] },
  },
  {
    name: 'plain PKCS#8 PEM',
    input: () => ({ keyPem: read('n1.key'), format: 'pkcs8', encoding: 'pem' }),
    want: { label: 'PRIVATE KEY', judge: ['pkey', '-noout'] },
  },
  {
    name: 'SEC1 for an EC key',
    input: () => ({ keyPem: read('n1.key'), format: 'sec1', encoding: 'pem' }),
    want: { label: 'EC PRIVATE KEY', judge: ['ec', '-noout'] },
  },
  {
    name: 'PKCS#1 for an RSA key',
    input: () => ({ keyPem: read('rsa.key'), format: 'pkcs1', encoding: 'pem' }),
    want: { label: 'RSA PRIVATE KEY', judge: ['rsa', '-noout'] },
  },
  {
    name: 'PKCS#1 for an EC key is refused',
    input: () => ({ keyPem: read('n1.key'), format: 'pkcs1', encoding: 'pem' }),
    want: { judge: [], error: /RSA/ },
  },
  {
    name: 'encryption without a passphrase is refused',
    input: () => ({ keyPem: read('n1.key'), format: 'pkcs8-encrypted', password: '', encoding: 'pem' }),
    want: { judge: [], error: /password/i },
  },
];

describe('EXPORT_OPS.exportKey (judged by openssl)', () => {
  for (const row of keyRows) {
    it(row.name, async () => {
      if (row.want.error) {
        await expect(EXPORT_OPS.exportKey(row.input())).rejects.toThrow(row.want.error);
        return;
      }
      const { contents } = await EXPORT_OPS.exportKey(row.input());
      const file = join(dir, `out-${keyRows.indexOf(row)}`);
      writeFileSync(file, contents);
      if (row.want.label) expect(String(contents)).toContain(`-----BEGIN ${row.want.label}-----`);
      const [cmd = '', ...rest] = row.want.judge;
      const verdict = judge('openssl', [cmd, '-in', file, ...rest], dir);
      expect(verdict.ok, verdict.out).toBe(true);
    });
  }
});

describe('EXPORT_OPS PKCS#12 (judged by openssl pkcs12)', () => {
  it('a keystore holds the key and the certificate under the alias', async () => {
    const out = await EXPORT_OPS.exportKeystore({
      certPem: read('n1.pem'),
      keyPem: read('n1.key'),
      chainPem: read('ca.pem'),
      password: 'ks-pass',
      alias: 'node-one',
    });
    expect(out.aliases).toEqual(['node-one']);
    writeFileSync(join(dir, 'ks.p12'), out.der);
    const info = judge('openssl', ['pkcs12', '-in', 'ks.p12', '-passin', 'pass:ks-pass', '-nodes', '-info'], dir);
    expect(info.ok, info.out).toBe(true);
    expect(info.out).toMatch(/friendlyName: node-one/);
    expect(info.out).toMatch(/BEGIN PRIVATE KEY/);
    expect(info.out.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });
  it("a keystore whose key is not the certificate's is refused before anything is written", async () => {
    await expect(
      EXPORT_OPS.exportKeystore({ certPem: read('n1.pem'), keyPem: read('ca.key'), password: 'x' }),
    ).rejects.toThrow(/does not belong/);
  });
  it('a truststore holds the CA only', async () => {
    const out = await EXPORT_OPS.exportTruststore({
      caPems: [read('ca.pem')],
      password: 'ts-pass',
      alias: 'export-ca',
    });
    writeFileSync(join(dir, 'ts.p12'), out.der);
    const info = judge('openssl', ['pkcs12', '-in', 'ts.p12', '-passin', 'pass:ts-pass', '-nokeys', '-info'], dir);
    expect(info.ok, info.out).toBe(true);
    expect(info.out.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
    expect(info.out).not.toMatch(/PRIVATE KEY/);
  });
});

describe('EXPORT_OPS.exportBundle (judged by python zipfile)', () => {
  it('a casty bundle zips exactly the files it lists, keys marked secret', async () => {
    const out = await EXPORT_OPS.exportBundle({
      layout: 'casty',
      bundle: {
        cluster: 'c',
        ca: { certPem: read('ca.pem') },
        nodes: [
          {
            name: 'n1',
            dns: ['n1.db'],
            ips: ['10.0.0.1'],
            certPem: read('n1.pem'),
            keyPem: read('n1.key'),
            chainPem: '',
          },
        ],
        clients: [],
      },
    });
    writeFileSync(join(dir, 'b.zip'), out.zip);
    const listing = judge('python3', ['-m', 'zipfile', '-l', 'b.zip'], dir);
    expect(listing.ok, listing.out).toBe(true);
    for (const f of out.files) expect(listing.out).toContain(f.path);
    expect(out.files.filter((f) => f.secret).map((f) => f.path)).toEqual(
      out.files.filter((f) => f.path.endsWith('.key')).map((f) => f.path),
    );
    expect(out.containsPlaintextKeys).toBe(true);
  });
});
