// The command-line twin, spawned as users run it (`node app/cli/certbench.mjs …`) in a scratch
// folder, its outputs judged by openssl.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../test/judges/tools.ts';
import { opensslDecryptKey, opensslReqVerify, opensslVerify } from '../../test/judges/openssl.ts';

const CLI = resolve('app/cli/certbench.mjs');
let dir: string;

function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
/**
 * The same CLI in this process (app/cli/main.ts, what the launcher calls), for the many short
 * refusal and --help rows: spawning tsx costs a second or more each on a loaded machine. Paths
 * in the scratch folder are written "~/name" and made absolute here.
 */
async function cliInProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { main } = await import('../../cli/main.ts');
  const abs = args.map((a) => (a.startsWith('~/') ? join(dir, a.slice(2)) : a));
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await main(abs);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
const read = (p: string) => readFileSync(join(dir, p), 'utf8');
const certCount = (pem: string) => (pem.match(/BEGIN CERTIFICATE/g) ?? []).length;
const days = (certPath: string) => {
  const out = run('openssl', ['x509', '-noout', '-startdate', '-enddate', '-in', join(dir, certPath)]).stdout;
  const [start, end] = [/notBefore=(.*)/.exec(out)?.[1] ?? '', /notAfter=(.*)/.exec(out)?.[1] ?? ''].map((s) =>
    Date.parse(s),
  );
  return Math.round(((end ?? 0) - (start ?? 0)) / 86_400_000);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-cli-'));
  writeFileSync(join(dir, 'pass.txt'), 'open sesame\n');
  writeFileSync(join(dir, 'nodes.txt'), '# the cluster\nnode-a 10.0.0.1 a.db.example\nnode-b 10.0.0.2\n');
  const steps = [
    ['ca', 'create', '--out', 'root', '--cn', 'CLI Root', '--path-len', '1'],
    ['ca', 'intermediate', '--ca-dir', 'root', '--out', 'inter', '--cn', 'CLI Intermediate'],
    ['issue', 'node', 'node1', '10.0.0.1', 'node1.db.example', '--ca-dir', 'inter', '--out', 'n1'],
    ['issue', 'server', 'api.example', '--ca-dir', 'root', '--out', 'srv', '--alg', 'rsa2048'],
    ['issue', 'client', 'alice', '--ca-dir', 'inter', '--out', 'cl', '--key-passphrase-file', 'pass.txt'],
    ['issue', 'batch', 'nodes.txt', '--ca-dir', 'inter', '--out', 'cluster'],
    ['csr', 'create', 'worker1', 'worker1.example', '10.9.0.1', '--out', 'req'],
    ['csr', 'sign', 'req/worker1.csr', '--profile', 'server', '--ca-dir', 'inter', '--out', 'req'],
    ['ca', 'create', '--out', 'casty', '--preset', 'casty'],
    ['issue', 'node', '10.1.0.1', '--ca-dir', 'casty', '--out', 'casty-node', '--preset', 'casty'],
  ];
  for (const s of steps) {
    const r = cli(...s);
    if (r.status !== 0) throw new Error(`certbench ${s.join(' ')} failed: ${r.stderr}`);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certbench writes what the issue specifies', () => {
  const files = [
    'root/ca.crt',
    'root/ca.key',
    'inter/ca.crt',
    'inter/ca.key',
    'inter/chain.crt',
    'n1/node.crt',
    'n1/node.key',
    'srv/server.crt',
    'srv/server.key',
    'cl/client.crt',
    'cl/client.key',
    'cluster/node-a/node.crt',
    'cluster/node-a/node.key',
    'cluster/node-b/node.crt',
    'req/worker1.csr',
    'req/worker1.key',
    'req/worker1.crt',
  ];
  for (const f of files) {
    it(`${f} exists${f.endsWith('.key') ? ' with mode 0600' : ''}`, () => {
      const st = statSync(join(dir, f));
      expect(st.size).toBeGreaterThan(100);
      if (f.endsWith('.key')) expect(st.mode & 0o777).toBe(0o600);
    });
  }

  const chains = [
    { name: 'intermediate chain.crt = intermediate + root', input: 'inter/chain.crt', want: 2 },
    { name: 'node under intermediate: leaf + intermediate', input: 'n1/node.crt', want: 2 },
    { name: 'server under root: leaf only', input: 'srv/server.crt', want: 1 },
    { name: 'batch node under intermediate', input: 'cluster/node-b/node.crt', want: 2 },
  ];
  for (const row of chains) it(row.name, () => expect(certCount(read(row.input))).toBe(row.want));

  const verifies = [
    { name: 'node as server', input: { cert: 'n1/node.crt', purpose: 'sslserver' as const }, want: true },
    { name: 'node as client', input: { cert: 'n1/node.crt', purpose: 'sslclient' as const }, want: true },
    { name: 'server (RSA) as server', input: { cert: 'srv/server.crt', purpose: 'sslserver' as const }, want: true },
    { name: 'client as client', input: { cert: 'cl/client.crt', purpose: 'sslclient' as const }, want: true },
    { name: 'client refused as server', input: { cert: 'cl/client.crt', purpose: 'sslserver' as const }, want: false },
    { name: 'batch node-a', input: { cert: 'cluster/node-a/node.crt', purpose: 'sslserver' as const }, want: true },
    { name: 'signed CSR as server', input: { cert: 'req/worker1.crt', purpose: 'sslserver' as const }, want: true },
  ];
  for (const row of verifies) {
    it(`openssl verify: ${row.name}`, async () => {
      const pem = read(row.input.cert);
      const v = await opensslVerify({
        rootPem: read('root/ca.crt'),
        untrustedPem: pem,
        certPem: pem,
        purpose: row.input.purpose,
      });
      expect(v.ok, v.output).toBe(row.want);
    });
  }

  it('the CSR passes openssl req -verify', async () => {
    expect((await opensslReqVerify(read('req/worker1.csr'))).ok).toBe(true);
  });
  it('--key-passphrase-file keys open with openssl pkey -passin', async () => {
    expect(read('cl/client.key')).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/);
    expect((await opensslDecryptKey(read('cl/client.key'), 'open sesame')).ok).toBe(true);
  });
  it('casty preset: CA 365 days, node 90 days', () => {
    expect([days('casty/ca.crt'), days('casty-node/node.crt')]).toEqual([365, 90]);
  });
  it('default validity: root 10 years, leaf 1 year', () => {
    expect([days('root/ca.crt'), days('srv/server.crt')]).toEqual([3650, 365]);
  });
});

describe('refusals go to stderr with a non-zero status', () => {
  const rows = [
    {
      name: 'no overwrite without --force',
      input: ['issue', 'node', 'node1', '--ca-dir', '~/inter', '--out', '~/n1'],
      want: /Refusing to overwrite .*--force/,
    },
    {
      name: 'bad IP names the entry',
      input: ['issue', 'node', 'x', '10.0.0.300', '--ca-dir', '~/inter', '--out', '~/x'],
      want: /sans: "10\.0\.0\.300" is not an IPv4 or IPv6 address/,
    },
    {
      name: 'unknown algorithm',
      input: ['ca', 'create', '--out', '~/y', '--alg', 'dsa'],
      want: /--alg must be one of/,
    },
    {
      name: 'zero days',
      input: ['issue', 'client', 'bob', '--ca-dir', '~/inter', '--out', '~/z', '--days', '0'],
      want: /days: Validity must be a whole number/,
    },
    { name: 'missing --ca-dir', input: ['issue', 'client', 'bob', '--out', '~/z'], want: /--ca-dir is required/ },
    {
      name: 'unknown flag',
      input: ['ca', 'create', '--out', '~/y', '--colour', 'red'],
      want: /Unknown option '--colour'/,
    },
    {
      name: 'CA folder without a CA',
      input: ['issue', 'client', 'bob', '--ca-dir', '~/nowhere', '--out', '~/z'],
      want: /Cannot read .*nowhere\/ca\.crt/,
    },
    {
      name: 'intermediate below pathLen 0',
      input: ['ca', 'intermediate', '--ca-dir', '~/inter', '--out', '~/deeper'],
      want: /path length 0/,
    },
    {
      name: 'a certificate is not a CSR',
      input: ['csr', 'sign', '~/srv/server.crt', '--profile', 'client', '--ca-dir', '~/inter', '--out', '~/w'],
      want: /csr: This is not a certificate request/,
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const r = await cliInProcess(...row.input);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(row.want);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
  it('spawned: a refusal exits non-zero with one line on stderr and nothing on stdout', () => {
    const r = cli('issue', 'node', 'x', '10.0.0.300', '--ca-dir', 'inter', '--out', 'x');
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      '',
      'certbench issue: sans: "10.0.0.300" is not an IPv4 or IPv6 address\n',
    ]);
  });
  it('--force overwrites', () => {
    const before = read('n1/node.crt');
    const r = cli('issue', 'node', 'node1', '10.0.0.1', '--ca-dir', 'inter', '--out', 'n1', '--force');
    expect(r.status, r.stderr).toBe(0);
    expect(read('n1/node.crt')).not.toBe(before);
  });
});

describe('--help on every command', () => {
  const rows = [
    ['ca'],
    ['ca', 'create'],
    ['ca', 'intermediate'],
    ['issue'],
    ['issue', 'node'],
    ['issue', 'server'],
    ['issue', 'client'],
    ['issue', 'batch'],
    ['csr'],
    ['csr', 'create'],
    ['csr', 'sign'],
  ];
  for (const row of rows) {
    it(row.join(' '), async () => {
      const r = await cliInProcess(...row, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: certbench ${row.join(' ')}`));
    });
  }
  it('spawned: certbench issue node --help', () => {
    const r = cli('issue', 'node', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: certbench issue node NAME/);
  });
});
