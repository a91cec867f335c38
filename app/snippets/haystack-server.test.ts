/**
 * The haystack snippet's server, run as printed over stand-ins that build hs_py's contexts the way
 * hs_py/tls.py does (hs_py itself does not install here; its facts are pinned in source-facts.test.ts):
 * TLS 1.3 only, a client certificate from the CA, and a CN on the allow-list. Certificates from the
 * production issuing code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildBundle } from '../layouts/build-bundle.ts';
import { layoutById } from '../layouts/index.ts';
import { writeBundleFiles } from '../layouts/testing/openssl-bundle.ts';
import { startServer, type RunningServer } from '../layouts/testing/processes.ts';
import { requireTool } from '../test/judges/tools.ts';
import { onFreePort } from '../test/ports.ts';
import { snippetContext } from './context.ts';
import { snippetById } from './index.ts';
import type { SnippetContext, SnippetFiles } from './types.ts';
import type { Bundle } from '../layouts/types.ts';
import { PYTHON_SHIMS } from './testing/python-shims.ts';
import { productionPki, type ProductionPki } from './testing/production-pki.ts';

const CLIENT = String.raw`
import socket, ssl, sys
port, ca, version, *pair = sys.argv[1:]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(ca)
if version == "1.2":
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
if pair:
    ctx.load_cert_chain(pair[0], pair[1])
try:
    with socket.create_connection(("127.0.0.1", int(port)), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as s:
            data = s.recv(100).decode().strip()
            print(data if data else "failed: closed without a reply")
except Exception as e:
    print("failed:", e)
`;

let pki: ProductionPki;
let server: RunningServer;
let ctx: SnippetContext;
let foreignClient: SnippetFiles;
let stranger: SnippetFiles;
const scratch = mkdtempSync(join(tmpdir(), 'certbench-haystack-'));

beforeAll(async () => {
  requireTool('python3');
  pki = await productionPki();
  for (const [name, source] of Object.entries(PYTHON_SHIMS)) {
    mkdirSync(dirname(join(scratch, 'py', name)), { recursive: true });
    writeFileSync(join(scratch, 'py', name), source);
  }
  writeFileSync(join(scratch, 'client.py'), CLIENT);
  const root = writeBundleFiles((await buildBundle({ bundle: pki.bundle, layout: 'haystack' })).files);
  foreignClient = await unpackedClient(pki.foreign);
  // "stranger" is a client of the same CA, not on the server's allow-list (the bundle's clients: "app").
  stranger = await unpackedClient({ ...pki.bundle, clients: [pki.stranger] });
  ({ ctx, server } = await onFreePort(async (port) => {
    const c = snippetContext(pki.bundle, layoutById('haystack'), { root, host: 'localhost', port });
    const file = join(mkdtempSync(join(scratch, 'run-')), 'haystack_tls.py');
    writeFileSync(file, snippetById('python-haystack').render(c));
    const s = await startServer('python3', [join(scratch, 'py', 'run_snippet.py'), file, 'serve'], /listening on/, {
      env: { PYTHONPATH: join(scratch, 'py'), PYTHONDONTWRITEBYTECODE: '1' },
    });
    return { ctx: c, server: s };
  }));
}, 60_000);

afterAll(async () => {
  await server.stop();
});

async function unpackedClient(b: Bundle): Promise<SnippetFiles> {
  const root = writeBundleFiles((await buildBundle({ bundle: b, layout: 'generic' })).files);
  return snippetContext(b, layoutById('generic'), { root }).client.files;
}

function ask(version: '1.2' | '1.3', pair: string[]): string {
  const r = spawnSync(
    'python3',
    [join(scratch, 'client.py'), String(ctx.port), ctx.client.files.ca, version, ...pair],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return `${r.stdout}${r.stderr}`.trim();
}

describe('python-haystack: the server it prints keeps its promises', () => {
  it("TLS 1.3 with the cluster's client certificate gets in", () => {
    expect(ask('1.3', [ctx.client.files.cert, ctx.client.files.key])).toBe('hello app');
  });
  it('TLS 1.2 is refused, even with a good certificate', () => {
    expect(ask('1.2', [ctx.client.files.cert, ctx.client.files.key])).toMatch(/^failed: /);
  });
  it('a client without a certificate is refused', () => {
    expect(ask('1.3', [])).toMatch(/^failed: /);
  });
  it("another CA's client is refused", () => {
    expect(ask('1.3', [foreignClient.cert, foreignClient.key])).toMatch(/^failed: /);
  });
  it('a client of the same CA whose CN is not on the allow-list gets no answer', async () => {
    expect(ask('1.3', [stranger.cert, stranger.key])).toBe('failed: closed without a reply');
    // The server's line arrives once the event loop (blocked by spawnSync) reads its pipe again.
    await expect.poll(() => server.output()).toContain('refused: certificate not authorized');
  });
});
