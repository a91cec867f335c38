/**
 * The python `cryptography` anchor of the issuance figures: runs app/bench/issue_python.py on
 * the same node list certbench issues, and prints a certbench figure beside it with the ratio.
 * python3 and its cryptography package are required: without them the bench stops with an
 * error saying what to install (an anchor that silently disappears would leave figures that
 * cannot be judged).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'issue_python.py');
const PYTHON = process.env.PYTHON ?? 'python3';

/** One run of the python script: wall and CPU milliseconds for the whole batch. */
export interface AnchorRun {
  n: number;
  ms: number;
  cpuMs: number;
  python: string;
  cryptography: string;
}

/** Per-certificate wall and CPU time of one side. */
export interface PerCert {
  wall: number;
  cpu?: number;
}

/** The node list both sides issue: a name, an IP and a DNS name (the name becomes the first SAN). */
export function nodeList(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `node-${i} 10.${(i >> 8) & 255}.${i & 255}.1 node-${i}.cluster.example`,
  ).join('\n');
}

/** The node list written to a temporary file, for the CLI and the python script. */
export function nodeListFile(n: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'certbench-bench-')), `nodes-${n}.txt`);
  writeFileSync(file, `${nodeList(n)}\n`);
  return file;
}

function run(args: string[]): AnchorRun {
  let out: string;
  try {
    out = execFileSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? String(e);
    throw new Error(
      `The python anchor failed (${PYTHON} ${SCRIPT} ${args[0] ?? ''}): ${stderr.trim().split('\n').slice(-1)[0] ?? ''}. ` +
        'The bench needs python3 with the cryptography package (pip install cryptography; PYTHON=path picks another interpreter).',
      { cause: e },
    );
  }
  const parsed = JSON.parse(out.trim().split('\n').slice(-1)[0] ?? '{}') as {
    n: number;
    ms: number;
    cpu_ms: number;
    python: string;
    cryptography: string;
  };
  return { n: parsed.n, ms: parsed.ms, cpuMs: parsed.cpu_ms, python: parsed.python, cryptography: parsed.cryptography };
}

/** Python issuing the list in memory under a CA it makes itself. */
export function pythonInMemory(nodesFile: string): AnchorRun {
  return run(['memory', nodesFile]);
}

/** Python's floor under the same work: a fresh P-256 key and one signature over 420 bytes per node. */
export function pythonFloor(nodesFile: string): AnchorRun {
  return run(['floor', nodesFile]);
}

/** Python issuing under CA_DIR (ca.crt, ca.key) and writing OUT/NAME/node.crt and node.key. */
export function pythonFiles(nodesFile: string, caDir: string, outDir: string): AnchorRun {
  return run(['files', nodesFile, caDir, outDir]);
}

/** Versions of the anchor, checked once before any figure (fails loudly when missing). */
export function anchorVersion(): string {
  const r = run(['memory', nodeListFile(1)]);
  return `python ${r.python}, cryptography ${r.cryptography}`;
}

export const perCert = (r: AnchorRun): PerCert => ({ wall: r.ms / r.n, cpu: r.cpuMs / r.n });

/** The least disturbed of several rounds: the one with the lowest wall time. */
export function best(rounds: readonly PerCert[]): PerCert {
  return rounds.reduce((a, b) => (b.wall < a.wall ? b : a));
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

/**
 * One figure beside its anchor: "label: certbench X ms/cert, python Y ms/cert, ratio Z" (ratio =
 * certbench / python; at most 1.00 meets the goal), CPU times after them when both have one.
 * `isGoal` false: a figure for scale, whose ratio says faster or slower, never "goal met".
 */
export function anchorLine(label: string, ours: PerCert, anchor: PerCert, isGoal = true): string {
  const ratio = ours.wall / anchor.wall;
  const verdict = ratio <= 1 ? (isGoal ? '(goal met)' : '(faster than python)') : '(slower than python)';
  const cpu =
    ours.cpu !== undefined && anchor.cpu !== undefined
      ? `; CPU ${fmt(ours.cpu)} vs ${fmt(anchor.cpu)} (${(ours.cpu / anchor.cpu).toFixed(2)}x)`
      : '';
  return `${label}: certbench ${fmt(ours.wall)}/cert, python ${fmt(anchor.wall)}/cert, ratio ${ratio.toFixed(2)}x ${verdict}${cpu}`;
}
