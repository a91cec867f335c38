import { describe, expect, it } from 'vitest';
import { opensslMakeCsr, opensslVerify, requireTool, run, withFiles, nodeTlsHandshake } from '../test/judges/index.ts';
import { OPS } from './ops.ts';
import { decodeClusterWire } from './cluster-wire.ts';
import type { OpContext } from './protocol.ts';
import type { IssuerInput } from './pki-contract.ts';

const dns = (value: string) => ({ kind: 'dns', value });
const ip = (value: string) => ({ kind: 'ip', value });
const ctx = (signal = new AbortController().signal, seen: number[] = []): OpContext => ({
  signal,
  progress: (d) => seen.push(d),
});

async function root(cn = 'Test Root'): Promise<IssuerInput> {
  const ca = await OPS.createCa({ subject: { commonName: cn }, keyAlgorithm: 'p256', days: 3650 });
  return { certPem: ca.certPem, keyPem: ca.keyPem ?? '' };
}

describe('cluster setup (the Cluster view without the view)', () => {
  it('3 nodes and 1 client: judged by openssl per purpose and a Node mTLS handshake, progress to the end', async () => {
    requireTool('openssl');
    const seen: number[] = [];
    const made = decodeClusterWire(
      await OPS.setUpCluster(
        {
          cluster: 'prod',
          nodes: 'n1 10.0.0.1 n1.db\nn2 10.0.0.2\nn3 n3.db',
          clients: ['app'],
          target: 'scylla',
          keyAlgorithm: 'p256',
          caDays: 3650,
          leafDays: 90,
        },
        ctx(undefined, seen),
      ),
    );
    expect(made.nodes.map((n) => [n.name, n.meta.sans])).toEqual([
      ['n1', [dns('n1'), ip('10.0.0.1'), dns('n1.db')]],
      ['n2', [dns('n2'), ip('10.0.0.2')]],
      ['n3', [dns('n3'), dns('n3.db')]],
    ]);
    expect(seen.at(-1)).toBe(5);
    for (const n of made.nodes) {
      for (const purpose of ['sslserver', 'sslclient'] as const) {
        const v = await opensslVerify({ rootPem: made.ca.certPem, certPem: n.certPem, purpose });
        expect(v.ok, v.output).toBe(true);
      }
    }
    const client = made.clients[0];
    expect(
      (await opensslVerify({ rootPem: made.ca.certPem, certPem: client?.certPem ?? '', purpose: 'sslclient' })).ok,
    ).toBe(true);
    expect(
      (await opensslVerify({ rootPem: made.ca.certPem, certPem: client?.certPem ?? '', purpose: 'sslserver' })).ok,
    ).toBe(false);
    const server = made.nodes[0];
    const shake = await nodeTlsHandshake({
      server: { certPem: server?.certPem ?? '', keyPem: server?.keyPem ?? '', caPem: made.ca.certPem },
      client: { certPem: client?.certPem ?? '', keyPem: client?.keyPem ?? '', caPem: made.ca.certPem },
      serverName: '10.0.0.1',
    });
    expect(shake).toMatchObject({ ok: true, peerCommonName: 'app' });
    // The chain above every leaf is the new root, sent once; the client's facts are its certificate's.
    expect(made.leafChainPem).toBe(made.ca.certPem);
    expect(client?.meta).toMatchObject({ subject: 'CN=app', issuer: 'CN=prod CA', profile: 'client' });
  });

  const badRows = [
    {
      name: 'a bad SAN names its line',
      input: { nodes: 'n1 10.0.0.1\nn2 10.0.0.300' },
      wantError: { code: 'invalid-argument', field: 'nodes' },
    },
    { name: 'no nodes', input: { nodes: '  \n# only a comment' }, wantError: { field: 'nodes' } },
    { name: 'a client name with a slash', input: { nodes: 'n1', clients: ['a/b'] }, wantError: { field: 'clients' } },
  ];
  for (const row of badRows) {
    it(row.name, async () => {
      await expect(
        OPS.setUpCluster(
          { cluster: 'c', clients: [], target: 'generic', keyAlgorithm: 'p256', caDays: 10, leafDays: 5, ...row.input },
          ctx(),
        ),
      ).rejects.toMatchObject(row.wantError);
    });
  }

  it('cancel stops the batch', async () => {
    const controller = new AbortController();
    const lines = Array.from({ length: 200 }, (_, i) => `n${i} 10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`).join(
      '\n',
    );
    const seen: number[] = [];
    const running = OPS.setUpCluster(
      { cluster: 'big', nodes: lines, clients: [], target: 'generic', keyAlgorithm: 'p256', caDays: 10, leafDays: 5 },
      {
        signal: controller.signal,
        // Progress is thinned out (throttled-progress.ts): cancel at the first report of the nodes.
        progress: (d) => {
          seen.push(d);
          if (d >= 1) controller.abort();
        },
      },
    );
    await expect(running).rejects.toBeDefined();
    expect(Math.max(...seen)).toBeLessThan(201);
  });
});

describe('authorities, issue and CSR ops', () => {
  it('root → intermediate → server leaf verifies with openssl through the chain the workspace keeps', async () => {
    const r = await root();
    const inter = await OPS.createCa({
      subject: { commonName: 'Issuing' },
      keyAlgorithm: 'p384',
      days: 1000,
      pathLength: 0,
      issuer: r,
    });
    expect(inter.chainPem.trim()).toBe(r.certPem.trim());
    const leaf = await OPS.issueCertificate({
      profile: 'server',
      commonName: 'web.example',
      sans: '10.9.9.9',
      keyAlgorithm: 'p256',
      days: 30,
      issuer: { certPem: inter.certPem, keyPem: inter.keyPem ?? '', chainPem: inter.chainPem },
    });
    expect(leaf.meta.sans).toEqual([dns('web.example'), ip('10.9.9.9')]);
    const v = await opensslVerify({
      rootPem: r.certPem,
      untrustedPem: inter.certPem,
      certPem: leaf.certPem,
      purpose: 'sslserver',
    });
    expect(v.ok, v.output).toBe(true);
    expect(leaf.chainPem).toContain(inter.certPem.trim());
  });

  it('a CSR made by openssl is read and signed as a client', async () => {
    const r = await root();
    const { csrPem } = await opensslMakeCsr({ cn: 'worker-7', san: 'DNS:worker-7.internal' });
    const asks = await OPS.readCsr({ csrPem });
    expect(asks).toMatchObject({
      commonName: 'worker-7',
      sans: ['DNS:worker-7.internal'],
      signatureValid: true,
      keyAlgorithm: 'ECDSA P-256',
    });
    const signed = await OPS.signCsr({ csrPem, profile: 'client', days: 30, issuer: r });
    expect(signed.keyPem).toBeUndefined();
    expect((await opensslVerify({ rootPem: r.certPem, certPem: signed.certPem, purpose: 'sslclient' })).ok).toBe(true);
  });

  const importRows = [
    {
      name: 'encrypted PEM key with the right password',
      input: { password: 'secret', given: 'secret' },
      wantError: undefined,
    },
    {
      name: 'encrypted PEM key with the wrong password',
      input: { password: 'secret', given: 'nope' },
      wantError: { code: 'wrong-password', field: 'password' },
    },
    { name: 'plain PEM key', input: { password: '', given: '' }, wantError: undefined },
  ];
  for (const row of importRows) {
    it(`import a CA made by openssl: ${row.name}`, async () => {
      requireTool('openssl');
      const made = await withFiles({}, (_d, p) => {
        const enc = row.input.password ? ['-aes-256-cbc', '-pass', `pass:${row.input.password}`] : [];
        const key = run('openssl', [
          'genpkey',
          '-algorithm',
          'EC',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          ...enc,
          '-out',
          p('ca.key'),
        ]);
        const cert = run('openssl', [
          'req',
          '-x509',
          '-new',
          '-key',
          p('ca.key'),
          ...(row.input.password ? ['-passin', `pass:${row.input.password}`] : []),
          '-subj',
          '/CN=Openssl Root',
          '-days',
          '30',
          '-out',
          p('ca.crt'),
          '-addext',
          'basicConstraints=critical,CA:TRUE',
          '-addext',
          'keyUsage=critical,keyCertSign,cRLSign',
        ]);
        if (key.status || cert.status) throw new Error(key.stderr + cert.stderr);
        return { certPem: run('cat', [p('ca.crt')]).stdout, keyPem: run('cat', [p('ca.key')]).stdout };
      });
      const imported = OPS.importCa({
        cert: made.certPem,
        keyPem: made.keyPem,
        ...(row.input.given ? { password: row.input.given } : {}),
      });
      if (row.wantError) {
        await expect(imported).rejects.toMatchObject(row.wantError);
        return;
      }
      const ca = await imported;
      expect(ca.meta.subject).toBe('CN=Openssl Root');
      const leaf = await OPS.issueCertificate({
        profile: 'node',
        commonName: 'n1',
        sans: '',
        keyAlgorithm: 'p256',
        days: 10,
        issuer: ca,
      });
      expect((await opensslVerify({ rootPem: made.certPem, certPem: leaf.certPem, purpose: 'sslserver' })).ok).toBe(
        true,
      );
    });
  }
});
