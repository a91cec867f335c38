import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CHAIN_TREES, MAX_DIAGNOSES, type InspectRequest } from '../flows/inspect-report.ts';
import { INSPECT_OPS } from './ops-inspect.ts';

const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: 'pipe' });
  } catch (e) {
    throw new Error('openssl is needed for this test (apt-get install -y openssl)', { cause: e });
  }
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-inspect-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-subj',
      '/CN=node1',
      '-days',
      '30',
    ],
    dir,
  );
  openssl(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-passout', 'pass:right', '-out', 'a.p12'], dir);
  // root → intermediate → leaf, as openssl makes them: the broken-chain rows drop the intermediate.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  writeFileSync(
    join(dir, 'leaf.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:node1.db,IP:10.0.0.1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'root.key',
      '-out',
      'root.pem',
      '-subj',
      '/CN=Test Root',
      '-days',
      '30',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Test Issuing'], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'int.csr',
      '-CA',
      'root.pem',
      '-CAkey',
      'root.key',
      '-CAcreateserial',
      '-days',
      '20',
      '-extfile',
      'ca.ext',
      '-out',
      'int.pem',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=node1'], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'int.pem',
      '-CAkey',
      'int.key',
      '-CAcreateserial',
      '-days',
      '10',
      '-extfile',
      'leaf.ext',
      '-out',
      'leaf.pem',
    ],
    dir,
  );
});

const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const rows: { name: string; input: () => InspectRequest; want: { kinds: Record<string, number>; message?: RegExp } }[] =
  [
    {
      name: 'the system CA bundle reads as certificates only',
      input: () => ({ inputs: [{ name: 'ca-certificates.crt', data: readFileSync(SYSTEM_BUNDLE, 'utf8') }] }),
      want: { kinds: { certificate: readFileSync(SYSTEM_BUNDLE, 'utf8').split('BEGIN CERTIFICATE').length - 1 } },
    },
    {
      name: 'garbage bytes become one error item with a sentence',
      input: () => ({ inputs: [{ name: 'junk.bin', data: new Uint8Array([1, 2, 3, 4, 5, 255]) }] }),
      want: { kinds: { error: 1 }, message: /junk\.bin|not|recogn/i },
    },
    {
      name: 'a PKCS#12 with the right password gives key and certificate',
      input: () => ({ inputs: [{ name: 'a.p12', data: file('a.p12') }], password: 'right' }),
      want: { kinds: { certificate: 1, 'private-key': 1 } },
    },
    {
      name: 'a PKCS#12 with a wrong password says so',
      input: () => ({ inputs: [{ name: 'a.p12', data: file('a.p12') }], password: 'wrong' }),
      want: { kinds: { error: 1 }, message: /wrong password/i },
    },
    {
      name: 'a good and a bad input side by side: the good one still reads',
      input: () => ({
        inputs: [
          { name: 'c.pem', data: file('c.pem') },
          { name: 'x', data: 'hello' },
        ],
      }),
      want: { kinds: { certificate: 1, error: 1 } },
    },
  ];

const pemOf = (...names: string[]) => names.map((n) => readFileSync(join(dir, n), 'utf8')).join('');

/** The same question put to `openssl verify`: the self-signed root is the CAfile, the intermediate untrusted. */
function opensslVerifies(files: string[], host?: string, role?: 'server' | 'client'): boolean {
  const args = ['verify', '-x509_strict'];
  args.push('-CAfile', files.includes('root.pem') ? 'root.pem' : '/dev/null');
  if (files.includes('int.pem')) args.push('-untrusted', 'int.pem');
  if (host) args.push(/^[\d.]+$/.test(host) ? '-verify_ip' : '-verify_hostname', host);
  if (role) args.push('-purpose', role === 'server' ? 'sslserver' : 'sslclient');
  try {
    execFileSync('openssl', [...args, 'leaf.pem'], { cwd: dir, stdio: 'pipe' });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT')
      throw new Error('openssl is needed for this test: apt-get install -y openssl', { cause: e });
    return false;
  }
}

const diagnosisRows: {
  name: string;
  input: { files: string[]; host?: string; role?: 'server' | 'client' };
  want: { valid: boolean; chain: number; codes: string[] };
}[] = [
  {
    name: "leaf, intermediate and root validate for the leaf's IP and role",
    input: { files: ['leaf.pem', 'int.pem', 'root.pem'], host: '10.0.0.1', role: 'server' },
    want: { valid: true, chain: 3, codes: [] },
  },
  {
    name: 'a leaf without its intermediate: missing intermediate',
    input: { files: ['leaf.pem', 'root.pem'] },
    want: { valid: false, chain: 1, codes: ['missing-intermediate'] },
  },
  {
    name: 'a host the leaf does not name',
    input: { files: ['leaf.pem', 'int.pem', 'root.pem'], host: 'other.db' },
    want: { valid: false, chain: 3, codes: ['host-mismatch'] },
  },
  {
    name: "a leaf and intermediate without the root: the intermediate's issuer is missing",
    input: { files: ['leaf.pem', 'int.pem'] },
    want: { valid: false, chain: 2, codes: ['missing-intermediate'] },
  },
];

describe('INSPECT_OPS.inspect diagnosis (judged by openssl verify)', () => {
  for (const row of diagnosisRows) {
    it(row.name, async () => {
      const { files, host, role } = row.input;
      const report = await INSPECT_OPS.inspect({
        inputs: [{ name: 'input.pem', data: pemOf(...files) }],
        ...(host ? { host } : {}),
        ...(role ? { role } : {}),
      });
      expect(report.diagnoses).toHaveLength(1);
      const d = report.diagnoses[0];
      expect(d?.valid).toBe(row.want.valid);
      expect(d?.valid).toBe(opensslVerifies(files, host, role));
      expect(d?.chain).toHaveLength(row.want.chain);
      const errors = (d?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
      for (const code of row.want.codes) expect(errors).toContain(code);
      if (row.want.valid) expect(errors).toEqual([]);
    });
  }
});

describe('INSPECT_OPS.inspect relations', () => {
  const rows: {
    name: string;
    files: string[];
    want: { chains: string[][]; notes: RegExp[]; leafChainPem: string[] };
  }[] = [
    {
      name: 'leaf, intermediate and root: one chain to the root; the leaf keeps its intermediate',
      files: ['leaf.pem', 'int.pem', 'root.pem'],
      want: {
        chains: [['CN=node1', 'CN=Test Issuing', 'CN=Test Root']],
        notes: [/self-signed root/],
        leafChainPem: ['int.pem'],
      },
    },
    {
      name: 'a leaf without its intermediate: a chain of one whose issuer is not loaded',
      files: ['leaf.pem', 'root.pem'],
      want: { chains: [['CN=node1']], notes: [/not loaded/], leafChainPem: [] },
    },
    { name: 'roots alone draw no chains', files: ['root.pem'], want: { chains: [], notes: [], leafChainPem: [] } },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const report = await INSPECT_OPS.inspect({ inputs: [{ name: 'in.pem', data: pemOf(...row.files) }] });
      const chains = report.relations.filter((t) => t.label === 'Chain');
      expect(chains.map((c) => (c.children ?? []).map((n) => n.value))).toEqual(row.want.chains);
      row.want.notes.forEach((re, i) => expect(chains[i]?.note).toMatch(re));
      const leaf = report.items.find((i) => i.title === 'CN=node1');
      expect(leaf?.chainPem ?? '').toBe(pemOf(...row.want.leafChainPem));
    });
  }
});

describe('INSPECT_OPS.inspect cancelled', () => {
  it('stops before reading when the caller has aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      INSPECT_OPS.inspect({ inputs: [{ name: 'c.pem', data: pemOf('root.pem') }] }, { signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
  });
});

describe('INSPECT_OPS.inspect with many leaves', () => {
  it('diagnoses and draws at most the caps, and says how many chains are left out', async () => {
    const leaves = Array.from({ length: MAX_CHAIN_TREES + 5 }, () => pemOf('leaf.pem')).join('');
    const report = await INSPECT_OPS.inspect({
      inputs: [{ name: 'many.pem', data: leaves + pemOf('int.pem', 'root.pem') }],
    });
    // The same leaf 25 times: one chain per copy, all but MAX_CHAIN_TREES summed up in one node.
    expect(report.relations.filter((t) => t.label === 'Chain')).toHaveLength(MAX_CHAIN_TREES);
    expect(report.relations.find((t) => t.label === 'More chains')?.value).toBe('5');
    expect(report.diagnoses).toHaveLength(MAX_DIAGNOSES);
  });
});

describe('INSPECT_OPS.inspect key matching', () => {
  it('a certificate points at its own private key and not at another', async () => {
    const report = await INSPECT_OPS.inspect({
      inputs: [{ name: 'mix.pem', data: pemOf('leaf.pem', 'root.pem', 'root.key', 'leaf.key') }],
    });
    const byTitle = (t: string) => report.items.find((i) => i.title === t);
    const keyIds = report.items.filter((i) => i.kind === 'private-key').map((i) => i.id);
    expect(keyIds).toHaveLength(2);
    expect(byTitle('CN=node1')?.keyId).toBe(keyIds[1]);
    expect(byTitle('CN=Test Root')?.keyId).toBe(keyIds[0]);
    // Keys are named after what they belong to.
    expect(report.items.filter((i) => i.kind === 'private-key').map((i) => i.title)).toEqual([
      'ECDSA P-256 (CN=Test Root)',
      'ECDSA P-256 (CN=node1)',
    ]);
  });
});

describe('INSPECT_OPS.inspect', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const report = await INSPECT_OPS.inspect(row.input());
      const kinds: Record<string, number> = {};
      for (const i of report.items) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
      expect(kinds).toEqual(row.want.kinds);
      if (row.want.message) expect(report.items.find((i) => i.kind === 'error')?.message).toMatch(row.want.message);
      // Everything crosses the worker boundary: it must survive structured cloning.
      expect(structuredClone(report)).toEqual(report);
      expect(new Set(report.items.map((i) => i.id)).size).toBe(report.items.length);
      for (const item of report.items) {
        // The download is the CLI's JSON: each summary names its kind; each readable item has a tree.
        expect(item.summary.kind).toBe(item.kind);
        if (item.kind !== 'error') expect(item.tree?.children?.length ?? 0).toBeGreaterThan(0);
        if (item.summary.kind === 'certificate') expect(item.summary.subject).toBe(item.title);
      }
    });
  }
});
