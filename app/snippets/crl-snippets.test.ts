/**
 * The CRL snippets, run: the Node and Python servers they describe refuse the revoked client
 * and answer the other (the Node client snippet dials them), the openssl script says
 * "certificate revoked" for one and exits 0 for the other, and the ScyllaDB fragment puts the
 * CRL under ScyllaDB's spelling in both sections. The PKI and the CRL come from certbench's core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createRootCa } from '../pki/ca.ts';
import { issueCrl } from '../pki/crl.ts';
import { issueLeaf } from '../pki/issue.ts';
import { emptyRevocationList } from '../pki/revocation-list.ts';
import { revokeCertificate } from '../pki/revoke.ts';
import { startServer, type RunningServer } from '../layouts/testing/processes.ts';
import { requireTool } from '../test/judges/tools.ts';
import { onFreePort } from '../test/ports.ts';
import { snippetById } from './index.ts';
import type { SnippetClient, SnippetContext } from './types.ts';

let dir: string;
const p = (name: string) => join(dir, name);
let base: Omit<SnippetContext, 'port'>;
let clients: Record<'good' | 'revoked', SnippetClient>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-crl-snippets-'));
  const ca = await createRootCa({ subject: { commonName: 'Snippet CRL CA' } });
  const node = await issueLeaf({ profile: 'node', commonName: 'localhost', sans: '127.0.0.1' }, ca);
  const good = await issueLeaf({ profile: 'client', commonName: 'good-app' }, ca);
  const revoked = await issueLeaf({ profile: 'client', commonName: 'revoked-app' }, ca);
  const list = await revokeCertificate(emptyRevocationList(), revoked.certPem, ca.certPem, 'keyCompromise');
  const crl = await issueCrl(ca, list);
  const files = {
    'ca.crt': ca.certPem,
    'node.crt': node.chainPem,
    'node.key': node.keyPem,
    'crl.pem': crl.pem,
    'good.crt': good.chainPem,
    'good.key': good.keyPem,
    'revoked.crt': revoked.chainPem,
    'revoked.key': revoked.keyPem,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(p(name), text);
  const client = (name: 'good' | 'revoked'): SnippetClient => ({
    name: `${name}-app`,
    commonName: `${name}-app`,
    files: { cert: p(`${name}.crt`), key: p(`${name}.key`), ca: p('ca.crt') },
  });
  clients = { good: client('good'), revoked: client('revoked') };
  const nodeEntry = {
    name: 'node-1',
    dns: ['localhost'],
    ips: ['127.0.0.1'],
    files: { cert: p('node.crt'), key: p('node.key'), ca: p('ca.crt') },
  };
  base = {
    cluster: 'crl-test',
    layout: 'generic',
    root: dir,
    node: nodeEntry,
    nodes: [nodeEntry],
    client: clients.good,
    clients: [clients.good, clients.revoked],
    host: 'localhost',
    nodeKeyPasswordEnv: null,
    clientKeyPasswordEnv: null,
    storePasswordPlaceholder: 'CHANGE-ME',
    crl: p('crl.pem'),
  };
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeSnippet(id: string, ctx: SnippetContext, ext: string): string {
  const file = join(mkdtempSync(join(dir, 'snippet-')), `${id}${ext}`);
  writeFileSync(file, snippetById(id).render(ctx));
  return file;
}

describe('CRL server snippets refuse the revoked client in a real handshake', () => {
  const servers = [
    // Node's tlsClientError for a revoked client reads "socket hang up", not the reason; that the
    // good client of the same CA is answered shows the CRL made the difference.
    { id: 'node-tls-crl', command: () => process.execPath, ext: '.mjs', refusal: /refused a client: / },
    {
      id: 'python-ssl-crl',
      command: () => (requireTool('python3'), 'python3'),
      ext: '.py',
      refusal: /refused a client: .*certificate revoked/,
    },
  ];
  for (const s of servers) {
    for (const row of [
      { client: 'good', accepted: true },
      { client: 'revoked', accepted: false },
    ] as const) {
      it(`${s.id}: the ${row.client} client is ${row.accepted ? 'answered' : 'refused'}`, async () => {
        let server: RunningServer | undefined;
        const port = await onFreePort(async (port) => {
          server = await startServer(s.command(), [writeSnippet(s.id, { ...base, port }, s.ext)], /listening on port/);
          return port;
        });
        try {
          const dial = writeSnippet('node-tls-client', { ...base, port, client: clients[row.client] }, '.mjs');
          const r = spawnSync(process.execPath, [dial], { encoding: 'utf8', timeout: 20_000 });
          expect(r.status === 0, r.stdout + r.stderr).toBe(row.accepted);
          if (row.accepted) expect(r.stdout).toContain('hello good-app');
        } finally {
          await server?.stop();
        }
        if (!row.accepted) expect(server?.output()).toMatch(s.refusal);
      });
    }
  }
});

describe('openssl-crl-check', () => {
  for (const row of [
    { client: 'good', accepted: true },
    { client: 'revoked', accepted: false },
  ] as const) {
    it(`the ${row.client} client: exit ${row.accepted ? '0' : 'non-zero'}`, () => {
      requireTool('openssl');
      const r = spawnSync('sh', [writeSnippet('openssl-crl-check', { ...base, client: clients[row.client] }, '.sh')], {
        encoding: 'utf8',
      });
      expect(r.status === 0, r.stdout + r.stderr).toBe(row.accepted);
      expect(r.stderr).toContain('verify OK'); // the CRL's own signature, first
      if (!row.accepted) expect(r.stdout + r.stderr).toMatch(/certificate revoked/);
    });
  }
});

describe('scylla-crl', () => {
  it("puts the CRL under ScyllaDB's spelling in both encryption sections", () => {
    const doc = parseYaml(snippetById('scylla-crl').render({ ...base, layout: 'scylla' })) as Record<
      string,
      Record<string, string>
    >;
    expect(doc.server_encryption_options?.certficate_revocation_list).toBe(p('crl.pem'));
    expect(doc.client_encryption_options?.certficate_revocation_list).toBe(p('crl.pem'));
  });
});
