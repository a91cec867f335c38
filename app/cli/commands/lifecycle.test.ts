/**
 * The CLI contract of issue 11 as a script would use it: revoke → crl (openssl judges the CRL
 * and the revoked client), renew one leaf and a cluster (openssl -x509_strict -purpose judges
 * the result), ca rotate (old and new leaves verify against the trust bundle). Nothing is
 * overwritten without --force, and errors name their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured, type CliRun } from '../testing/run-captured.ts';
import { run as runTool } from '../../test/judges/tools.ts';
import { leafFacts } from '../../pki/leaf-facts.ts';
import { formatSan } from '../../pki/san.ts';

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
const read = (...parts: string[]) => readFileSync(p(...parts), 'utf8');

function certbench(...argv: string[]): Promise<CliRun> {
  return runCaptured(argv);
}

async function ok(...argv: string[]): Promise<string> {
  const r = await certbench(...argv);
  if (r.status !== 0) throw new Error(`certbench ${argv.join(' ')} exited ${r.status}: ${r.err}`);
  return r.out;
}

/** `certbench renew batch` of nodes.txt from nodes/ under ca/ into `out`, with `flags`. */
function renewBatch(out: string, ...flags: string[]): Promise<string> {
  return ok('renew', 'batch', p('nodes.txt'), '--from', p('nodes'), '--ca-dir', p('ca'), '--out', p(out), ...flags);
}

function opensslVerify(...args: string[]): { ok: boolean; output: string } {
  const r = runTool('openssl', ['verify', ...args]);
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

/** `openssl verify -x509_strict -purpose <purpose> -CAfile <caFile> <cert>`. */
function strictVerify(purpose: string, caFile: string, cert: string): { ok: boolean; output: string } {
  return opensslVerify('-x509_strict', '-purpose', purpose, '-CAfile', caFile, cert);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'certbench-lifecycle-'));
  await ok('ca', 'create', '--out', p('ca'), '--cn', 'Lifecycle CA', '--days', '400');
  await ok('issue', 'client', 'alice', 'alice.example', '--ca-dir', p('ca'), '--out', p('alice'));
  await ok('issue', 'client', 'bob', 'bob.example', '--ca-dir', p('ca'), '--out', p('bob'));
  // Same CA name, another key: only the signature tells the two apart.
  await ok('ca', 'create', '--out', p('other-ca'), '--cn', 'Lifecycle CA');
  await ok('issue', 'client', 'stranger', '--ca-dir', p('other-ca'), '--out', p('stranger'));
  writeFileSync(p('nodes.txt'), 'db-1 127.0.0.1 db-1.local\ndb-2 127.0.0.2\n');
  await ok('issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('nodes'), '--days', '90');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certbench revoke and crl', () => {
  beforeAll(async () => {
    await ok('revoke', p('alice', 'client.crt'), '--ca-dir', p('ca'), '--reason', 'keyCompromise');
    await ok('crl', '--ca-dir', p('ca'), '--out', p('crl.pem'));
  });

  it('the CA folder remembers the revocation in revoked.json, CRL number included', () => {
    const state = JSON.parse(read('ca', 'revoked.json')) as {
      format: string;
      crlNumber: number;
      revoked: { serial: string; subject: string; reason: string }[];
    };
    expect(state.format).toBe('certbench-revocations/1');
    expect(state.crlNumber).toBe(1);
    expect(state.revoked.map((r) => [r.serial, r.subject, r.reason])).toEqual([
      [leafFacts(read('alice', 'client.crt')).serial, 'CN=alice', 'keyCompromise'],
    ]);
  });

  it('openssl crl -verify accepts the CRL', () => {
    const r = runTool('openssl', ['crl', '-in', p('crl.pem'), '-CAfile', p('ca', 'ca.crt'), '-verify', '-noout']);
    expect(`${r.status} ${r.stderr.trim()}`).toBe('0 verify OK');
  });

  const clients = [
    { name: 'alice (revoked)', dir: 'alice', accepted: false },
    { name: 'bob', dir: 'bob', accepted: true },
  ];
  for (const c of clients) {
    it(`openssl verify -crl_check ${c.accepted ? 'accepts' : 'refuses'} ${c.name}, and certbench verify --crl agrees`, async () => {
      const judge = opensslVerify(
        '-crl_check',
        '-CAfile',
        p('ca', 'ca.crt'),
        '-CRLfile',
        p('crl.pem'),
        p(c.dir, 'client.crt'),
      );
      expect(judge.ok, judge.output).toBe(c.accepted);
      const ours = await certbench(
        'verify',
        p(c.dir, 'client.crt'),
        '--ca',
        p('ca', 'ca.crt'),
        '--crl',
        p('crl.pem'),
        '--purpose',
        'client',
      );
      expect(ours.status, ours.out + ours.err).toBe(c.accepted ? 0 : 1);
    });
  }

  it('--der writes DER with the next CRL number and the asked lifetime', async () => {
    await ok('crl', '--ca-dir', p('ca'), '--out', p('crl.der'), '--der', '--days', '2');
    const r = runTool('openssl', [
      'crl',
      '-inform',
      'DER',
      '-in',
      p('crl.der'),
      '-CAfile',
      p('ca', 'ca.crt'),
      '-verify',
      '-noout',
      '-crlnumber',
      '-lastupdate',
      '-nextupdate',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/crlNumber=0x02/);
    const last = Date.parse(/lastUpdate=(.*)/.exec(r.stdout)?.[1] ?? '');
    const next = Date.parse(/nextUpdate=(.*)/.exec(r.stdout)?.[1] ?? '');
    expect(next - last).toBe(2 * 86_400_000);
  });

  const refusals = [
    {
      name: 'an existing --out without --force',
      argv: () => ['crl', '--ca-dir', p('ca'), '--out', p('crl.pem')],
      status: 1,
      err: /certbench crl: out: Refusing to overwrite .*crl\.pem \(use --force\)/,
    },
    {
      name: 'revoking twice',
      argv: () => ['revoke', p('alice', 'client.crt'), '--ca-dir', p('ca')],
      status: 1,
      err: /certbench revoke: cert: Serial [0-9a-f]+ \(CN=alice\) was already revoked/,
    },
    {
      name: 'an unknown reason',
      argv: () => ['revoke', p('bob', 'client.crt'), '--ca-dir', p('ca'), '--reason', 'lost'],
      status: 1,
      err: /certbench revoke: reason: "lost" is not a revocation reason/,
    },
    {
      name: 'a certificate of another CA',
      argv: () => ['revoke', p('stranger', 'client.crt'), '--ca-dir', p('ca')],
      status: 1,
      err: /certbench revoke: cert: "CN=stranger" was not issued by "CN=Lifecycle CA"/,
    },
    {
      name: 'the CA itself',
      argv: () => ['revoke', p('ca', 'ca.crt'), '--ca-dir', p('ca')],
      status: 1,
      err: /certbench revoke: cert: "CN=Lifecycle CA" is the CA itself/,
    },
    { name: 'no --ca-dir', argv: () => ['revoke', p('bob', 'client.crt')], status: 2, err: /--ca-dir is required/ },
  ];
  for (const row of refusals) {
    it(`refuses ${row.name}`, async () => {
      const r = await certbench(...row.argv());
      expect(r.status).toBe(row.status);
      expect(r.err).toMatch(row.err);
    });
  }
});

describe('certbench renew', () => {
  it('renews one leaf: same SANs, new key and serial, accepted by openssl -x509_strict -purpose', async () => {
    await ok('renew', p('nodes', 'db-1', 'node.crt'), '--ca-dir', p('ca'), '--out', p('db-1-renewed'));
    const was = leafFacts(read('nodes', 'db-1', 'node.crt'));
    const now = leafFacts(read('db-1-renewed', 'node.crt'));
    expect(now.sans.map(formatSan)).toEqual(['DNS:db-1', 'IP:127.0.0.1', 'DNS:db-1.local']);
    expect(now.sans).toEqual(was.sans);
    expect(now.spki).not.toEqual(was.spki);
    expect(now.serial).not.toBe(was.serial);
    expect(now.notAfter.getTime() - now.notBefore.getTime()).toBe(90 * 86_400_000);
    for (const purpose of ['sslserver', 'sslclient']) {
      const v = strictVerify(purpose, p('ca', 'ca.crt'), p('db-1-renewed', 'node.crt'));
      expect(v.ok, v.output).toBe(true);
    }
  });

  it('--keep-key keeps the key; a key of another certificate is refused by name', async () => {
    await ok(
      'renew',
      p('bob', 'client.crt'),
      '--ca-dir',
      p('ca'),
      '--out',
      p('bob-renewed'),
      '--keep-key',
      p('bob', 'client.key'),
      '--days',
      '10',
    );
    expect(leafFacts(read('bob-renewed', 'client.crt')).spki).toEqual(leafFacts(read('bob', 'client.crt')).spki);
    const wrong = await certbench(
      'renew',
      p('bob', 'client.crt'),
      '--ca-dir',
      p('ca'),
      '--out',
      p('bob-wrong'),
      '--keep-key',
      p('alice', 'client.key'),
    );
    expect([wrong.status, wrong.err]).toEqual([
      1,
      expect.stringMatching(/^certbench renew: keepKey: The key to keep does not belong to "CN=bob"/) as string,
    ]);
    expect(existsSync(p('bob-wrong'))).toBe(false);
  });

  it('refuses to overwrite without --force', async () => {
    const r = await certbench('renew', p('bob', 'client.crt'), '--ca-dir', p('ca'), '--out', p('bob'));
    expect([r.status, r.err]).toEqual([1, expect.stringMatching(/out: Refusing to overwrite .*client\.crt/) as string]);
  });

  it('batch: renews every node of the list from --from into --out, old files untouched', async () => {
    const before = read('nodes', 'db-2', 'node.crt');
    await renewBatch('nodes-renewed');
    expect(read('nodes', 'db-2', 'node.crt')).toBe(before);
    for (const name of ['db-1', 'db-2']) {
      expect(leafFacts(read('nodes-renewed', name, 'node.crt')).sans).toEqual(
        leafFacts(read('nodes', name, 'node.crt')).sans,
      );
      const v = strictVerify('sslserver', p('ca', 'ca.crt'), p('nodes-renewed', name, 'node.crt'));
      expect(v.ok, v.output).toBe(true);
    }
  });

  it('batch --keep-key certifies each node key again; --key-passphrase-file writes the new keys encrypted', async () => {
    await renewBatch('nodes-kept', '--keep-key');
    writeFileSync(p('key-pass.txt'), 'renewal passphrase\n');
    await renewBatch('nodes-sealed', '--key-passphrase-file', p('key-pass.txt'));
    for (const name of ['db-1', 'db-2']) {
      const old = leafFacts(read('nodes', name, 'node.crt'));
      const kept = leafFacts(read('nodes-kept', name, 'node.crt'));
      expect(kept.spki).toEqual(old.spki);
      expect(kept.serial).not.toBe(old.serial);
      expect(read('nodes-kept', name, 'node.key')).toBe(read('nodes', name, 'node.key'));
      expect(read('nodes-sealed', name, 'node.key')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      // openssl opens the key with the passphrase, and it is the certificate's key.
      const pub = runTool('openssl', [
        'pkey',
        '-in',
        p('nodes-sealed', name, 'node.key'),
        '-passin',
        `file:${p('key-pass.txt')}`,
        '-pubout',
      ]);
      expect(pub.status, pub.stderr).toBe(0);
      const certPub = runTool('openssl', ['x509', '-in', p('nodes-sealed', name, 'node.crt'), '-noout', '-pubkey']);
      expect(pub.stdout).toBe(certPub.stdout);
      for (const out of ['nodes-kept', 'nodes-sealed']) {
        const v = strictVerify('sslserver', p('ca', 'ca.crt'), p(out, name, 'node.crt'));
        expect(v.ok, `${out}/${name}: ${v.output}`).toBe(true);
      }
    }
  });

  it("batch: a line whose SANs are not the certificate's is named, before any key is made", async () => {
    writeFileSync(p('changed.txt'), 'db-1 127.0.0.1 db-1.local\ndb-2 127.0.0.9\n');
    const r = await certbench(
      'renew',
      'batch',
      p('changed.txt'),
      '--from',
      p('nodes'),
      '--ca-dir',
      p('ca'),
      '--out',
      p('nodes-changed'),
    );
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      /^certbench renew: nodes: line 2: db-2's certificate names DNS:db-2, IP:127\.0\.0\.2, the list DNS:db-2, IP:127\.0\.0\.9/,
    );
    expect(existsSync(p('nodes-changed'))).toBe(false);
  });
});

describe('certbench ca rotate', () => {
  beforeAll(async () => {
    await ok('ca', 'rotate', '--ca-dir', p('ca'), '--out', p('ca2'), '--cross-sign');
    await ok('renew', 'batch', p('nodes.txt'), '--from', p('nodes'), '--ca-dir', p('ca2'), '--out', p('nodes-new'));
  }, 60_000);

  it('writes ca.crt, ca.key, trust-bundle.crt (old then new), cross-signed.crt and ROTATION.md', () => {
    expect(read('ca2', 'trust-bundle.crt')).toBe(read('ca', 'ca.crt') + read('ca2', 'ca.crt'));
    const subject = runTool('openssl', ['x509', '-in', p('ca2', 'ca.crt'), '-noout', '-subject']).stdout.trim();
    expect(subject).toBe('subject=CN = Lifecycle CA G2');
    const guide = read('ca2', 'ROTATION.md');
    for (const target of ['ScyllaDB', 'Apache Cassandra', 'casty', 'Kubernetes'])
      expect(guide).toContain(`## ${target}`);
    expect(existsSync(p('ca2', 'cross-signed.crt'))).toBe(true);
  });

  for (const [name, leaf] of [
    ['an old leaf', ['nodes', 'db-1', 'node.crt']],
    ['a new leaf', ['nodes-new', 'db-1', 'node.crt']],
  ] as const) {
    it(`${name} verifies against the trust bundle`, () => {
      const v = strictVerify('sslserver', p('ca2', 'trust-bundle.crt'), p(...leaf));
      expect(v.ok, v.output).toBe(true);
    });
  }

  it('refuses to overwrite the new CA without --force', async () => {
    const r = await certbench('ca', 'rotate', '--ca-dir', p('ca'), '--out', p('ca2'));
    expect([r.status, r.err]).toEqual([1, expect.stringMatching(/out: Refusing to overwrite .*ca\.crt/) as string]);
  });
});
