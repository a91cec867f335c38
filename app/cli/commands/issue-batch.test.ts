/**
 * `certbench issue batch` as a script uses it: one folder per node with node.crt (0644) and
 * node.key (0600), every certificate judged by openssl verify -x509_strict for both TLS purposes
 * and its key matching it; --force over existing files leaves keys 0600 even where a 0644 file
 * was; without --force nothing is written, a symbolic link where a key goes included; a batch
 * that fails midway says how many node folders it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../testing/run-captured.ts';
import { requireTool, run as runTool } from '../../test/judges/tools.ts';

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
const NODES = ['db-1 127.0.0.1 db-1.local', 'db-2 10.0.0.2 2001:db8::2', 'db-3 db-3.example'];

async function ok(...argv: string[]): Promise<string> {
  const r = await runCaptured(argv);
  if (r.status !== 0) throw new Error(`certbench ${argv.join(' ')} exited ${r.status}: ${r.err}`);
  return r.out;
}

beforeAll(async () => {
  requireTool('openssl');
  dir = mkdtempSync(join(tmpdir(), 'certbench-issue-batch-'));
  await ok('ca', 'create', '--out', p('ca'), '--cn', 'Batch CA', '--days', '400');
  writeFileSync(p('nodes.txt'), `${NODES.join('\n')}\n`);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certbench issue batch', () => {
  it('writes a folder per node: certificates pass openssl -x509_strict, keys match and are 0600', async () => {
    const said = await ok('issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('out'), '--days', '90');
    expect(said).toMatch(/wrote 3 node folders/);
    for (const name of ['db-1', 'db-2', 'db-3']) {
      const crt = p('out', name, 'node.crt');
      const key = p('out', name, 'node.key');
      expect(statSync(crt).mode & 0o777, crt).toBe(0o644);
      expect(statSync(key).mode & 0o777, key).toBe(0o600);
      for (const purpose of ['sslserver', 'sslclient']) {
        const v = runTool('openssl', [
          'verify',
          '-x509_strict',
          '-purpose',
          purpose,
          '-CAfile',
          p('ca', 'ca.crt'),
          crt,
        ]);
        expect(v.status, v.stdout + v.stderr).toBe(0);
      }
      const fromCert = runTool('openssl', ['x509', '-noout', '-pubkey', '-in', crt]).stdout;
      const fromKey = runTool('openssl', ['pkey', '-pubout', '-in', key]).stdout;
      expect(fromKey).toBe(fromCert);
      expect(fromKey).toMatch(/BEGIN PUBLIC KEY/);
    }
  });

  it('without --force an existing file stops it before anything is written', async () => {
    mkdirSync(p('kept', 'db-2'), { recursive: true });
    writeFileSync(p('kept', 'db-2', 'node.key'), 'keep me');
    const r = await runCaptured(['issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('kept')]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/out: Refusing to overwrite .*db-2\/node\.key/);
    expect(readFileSync(p('kept', 'db-2', 'node.key'), 'utf8')).toBe('keep me');
    expect(existsSync(p('kept', 'db-1'))).toBe(false);
  });

  it('a file where a node folder goes stops it before any key is made, naming the path', async () => {
    mkdirSync(p('blocked'), { recursive: true });
    writeFileSync(p('blocked', 'db-3'), 'not a folder');
    for (const force of [[], ['--force']]) {
      const r = await runCaptured([
        'issue',
        'batch',
        p('nodes.txt'),
        '--ca-dir',
        p('ca'),
        '--out',
        p('blocked'),
        ...force,
      ]);
      expect(r.status).toBe(1);
      expect(r.err).toMatch(/out: .*blocked\/db-3 is a file: node db-3 needs a folder there/);
      expect(existsSync(p('blocked', 'db-1'))).toBe(false);
    }
  });

  it('an --out that is a file stops it before any key is made', async () => {
    writeFileSync(p('out-file'), 'not a folder');
    const r = await runCaptured(['issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('out-file')]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/out: .*out-file is a file, not a folder/);
  });

  it('with --force a world-readable file in the way becomes a 0600 key', async () => {
    mkdirSync(p('forced', 'db-1'), { recursive: true });
    writeFileSync(p('forced', 'db-1', 'node.key'), 'old', { mode: 0o644 });
    await ok('issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('forced'), '--force');
    expect(statSync(p('forced', 'db-1', 'node.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(p('forced', 'db-1', 'node.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('a dangling symbolic link where a key goes is refused without --force; --force replaces the link only', async () => {
    mkdirSync(p('linked', 'db-2'), { recursive: true });
    symlinkSync(p('elsewhere.key'), p('linked', 'db-2', 'node.key'));
    const refused = await runCaptured(['issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('linked')]);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/out: Refusing to overwrite .*linked\/db-2\/node\.key \(a symbolic link/);
    await ok('issue', 'batch', p('nodes.txt'), '--ca-dir', p('ca'), '--out', p('linked'), '--force');
    expect(existsSync(p('elsewhere.key'))).toBe(false);
    expect(lstatSync(p('linked', 'db-2', 'node.key')).isSymbolicLink()).toBe(false);
    expect(statSync(p('linked', 'db-2', 'node.key')).mode & 0o777).toBe(0o600);
  });

  it('a write that fails midway names the path and how many node folders were written', async () => {
    mkdirSync(p('midway', 'db-2', 'node.key'), { recursive: true });
    const r = await runCaptured([
      'issue',
      'batch',
      p('nodes.txt'),
      '--ca-dir',
      p('ca'),
      '--out',
      p('midway'),
      '--force',
    ]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      /out: Cannot write .*midway\/db-2\/node\.key: a folder is in the way\. 1 of 3 folders were written in full before it\./,
    );
  });
});
