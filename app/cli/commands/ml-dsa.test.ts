/**
 * The CLI makes and judges ML-DSA PKIs (Node 20: the library engine): ca create/intermediate,
 * issue, csr create/sign, verify and export with --alg mldsa44|65|87; python cryptography 48
 * verifies every signature and loads every key written. Cassandra's PEM refuses ML-DSA keys.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonMlDsaVerdicts } from '../../test/judges/python-ml-dsa.ts';
import { runCaptured } from '../testing/run-captured.ts';

describe('certbench with ML-DSA', () => {
  it('ca, intermediate, issue, csr, verify and export, judged by python', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certbench-mldsa-cli-'));
    const f = (name: string) => join(dir, name);
    const ok = async (argv: string[]) => {
      const r = await runCaptured(argv);
      expect(r.status, `${argv.join(' ')}\n${r.err}`).toBe(0);
      return r;
    };
    await ok(['ca', 'create', '--out', f('root'), '--cn', 'PQ Root', '--alg', 'mldsa44']);
    await ok([
      'ca',
      'intermediate',
      '--ca-dir',
      f('root'),
      '--out',
      f('issuing'),
      '--cn',
      'PQ Issuing',
      '--alg',
      'mldsa65',
    ]);
    await ok([
      'issue',
      'node',
      'db1',
      '10.0.0.1',
      'db1.example',
      '--ca-dir',
      f('issuing'),
      '--out',
      f('db1'),
      '--alg',
      'mldsa44',
    ]);
    await ok(['csr', 'create', 'app', '--out', f('req'), '--alg', 'mldsa65']);
    await ok(['csr', 'sign', f('req/app.csr'), '--ca-dir', f('issuing'), '--profile', 'client', '--out', f('signed')]);
    const verify = await ok([
      'verify',
      f('db1/node.crt'),
      '--untrusted',
      f('issuing/ca.crt'),
      '--ca',
      f('root/ca.crt'),
      '--host',
      'db1.example',
      '--purpose',
      'server',
    ]);
    expect(verify.out).toMatch(/OK/);
    writeFileSync(f('pw.txt'), 'p12 secret\n');
    // node.crt is the leaf then its intermediate (what the node presents); PKCS#12 takes the leaf alone.
    writeFileSync(
      f('db1-leaf.crt'),
      readFileSync(f('db1/node.crt'), 'utf8').split(/(?<=-----END CERTIFICATE-----\n)/)[0] ?? '',
    );
    await ok([
      'export',
      'p12',
      '--cert',
      f('db1-leaf.crt'),
      '--key',
      f('db1/node.key'),
      '--chain',
      f('issuing/ca.crt'),
      '--password-file',
      f('pw.txt'),
      '--out',
      f('db1.p12'),
    ]);
    await ok([
      'export',
      'pkcs8',
      '--key',
      f('db1/node.key'),
      '--password-file',
      f('pw.txt'),
      '--out',
      f('db1.enc.key'),
    ]);
    const refused = await runCaptured([
      'export',
      'cassandra-pem',
      '--cert',
      f('db1-leaf.crt'),
      '--key',
      f('db1/node.key'),
      '--out',
      f('cassandra.pem'),
    ]);
    expect(refused.status).not.toBe(0);
    expect(refused.err).toMatch(/cannot use ML-DSA/);

    const read = (p: string) => readFileSync(f(p), 'utf8');
    const verdicts = await pythonMlDsaVerdicts({
      certificates: [
        { name: 'root', pem: read('root/ca.crt'), issuer: 'root' },
        { name: 'issuing', pem: read('issuing/ca.crt'), issuer: 'root' },
        { name: 'db1', pem: read('db1/node.crt'), issuer: 'issuing' },
        { name: 'app', pem: read('signed/app.crt'), issuer: 'issuing' },
      ],
      csrs: [{ name: 'app csr', pem: read('req/app.csr') }],
      keys: [
        { name: 'root key', pem: read('root/ca.key'), certificate: 'root' },
        { name: 'issuing key', pem: read('issuing/ca.key'), certificate: 'issuing' },
        { name: 'db1 key', pem: read('db1/node.key'), certificate: 'db1' },
        { name: 'db1 key, encrypted', pem: read('db1.enc.key'), password: 'p12 secret', certificate: 'db1' },
        { name: 'app key', pem: read('req/app.key'), certificate: 'app' },
      ],
    });
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(verdicts.filter((v) => v.what === 'key').map((v) => v.detail)).toEqual([
      'MLDSA44',
      'MLDSA65',
      'MLDSA44',
      'MLDSA44',
      'MLDSA65',
    ]);
  });
});
