/**
 * Snippets that run: the Node server snippet with a bundle's node files, against the Node client
 * snippet and the Python snippets (through stand-ins of their libraries that build the same ssl
 * contexts), all with mutual TLS and Python's VERIFY_X509_STRICT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildBundle } from '../layouts/build-bundle.ts';
import { layoutById } from '../layouts/index.ts';
import type { Bundle, LayoutId, LayoutOptions } from '../layouts/types.ts';
import { opensslBundle, opensslFormats, writeBundleFiles } from '../layouts/testing/openssl-bundle.ts';
import { startServer, type RunningServer } from '../layouts/testing/processes.ts';
import { requireTool } from '../test/judges/tools.ts';
import { onFreePort } from '../test/ports.ts';
import { snippetContext, KEY_PASSWORD_ENV } from './context.ts';
import { snippetById } from './index.ts';
import type { SnippetContext } from './types.ts';
import { PYTHON_SHIMS } from './testing/python-shims.ts';
import { STORE_PASSWORD_ENV } from './node-tls.ts';

const PASSPHRASE = 'pässphrase-for-tests';
let bundle: Bundle;
let foreign: Bundle;
const servers: RunningServer[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'certbench-snippet-run-'));

beforeAll(() => {
  bundle = opensslBundle().bundle; // node-1: DNS localhost + IP 127.0.0.1; client "app"
  foreign = opensslBundle({ cluster: 'other' }).bundle; // another CA entirely
  for (const [name, source] of Object.entries(PYTHON_SHIMS)) {
    const path = join(scratch, 'py', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** Run a snippet to completion with the key passphrase and the Python stand-ins in its environment. */
function runSnippet(command: string, args: string[], port: number): { status: number; stdout: string; stderr: string } {
  const env = {
    ...process.env,
    [KEY_PASSWORD_ENV]: PASSPHRASE,
    CERTBENCH_ADDR: `127.0.0.1:${port}`,
    PYTHONPATH: join(scratch, 'py'),
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const r = spawnSync(command, args, { env, encoding: 'utf8', input: '', timeout: 20_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Unpack `b` laid out for `layout`, and the snippet context pointing into it. */
async function unpacked(b: Bundle, layout: LayoutId, options: LayoutOptions, port: number): Promise<SnippetContext> {
  const built = await buildBundle({ bundle: b, layout, options, formats: opensslFormats() });
  const root = writeBundleFiles(built.files);
  return snippetContext(b, layoutById(layout), { root, host: 'localhost', port, layoutOptions: options });
}

function writeSnippet(id: string, ctx: SnippetContext, ext: string): string {
  const file = join(mkdtempSync(join(scratch, 'snippet-')), `${id}${ext}`);
  writeFileSync(file, snippetById(id).render(ctx));
  return file;
}

/** The Node server snippet, running with `ctx`'s node files. */
async function nodeServer(ctx: SnippetContext): Promise<RunningServer> {
  const server = await startServer(
    process.execPath,
    [writeSnippet('node-tls-server', ctx, '.mjs')],
    /listening on port/,
    { env: { [KEY_PASSWORD_ENV]: PASSPHRASE, [STORE_PASSWORD_ENV]: PASSPHRASE } },
  );
  servers.push(server);
  return server;
}

/** `b` unpacked for `layout` and the Node server snippet listening with its node files, on a port that was free. */
function servingNode(
  b: Bundle,
  layout: LayoutId,
  options: LayoutOptions,
): Promise<{ port: number; ctx: SnippetContext; server: RunningServer }> {
  return onFreePort(async (port) => {
    const ctx = await unpacked(b, layout, options, port);
    return { port, ctx, server: await nodeServer(ctx) };
  });
}

describe('Node snippets: server and client complete mutual TLS', () => {
  const rows: { name: string; layout: LayoutId; options: LayoutOptions }[] = [
    { name: 'generic, plaintext keys', layout: 'generic', options: {} },
    {
      name: 'generic, encrypted PKCS#8 keys with a passphrase',
      layout: 'generic',
      options: { keyPassphrase: PASSPHRASE },
    },
    { name: 'casty files', layout: 'casty', options: {} },
    { name: 'haystack files, encrypted keys', layout: 'haystack', options: { keyPassphrase: PASSPHRASE } },
    { name: 'scylla node and cqlsh files', layout: 'scylla', options: {} },
    {
      name: 'cassandra PKCS#12 keystore read as pfx (bug: the .p12 was read as a PEM cert and key)',
      layout: 'cassandra',
      options: { cassandraFormat: 'pkcs12', storePassword: PASSPHRASE },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { port, ctx, server } = await servingNode(bundle, row.layout, row.options);
      const client = runSnippet(process.execPath, [writeSnippet('node-tls-client', ctx, '.mjs')], port);
      await server.stop();
      expect(client.stderr).toBe('');
      expect(client.status).toBe(0);
      expect(client.stdout).toContain('server certificate verified for localhost');
      expect(client.stdout).toContain('hello app'); // the server saw the client's CN
    });
  }

  it('the server refuses a client whose certificate another CA issued', async () => {
    const { port, ctx, server } = await servingNode(bundle, 'generic', {});
    const other = await unpacked(foreign, 'generic', {}, port);
    const impostor = { ...ctx, client: { ...ctx.client, files: { ...other.client.files, ca: ctx.client.files.ca } } };
    const client = runSnippet(process.execPath, [writeSnippet('node-tls-client', impostor, '.mjs')], port);
    await server.stop();
    expect(client.stdout).not.toContain('hello');
    expect(client.status).toBe(1);
    expect(server.output()).toContain('refused a client');
  });
});

describe('Python snippets: their ssl contexts complete mutual TLS with the Node server (VERIFY_X509_STRICT)', () => {
  const rows: {
    name: string;
    snippet: string;
    layout: LayoutId;
    options: LayoutOptions;
    steps: string[];
    want: string[];
  }[] = [
    {
      name: 'coodie sync (cassandra-driver context)',
      snippet: 'python-coodie-sync',
      layout: 'scylla',
      options: {},
      steps: [],
      want: ['hello app'],
    },
    {
      name: 'coodie async',
      snippet: 'python-coodie-async',
      layout: 'cassandra',
      options: {},
      steps: [],
      want: ['hello app'],
    },
    {
      name: 'coodie sync with an encrypted client key',
      snippet: 'python-coodie-sync',
      layout: 'generic',
      options: { keyPassphrase: PASSPHRASE },
      steps: [],
      want: ['hello app'],
    },
    {
      name: 'acsylla with PEM strings and an encrypted key',
      snippet: 'python-acsylla',
      layout: 'generic',
      options: { keyPassphrase: PASSPHRASE },
      steps: [],
      want: ['hello app'],
    },
    {
      name: 'casty >= 0.21 node and ClusterClient',
      snippet: 'python-casty',
      layout: 'casty',
      options: {},
      steps: ['run_node', 'run_client'],
      want: ['hello localhost', 'hello app'],
    },
    {
      name: 'casty 2 node (casty.start) and client (casty.connect)',
      snippet: 'python-casty-v2',
      layout: 'casty',
      options: {},
      steps: ['run_node', 'run_client'],
      want: ['hello localhost', 'hello app'],
    },
    {
      name: 'haystack TLSConfig with key_password (TLS 1.3)',
      snippet: 'python-haystack',
      layout: 'haystack',
      options: { keyPassphrase: PASSPHRASE },
      steps: ['about'],
      want: ['TLSv1.3 hello app'],
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const { port, ctx, server } = await servingNode(bundle, row.layout, row.options);
      const file = writeSnippet(row.snippet, ctx, '.py');
      requireTool('python3');
      const r = runSnippet('python3', [join(scratch, 'py', 'run_snippet.py'), file, ...row.steps], port);
      await server.stop();
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const handshakes = r.stdout.split('\n').filter((l) => l.startsWith('HANDSHAKE'));
      expect(handshakes.length).toBe(row.want.length);
      row.want.forEach((w, i) => expect(handshakes[i]).toContain(w));
    });
  }
});

const HTTPS_JUDGE = String.raw`
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
const [cert, key, ca, port] = process.argv.slice(2);
createServer({ cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(ca), passphrase: process.env.TLS_KEY_PASSWORD, requestCert: true, rejectUnauthorized: true }, (req, res) => {
  res.end('hello ' + req.socket.getPeerCertificate().subject.CN + '\n');
}).listen(Number(port), '127.0.0.1', () => console.log('listening on port ' + port));
`;

/** The https judge listening with `ctx`'s node files, on a port that was free. */
function servingHttps(
  options: LayoutOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ port: number; ctx: SnippetContext; server: RunningServer }> {
  return onFreePort(async (port) => {
    const ctx = await unpacked(bundle, 'generic', options, port);
    const judge = join(mkdtempSync(join(scratch, 'judge-')), 'https-judge.mjs');
    writeFileSync(judge, HTTPS_JUDGE);
    const n = ctx.node.files;
    const server = await startServer(
      process.execPath,
      [judge, n.fullchain ?? n.cert, n.key, n.ca, String(port)],
      /listening on port/,
      { env },
    );
    servers.push(server);
    return { port, ctx, server };
  });
}

describe('HTTPS client snippets against a Node https server that requires client certificates', () => {
  it('https.request with the client certificate gets an answer', async () => {
    const { port, ctx, server } = await servingHttps(
      { keyPassphrase: PASSPHRASE },
      { [KEY_PASSWORD_ENV]: PASSPHRASE, [STORE_PASSWORD_ENV]: PASSPHRASE },
    );
    const client = runSnippet(process.execPath, [writeSnippet('node-https-request', ctx, '.mjs')], port);
    await server.stop();
    expect(client.stderr).toBe('');
    expect(client.stdout).toBe('HTTP 200\nhello app\n');
  });

  it("check-commands' verify, s_client and curl lines all pass against the running server", async () => {
    requireTool('openssl');
    const { ctx, server } = await servingHttps({}, {});
    const r = spawnSync('sh', ['-e', '-c', snippetById('check-commands').render(ctx)], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    await server.stop();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('node-1.fullchain.pem: OK'); // what the node presents, intermediates included
    expect(r.stdout).toContain('app.fullchain.pem: OK');
    expect(r.stdout).toContain('Hostname localhost does match certificate');
    expect(r.stderr).toContain('Verification: OK'); // s_client -brief reports on stderr
    expect(r.stdout).toMatch(/hello app\n$/); // curl's answer, last
  });
});
