/**
 * Go's crypto/x509 as a batch chain judge: go_x509_judge.go (beside this file, standard
 * library only) built once with Debian's go and run in one process for every chain.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { requireTool, run, withFiles } from './tools.ts';
import { buildOnce } from './build-once.ts';
import { oneLine, type JudgedChain, type StackVerdict } from './chain.ts';

const SOURCE = fileURLToPath(new URL('./go_x509_judge.go', import.meta.url));

function binary(): string {
  requireTool('go');
  const dir = buildOnce(SOURCE, (out) => {
    // A single-file build needs no module; GOCACHE under the run's TMPDIR keeps HOME untouched.
    const r = run(
      'env',
      [
        `GOCACHE=${join(tmpdir(), 'certbench-go-cache')}`,
        'GO111MODULE=off',
        'GOFLAGS=',
        'go',
        'build',
        '-o',
        join(out, 'judge'),
        SOURCE,
      ],
      { timeoutMs: 300_000 },
    );
    if (r.status !== 0) throw new Error(`go build go_x509_judge.go failed: ${r.stderr}`);
  });
  return join(dir, 'judge');
}

const b64 = (d: Uint8Array) => Buffer.from(d).toString('base64');

export function goX509Verdicts(chains: JudgedChain[]): Promise<StackVerdict[]> {
  const judge = binary();
  const input = chains.map((c) => ({
    name: c.name,
    purpose: c.purpose,
    host: c.host,
    at: c.at.toISOString(),
    leaf: b64(c.leafDer),
    intermediates: c.intermediatesDer.map(b64),
    anchor: b64(c.anchorDer),
  }));
  return withFiles({ 'chains.json': JSON.stringify(input) }, (_d, p) => {
    const r = run(judge, [p('chains.json')], { timeoutMs: 300_000 });
    let out: { name: string; ok: boolean; reason: string }[];
    try {
      out = JSON.parse(r.stdout) as typeof out;
    } catch {
      throw new Error(`Go judge crashed (status ${r.status}): ${r.stderr.trim()}`);
    }
    if (out.length !== chains.length) throw new Error(`Go judge judged ${out.length} of ${chains.length} chains`);
    return out.map((v) => ({ ok: v.ok, reason: oneLine(v.reason) }));
  });
}
