/**
 * Benchmark section "pkcs12": how long opening a PKCS#12 file with a 1,000,000-iteration MAC
 * takes certbench in Node (readInput: MAC key derivation, HMAC, bags), beside `openssl pkcs12`
 * checking the same file in the same run. Files are made by openssl: a SHA-256 MAC (OpenSSL 3's
 * default) and a SHA-1 MAC with 3DES/RC2-40 bags (OpenSSL 1.1's default, -legacy), both with
 * 1,000,000 iterations for the MAC and, in the legacy one, for the bags too. Prints figures;
 * never fails on them. Best of a few runs after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInput } from '../pki/read/read-input.ts';

const RUNS = 3;
const ITERATIONS = 1_000_000;

const FILES = [
  { name: 'SHA-256 MAC, no encryption', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-macalg', 'sha256'] },
  { name: 'SHA-1 MAC, no encryption', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-macalg', 'sha1'] },
  { name: 'SHA-1 MAC, 3DES key, RC2-40 certificates (-legacy), all 1,000,000', args: ['-legacy'] },
];

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/** Best wall time and best CPU time of this process (the CPU figure shrugs off a busy machine). */
async function best(run: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  await run();
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const used = process.cpuUsage(c);
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-bench-p12-'));
  try {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-subj', '/CN=bench', '-days', '1', '-out', 'c.pem'], dir);
    writeFileSync(join(dir, 'pw'), 'bench-pw');
    for (const [i, f] of FILES.entries()) {
      openssl(['pkcs12', '-export', ...f.args, '-iter', String(ITERATIONS), '-in', 'c.pem', '-inkey', 'k.pem', '-passout', 'file:pw', '-out', `${i}.p12`], dir);
      const bytes = new Uint8Array(readFileSync(join(dir, `${i}.p12`)));
      let failure = '';
      const ours = await best(async () => {
        const items = await readInput({ bytes, name: 'f.p12' }, { password: 'bench-pw' });
        const errors = items.flatMap((item) => (item.kind === 'error' ? [item.message] : []));
        if (errors.length) failure = ` (not opened: ${errors.join(' ')})`;
      });
      const theirs = await best(() => openssl(['pkcs12', '-legacy', '-in', `${i}.p12`, '-passin', 'file:pw', '-nodes', '-out', 'out.pem'], dir));
      console.log(
        `pkcs12 ${ITERATIONS.toLocaleString('en')}-iteration file, ${f.name}: certbench (Node) ${ours.wall.toFixed(0)} ms (${ours.cpu.toFixed(0)} ms CPU)${failure}, openssl pkcs12 ${theirs.wall.toFixed(0)} ms (its process included)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
