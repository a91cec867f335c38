/**
 * Snippets run as printed with the real libraries that install here: Node's tls/https, undici 7,
 * uvicorn 0.17 and cassandra-driver 3.25 under Debian's /usr/bin/python3 (python3-uvicorn,
 * python3-cassandra, python3-httpx), openssl and certbench's own CLI. Certificates come from the
 * production issuing code. Each run checks what the snippet promises: a client without a certificate
 * and a client of another CA are refused; a client refuses a server that names another host, or that
 * another CA issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildBundle } from '../layouts/build-bundle.ts';
import { layoutById } from '../layouts/index.ts';
import type { Bundle, BundleNode, LayoutId } from '../layouts/types.ts';
import { writeBundleFiles } from '../layouts/testing/openssl-bundle.ts';
import { startServer, type RunningServer } from '../layouts/testing/processes.ts';
import { requireTool } from '../test/judges/tools.ts';
import { onFreePort } from '../test/ports.ts';
import { snippetContext } from './context.ts';
import { snippetById } from './index.ts';
import type { SnippetContext, SnippetFiles } from './types.ts';
import { productionPki, type ProductionPki } from './testing/production-pki.ts';
import {
  COODIE_OVER_CASSANDRA_DRIVER,
  CQLSH_CONNECT,
  HTTPX_CLIENT,
  SERVER_JUDGE,
  TLS_CLIENT_JUDGE,
} from './testing/judges-tls.ts';

/** Debian's python: the one python3-uvicorn, python3-cassandra and python3-httpx install into. */
const DEBIAN_PYTHON = '/usr/bin/python3';
const REPO = resolve(import.meta.dirname, '../..');

let pki: ProductionPki;
const scratch = mkdtempSync(join(tmpdir(), 'certbench-real-'));
const bin = join(scratch, 'bin');
const servers: RunningServer[] = [];

/** Fail loudly, naming the Debian package, when a module the snippets need is not importable by /usr/bin/python3. */
function requireDebianModules(packages: Record<string, string>): void {
  for (const [module, pkg] of Object.entries(packages)) {
    const r = spawnSync(DEBIAN_PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (r.error || r.status !== 0)
      throw new Error(`${DEBIAN_PYTHON} cannot import ${module}: install it with apt-get install -y ${pkg}`);
  }
}

function write(path: string, text: string, mode = 0o644): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode });
  return path;
}

beforeAll(async () => {
  requireTool('openssl');
  requireDebianModules({ uvicorn: 'python3-uvicorn', cassandra: 'python3-cassandra', httpx: 'python3-httpx' });
  pki = await productionPki();
  // The commands the printed shell snippets call, as a user has them on PATH.
  write(join(bin, 'uvicorn'), `#!/bin/sh\nexec ${DEBIAN_PYTHON} -m uvicorn "$@"\n`, 0o755);
  write(
    join(bin, 'certbench'),
    `#!/bin/sh\nexec ${process.execPath} ${join(REPO, 'app/cli/certbench.mjs')} "$@"\n`,
    0o755,
  );
  // Node resolves the undici snippet's bare import from the folder the file is in, as after `npm install undici`.
  symlinkSync(join(REPO, 'node_modules'), join(scratch, 'node_modules'));
  for (const [name, source] of Object.entries(COODIE_OVER_CASSANDRA_DRIVER)) write(join(scratch, 'py', name), source);
  write(join(scratch, 'judge-server.mjs'), SERVER_JUDGE);
  write(join(scratch, 'judge-tls-client.mjs'), TLS_CLIENT_JUDGE);
  write(join(scratch, 'httpx-client.py'), HTTPX_CLIENT);
  write(join(scratch, 'cqlsh-connect.py'), CQLSH_CONNECT);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** `b` unpacked for `layout` by the production bundle builder, and the snippet context pointing into it. */
async function unpacked(b: Bundle, layout: LayoutId, port: number, host = 'localhost'): Promise<SnippetContext> {
  const built = await buildBundle({ bundle: b, layout });
  return snippetContext(b, layoutById(layout), { root: writeBundleFiles(built.files), host, port });
}

function writeSnippet(id: string, ctx: SnippetContext, file: string): string {
  return write(join(mkdtempSync(join(scratch, 'run-')), file), snippetById(id).render(ctx));
}

function runTo(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { status: number; out: string } {
  const r = spawnSync(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

async function started(server: Promise<RunningServer>): Promise<RunningServer> {
  const s = await server;
  servers.push(s);
  return s;
}

/** A judge server with `files` (a node's cert, key and the CA it trusts for clients), on a port that was free. */
function judgeServer(
  files: { cert: string; key: string; ca: string },
  mode: 'tls' | 'https',
): Promise<{ port: number; server: RunningServer }> {
  return onFreePort(async (port) => ({
    port,
    server: await started(
      startServer(
        process.execPath,
        [join(scratch, 'judge-server.mjs'), files.cert, files.key, files.ca, String(port), mode],
        /listening on port/,
      ),
    ),
  }));
}

/** Files of one node of `b`, unpacked with the generic layout. */
async function nodeFiles(b: Bundle, n: BundleNode): Promise<SnippetFiles> {
  const ctx = await unpacked({ ...b, nodes: [n] }, 'generic', 1);
  return ctx.node.files;
}

/** The servers a client snippet meets: the right one, one naming another host, one of another CA. */
type ServerCase = 'right' | 'another host' | 'another CA';
async function serverFiles(which: ServerCase, trustedCa: string): Promise<{ cert: string; key: string; ca: string }> {
  const files =
    which === 'right'
      ? await nodeFiles(pki.bundle, pki.bundle.nodes[0]!)
      : which === 'another host'
        ? await nodeFiles(pki.bundle, pki.elsewhere)
        : await nodeFiles(pki.foreign, pki.foreign.nodes[0]!);
  return { cert: files.cert, key: files.key, ca: trustedCa };
}

describe('client snippets accept the right server only (Node tls/https, undici 7, cassandra-driver 3.25)', () => {
  const clients: {
    id: string;
    file: string;
    mode: 'tls' | 'https';
    host?: string;
    run: (file: string) => { status: number; out: string };
  }[] = [
    { id: 'node-tls-client', file: 'client.mjs', mode: 'tls', run: (f) => runTo(process.execPath, [f]) },
    {
      id: 'node-tls-client',
      file: 'client.mjs',
      mode: 'tls',
      host: '127.0.0.1',
      run: (f) => runTo(process.execPath, [f]),
    },
    { id: 'node-https-request', file: 'https-client.mjs', mode: 'https', run: (f) => runTo(process.execPath, [f]) },
    { id: 'node-fetch-undici', file: 'fetch-client.mjs', mode: 'https', run: (f) => runTo(process.execPath, [f]) },
    {
      id: 'python-coodie-sync',
      file: 'db.py',
      mode: 'tls',
      run: (f) => runTo(DEBIAN_PYTHON, [f], { env: { PYTHONPATH: join(scratch, 'py') } }),
    },
    {
      id: 'python-coodie-async',
      file: 'db_async.py',
      mode: 'tls',
      run: (f) => runTo(DEBIAN_PYTHON, [f], { env: { PYTHONPATH: join(scratch, 'py') } }),
    },
  ];
  const cases: { server: ServerCase; accepted: boolean }[] = [
    { server: 'right', accepted: true },
    { server: 'another host', accepted: false },
    { server: 'another CA', accepted: false },
  ];
  for (const c of clients) {
    for (const row of cases) {
      it(`${c.id}${c.host ? ` dialling ${c.host}` : ''}: ${row.server === 'right' ? "completes mutual TLS with the cluster's node" : `refuses a server of ${row.server}`}`, async () => {
        const ctx0 = await unpacked(pki.bundle, 'generic', 1);
        const { port, server } = await judgeServer(await serverFiles(row.server, ctx0.client.files.ca), c.mode);
        // The client dials the IP for the drivers (their hosts are the nodes' IPs), the name for Node.
        const ctx = await unpacked(pki.bundle, 'generic', port, c.host);
        const r = c.run(writeSnippet(c.id, ctx, c.file));
        await server.stop();
        if (row.accepted) {
          expect(server.output(), r.out).toContain('accepted app');
          if (!c.id.startsWith('python-coodie')) expect(r.status, r.out).toBe(0);
        } else {
          expect(server.output()).not.toContain('accepted');
          expect(r.status, r.out).not.toBe(0);
          expect(r.out).toMatch(
            /certificate|altnames|IP address mismatch|self.signed|unable to verify|UNABLE_TO_GET_ISSUER|Hostname/i,
          );
        }
      });
    }
  }

  it("the undici comment holds: Node's global fetch takes the snippet's undici 7 Agent as dispatcher", async () => {
    const ctx0 = await unpacked(pki.bundle, 'generic', 1);
    const { port, server } = await judgeServer(await serverFiles('right', ctx0.client.files.ca), 'https');
    const ctx = await unpacked(pki.bundle, 'generic', port);
    const text = snippetById('node-fetch-undici').render(ctx);
    expect(text).toContain("import { Agent, fetch } from 'undici';");
    const file = write(
      join(mkdtempSync(join(scratch, 'run-')), 'global-fetch.mjs'),
      text.replace("import { Agent, fetch } from 'undici';", "import { Agent } from 'undici';"),
    );
    const r = runTo(process.execPath, [file]);
    await server.stop();
    expect(r.out).toBe('200 hello app\n\n');
    expect(server.output()).toContain('accepted app');
  });
});

describe('cqlshrc, read as cqlsh reads it, over cassandra-driver 3.25: the chain is checked, the name is not (its caution says so)', () => {
  const rows: { server: ServerCase; accepted: boolean }[] = [
    { server: 'right', accepted: true },
    { server: 'another CA', accepted: false },
    { server: 'another host', accepted: true }, // the limitation the snippet and its caution state
  ];
  for (const row of rows) {
    it(`a server of ${row.server}: ${row.accepted ? 'accepted' : 'refused'}`, async () => {
      const ctx0 = await unpacked(pki.bundle, 'scylla', 1);
      const { port, server } = await judgeServer(await serverFiles(row.server, ctx0.client.files.ca), 'tls');
      const ctx = await unpacked(pki.bundle, 'scylla', port, '127.0.0.1');
      const r = runTo(DEBIAN_PYTHON, [join(scratch, 'cqlsh-connect.py'), writeSnippet('cqlshrc', ctx, 'cqlshrc')]);
      await server.stop();
      if (row.accepted) expect(server.output(), r.out).toContain('accepted app');
      else {
        expect(server.output()).not.toContain('accepted');
        expect(r.out).toMatch(/certificate verify failed/);
      }
      expect(snippetById('cqlshrc').caution?.(ctx)).toMatch(/not its host name/);
    });
  }
});

/** Clients a server snippet meets: with the cluster's client certificate, with none, with another CA's. */
const clientCases: { name: string; cert: 'cluster' | 'none' | 'foreign'; accepted: boolean }[] = [
  { name: "the cluster's client gets in", cert: 'cluster', accepted: true },
  { name: 'a client without a certificate is refused', cert: 'none', accepted: false },
  { name: "another CA's client is refused", cert: 'foreign', accepted: false },
];

async function clientPair(which: 'cluster' | 'none' | 'foreign'): Promise<string[]> {
  if (which === 'none') return [];
  const b = which === 'cluster' ? pki.bundle : pki.foreign;
  const files = (await unpacked(b, 'generic', 1)).client.files;
  return [files.cert, files.key];
}

describe('node-tls-server refuses clients it should (Node tls)', () => {
  for (const row of clientCases) {
    it(row.name, async () => {
      const { ctx, server } = await onFreePort(async (port) => {
        const c = await unpacked(pki.bundle, 'generic', port);
        return {
          ctx: c,
          server: await started(
            startServer(process.execPath, [writeSnippet('node-tls-server', c, 'server.mjs')], /listening on port/),
          ),
        };
      });
      const r = runTo(process.execPath, [
        join(scratch, 'judge-tls-client.mjs'),
        '127.0.0.1',
        String(ctx.port),
        'localhost',
        ctx.client.files.ca,
        ...(await clientPair(row.cert)),
      ]);
      await server.stop();
      if (row.accepted) expect(r.out.trim()).toBe('hello app');
      else {
        expect(r.out).toMatch(/^failed: /);
        expect(server.output()).toContain('refused a client');
      }
    });
  }
});

/** Ask an HTTPS server with Python's httpx (real library); the server's certificate is checked for `host`. */
async function httpx(host: string, port: number, ca: string, cert: 'cluster' | 'none' | 'foreign'): Promise<string> {
  return runTo(DEBIAN_PYTHON, [
    join(scratch, 'httpx-client.py'),
    `https://${host}:${port}/`,
    ca,
    ...(await clientPair(cert)),
  ]).out.trim();
}

const ASGI_APP = `async def app(scope, receive, send):
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"hello"})
`;

describe('uvicorn snippet, run as printed with uvicorn 0.17: --ssl-cert-reqs 2 refuses clients without a certificate from the CA', () => {
  for (const row of clientCases) {
    it(row.name, async () => {
      const { ctx, server } = await onFreePort(async (port) => {
        const c = await unpacked(pki.bundle, 'generic', port);
        const file = writeSnippet('uvicorn', c, 'serve.sh');
        write(join(dirname(file), 'myapp.py'), ASGI_APP);
        return {
          ctx: c,
          server: await started(
            startServer('sh', [file], /Uvicorn running on/, {
              cwd: dirname(file),
              env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
              group: true,
            }),
          ),
        };
      });
      const answer = await httpx('localhost', ctx.port ?? 0, ctx.client.files.ca, row.cert);
      await server.stop();
      expect(answer).toMatch(row.accepted ? /^200 hello$/ : /^failed: /);
    });
  }
});

describe('crank-cert-dir, run as printed: key and CSR by openssl, certbench csr sign, uvicorn requiring client certificates', () => {
  for (const row of clientCases) {
    it(row.name, async () => {
      const { ctx, server, cwd } = await onFreePort(async (port) => {
        const worker = { ...pki.bundle, nodes: [pki.bundle.nodes[0]!], clients: [] };
        const c = snippetContext(worker, layoutById('crank'), {
          root: mkdtempSync(join(scratch, 'certdir-')),
          host: 'localhost',
          port,
        });
        const file = writeSnippet('crank-cert-dir', c, 'crank-worker.sh');
        const dir = dirname(file);
        // The CA side's folder, as `certbench ca create` writes it (ca.crt, ca.key): the cluster's CA.
        write(join(dir, 'ca', 'ca.crt'), pki.ca.certPem);
        write(join(dir, 'ca', 'ca.key'), pki.ca.keyPem, 0o600);
        write(join(dir, 'services', 'crank_streaming.py'), ASGI_APP);
        write(join(dir, 'services', '__init__.py'), '');
        return {
          ctx: c,
          cwd: dir,
          server: await started(
            startServer('sh', ['-e', file], /Uvicorn running on/, {
              cwd: dir,
              env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
              group: true,
              timeoutMs: 60_000,
            }),
          ),
        };
      });
      const answer = await httpx('localhost', ctx.port ?? 0, join(cwd, 'ca', 'ca.crt'), row.cert);
      await server.stop();
      expect(answer).toMatch(row.accepted ? /^200 hello$/ : /^failed: /);
      expect(server.output()).toContain('client.crt: OK'); // the snippet's own openssl verify of what came back
    });
  }
});

describe('crank bundle: only what the CA side gives out', () => {
  it('certificates and ca.crt, no private key', async () => {
    const built = await buildBundle({ bundle: pki.bundle, layout: 'crank' });
    const paths = built.files.map((f) => f.path);
    expect(paths).toEqual([
      'ca.crt',
      'node-1/client.crt',
      'node-1/ca.crt',
      'app/client.crt',
      'app/ca.crt',
      'README.txt',
    ]);
    expect(built.containsPlaintextKeys).toBe(false);
    expect(built.files.some((f) => typeof f.contents === 'string' && f.contents.includes('PRIVATE KEY'))).toBe(false);
  });
});
